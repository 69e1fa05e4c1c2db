// Request bodies: JSON only, at most 1 MiB, checked against a zod schema with a message saying what
// was expected and what was found.
import type { IncomingMessage } from "node:http";
import * as z from "zod";
import { explainIssues } from "../../scenario/zod-issues.ts";
import { formatPath } from "../../scenario/problems.ts";
import { HttpError } from "./http-error.ts";

export const MAX_BODY_BYTES = 1024 * 1024;

export async function readJson<T>(req: IncomingMessage, schema: z.ZodType<T>): Promise<T> {
  const type = req.headers["content-type"] ?? "";
  if (!/^application\/json\b/i.test(type)) throw new HttpError(415, `expected Content-Type: application/json, found '${type || "none"}'`);
  const text = await readText(req);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new HttpError(400, `malformed JSON body: ${(e as Error).message}`);
  }
  const parsed = schema.safeParse(data, { reportInput: true });
  if (!parsed.success) {
    const issues = explainIssues(parsed.error.issues, new Set());
    throw new HttpError(400, `request body: ${issues.map((i) => `${formatPath(i.path)}: ${i.message}`).join("; ")}`);
  }
  return parsed.data;
}

function readText(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new HttpError(413, `expected a body of at most ${MAX_BODY_BYTES} bytes`));
        req.resume();
        return;
      }
      parts.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(parts).toString("utf8")));
    req.on("error", () => reject(new HttpError(400, "the request body could not be read")));
  });
}
