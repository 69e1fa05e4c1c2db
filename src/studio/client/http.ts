// Talking to the studio's server: JSON requests, and streamed batches read line by line.
import type { ErrorBody, ProblemView, StreamMessage } from "../protocol.ts";

export class RequestError extends Error {
  constructor(readonly status: number, message: string, readonly problems?: ProblemView[]) {
    super(message);
  }
}

export class Cancelled extends Error {}

async function failure(response: Response): Promise<RequestError> {
  let body: ErrorBody = { error: `${response.status} ${response.statusText}` };
  try {
    body = await response.json();
  } catch {
    // not JSON: keep the status line
  }
  return new RequestError(response.status, body.error, body.problems);
}

export async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(path, { headers: { Accept: "application/json" } });
  if (!response.ok) throw await failure(response);
  return response.json();
}

export async function postJson<T>(path: string, body: unknown): Promise<T> {
  const response = await fetch(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  if (!response.ok) throw await failure(response);
  return response.json();
}

/** Posts a batch request and reports its progress lines until the result (or cancellation, or an error). */
export async function postStream<T>(path: string, body: unknown, signal: AbortSignal, onProgress: (done: number, planned: number, stage: string) => void): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body), signal });
  } catch (e) {
    throw signal.aborted ? new Cancelled("cancelled") : e;
  }
  if (!response.ok || !response.body) throw await failure(response);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = "";
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffered += value;
      let newline: number;
      while ((newline = buffered.indexOf("\n")) >= 0) {
        const message = JSON.parse(buffered.slice(0, newline)) as StreamMessage<T>;
        buffered = buffered.slice(newline + 1);
        if (message.type === "progress") onProgress(message.done, message.planned, message.stage);
        else if (message.type === "result") return message.result;
        else if (message.type === "cancelled") throw new Cancelled(message.message);
        else throw new RequestError(message.status, message.message, message.problems);
      }
    }
  } catch (e) {
    if (signal.aborted) throw new Cancelled("cancelled");
    throw e;
  }
  throw signal.aborted ? new Cancelled("cancelled") : new RequestError(0, "the server closed the answer before the result");
}
