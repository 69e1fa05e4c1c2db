// An answer the server gives on purpose: a 4xx status with a message for the person or script that asked.
import type { ProblemView } from "../protocol.ts";

export class HttpError extends Error {
  constructor(readonly status: number, message: string, readonly problems?: ProblemView[]) {
    super(message);
    this.name = "HttpError";
  }
}
