// Shared by the studio's tests: a scenario folder of its own, a studio on a free port, and requests
// with or without the token, with headers fetch would not let us forge.
import { copyFileSync, mkdtempSync } from "node:fs";
import { request } from "node:http";
import os from "node:os";
import path from "node:path";
import { startStudio, type Studio } from "../../src/studio/server/server.ts";
import type { StreamMessage } from "../../src/studio/protocol.ts";

/** A temporary folder holding copies of `files`, so saving variants never touches the repository. */
export function scenarioFolder(...files: string[]): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "bazaar-studio-"));
  for (const f of files) copyFileSync(f, path.join(dir, path.basename(f)));
  return dir;
}

export function studioOn(dir: string, scenario: string, log: string[] = []): Promise<Studio> {
  return startStudio({ scenario: path.join(dir, scenario), runsDir: path.join(dir, "runs"), port: 0, workers: 2, log: (line) => log.push(line) });
}

export const base = (studio: Studio) => `http://127.0.0.1:${studio.port}`;
export const withToken = (studio: Studio, route: string) => `${base(studio)}${route}${route.includes("?") ? "&" : "?"}token=${studio.token}`;

export async function postJson(studio: Studio, route: string, body: unknown): Promise<Response> {
  return fetch(withToken(studio, route), { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
}

/** Reads a streamed batch to its end: every message, the last being the result, cancellation or error. */
export async function streamed<T>(response: Response): Promise<StreamMessage<T>[]> {
  expect200(response);
  const text = await response.text();
  return text.trim().split("\n").map((line) => JSON.parse(line) as StreamMessage<T>);
}

export async function resultOf<T>(response: Response): Promise<T> {
  const messages = await streamed<T>(response);
  const last = messages[messages.length - 1];
  if (last.type !== "result") throw new Error(`expected a result, found ${JSON.stringify(last)}`);
  return last.result;
}

function expect200(response: Response): void {
  if (response.status !== 200) throw new Error(`expected 200, found ${response.status}`);
}

/** A request with exactly these headers (Host and Origin included), as a hostile page could send. */
export function rawRequest(port: number, options: { path: string; method?: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path: options.path, method: options.method ?? "GET", headers: options.headers, setHost: !options.headers?.Host }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end(options.body);
  });
}

/** Polls `check` until it returns a value (file watching and cancelled batches settle asynchronously). */
export async function eventually<T>(check: () => Promise<T | undefined>, what: string, tries = 200): Promise<T> {
  for (let k = 0; k < tries; k++) {
    const value = await check();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`gave up waiting for ${what}`);
}
