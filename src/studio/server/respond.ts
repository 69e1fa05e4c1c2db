// Writing answers: JSON, errors as a status and a message (never a stack trace), and streamed
// batches as newline-delimited JSON that stop when the page goes away.
import type { ServerResponse } from "node:http";
import { ScenarioError, UserError } from "../../scenario/problems.ts";
import { problemView } from "./problem-view.ts";
import type { ErrorBody, ProblemView, StreamMessage } from "../protocol.ts";
import { HttpError } from "./http-error.ts";
import type { BatchSlot } from "./batch-slot.ts";

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", ...headers });
  res.end(JSON.stringify(body));
}

/** Status, message and problems for any error: ours, the user's (bad input), or a bug (500, no details). */
export function describeError(e: unknown, log: (line: string) => void): { status: number; body: ErrorBody } {
  if (e instanceof HttpError) return { status: e.status, body: withProblems(e.message, e.problems) };
  if (e instanceof ScenarioError) {
    return { status: 422, body: withProblems(e.message, e.problems.map(problemView)) };
  }
  if (e instanceof UserError) return { status: 400, body: { error: e.message } };
  log(`bazaar studio: internal error: ${(e as Error)?.message ?? String(e)}${process.env.BAZAAR_DEBUG ? `\n${(e as Error)?.stack}` : ""}`);
  return { status: 500, body: { error: "internal error in bazaar studio (the terminal that runs it shows the message); this is a bug, please report it" } };
}

function withProblems(error: string, problems: ProblemView[] | undefined): ErrorBody {
  return problems ? { error, problems } : { error };
}

export function sendError(res: ServerResponse, e: unknown, log: (line: string) => void): void {
  const { status, body } = describeError(e, log);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  sendJson(res, status, body);
}

/**
 * Streams a batch: progress lines, then its result, or a line saying it was cancelled or failed. The
 * batch holds the slot throughout; the page closing the connection cancels it.
 */
export async function streamBatch<T>(
  res: ServerResponse, slot: BatchSlot, log: (line: string) => void,
  work: (progress: (done: number, planned: number, stage: string) => void, signal: AbortSignal) => Promise<T | "cancelled">,
): Promise<void> {
  const controller = slot.take();
  const write = (message: StreamMessage<T>) => {
    if (!res.writableEnded && !res.destroyed) res.write(JSON.stringify(message) + "\n");
  };
  res.on("close", () => {
    if (!res.writableFinished) controller.abort();
  });
  res.writeHead(200, { "Content-Type": "application/x-ndjson; charset=utf-8", "X-Accel-Buffering": "no" });
  try {
    const result = await work((done, planned, stage) => write({ type: "progress", done, planned, stage }), controller.signal);
    write(result === "cancelled" ? { type: "cancelled", message: "cancelled: nothing was kept of the unfinished batch" } : { type: "result", result });
  } catch (e) {
    const { status, body } = describeError(e, log);
    write({ type: "error", status, message: body.error, ...(body.problems ? { problems: body.problems } : {}) });
  } finally {
    slot.release(controller);
    res.end();
  }
}
