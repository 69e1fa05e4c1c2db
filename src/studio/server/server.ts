// The studio's HTTP server (node:http): every request passes the security checks, then one route.
import { createReadStream, mkdirSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { UserError } from "../../scenario/problems.ts";
import { clientScript, pageHtml, stylesheet } from "./assets.ts";
import { handleCompare, handleRun, handleSweep } from "./batch-handlers.ts";
import { BatchSlot } from "./batch-slot.ts";
import type { Context } from "./context.ts";
import { EventStreams } from "./events.ts";
import { handleOpen, handleSave, handleTrace } from "./file-handlers.ts";
import { contentTypeOf, fileFromUrl, type Roots } from "./files.ts";
import { HttpError } from "./http-error.ts";
import { RunStore } from "./run-store.ts";
import { checkHost, checkOrigin, checkToken, newToken, SAFE_HEADERS, tokenCookie, type Guard } from "./security.ts";
import { sendError, sendJson } from "./respond.ts";
import { Workspace } from "./workspace.ts";

export interface StudioOptions {
  scenario: string;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Where run sets are saved; default `runs/` in the working folder. */
  runsDir?: string;
  workers?: number;
  /** Messages for the terminal (internal errors). */
  log?: (line: string) => void;
}

export interface Studio {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

type Handler = (ctx: Context, req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

export async function startStudio(options: StudioOptions): Promise<Studio> {
  const host = options.host ?? "127.0.0.1";
  const roots: Roots = { scenarios: path.dirname(path.resolve(options.scenario)), runs: path.resolve(options.runsDir ?? "runs") };
  const log = options.log ?? ((line: string) => process.stderr.write(line + "\n"));
  mkdirSync(roots.runs, { recursive: true });
  const workspace = new Workspace(options.scenario);
  const store = new RunStore(path.join(roots.runs, `.studio-${process.pid}`));
  const ctx: Context = { workspace, store, slot: new BatchSlot(), roots, workers: options.workers ?? os.availableParallelism(), log };
  const events = new EventStreams(workspace);
  const guard: Guard = { token: newToken(), port: 0, bindHost: host };
  const server = createServer((req, res) => void handle(ctx, guard, events, req, res).catch(() => res.destroy()));
  try {
    guard.port = await listen(server, host, options.port ?? 0);
  } catch (e) {
    workspace.close(); // stop watching, or the process would not exit
    throw e;
  }
  void clientScript().catch(() => undefined); // bundle while the browser opens
  const shownHost = host.includes(":") ? `[${host}]` : host === "0.0.0.0" ? "127.0.0.1" : host;
  return {
    url: `http://${shownHost}:${guard.port}/?token=${guard.token}`,
    port: guard.port,
    token: guard.token,
    async close() {
      await ctx.slot.stop();
      events.close();
      workspace.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections(); // a browser's kept-alive connections would hold close() open
      await closed;
      store.close();
    },
  };
}

function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", (e: NodeJS.ErrnoException) => {
      reject(new UserError(e.code === "EADDRINUSE" ? `port ${port} is in use: choose another with --port (0 picks a free one)` : `cannot listen on ${host}:${port}: ${e.code ?? e.message}`));
    });
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}

async function handle(ctx: Context, guard: Guard, events: EventStreams, req: IncomingMessage, res: ServerResponse): Promise<void> {
  for (const [name, value] of Object.entries(SAFE_HEADERS)) res.setHeader(name, value);
  try {
    checkHost(req.headers.host, guard);
    checkOrigin(req.headers);
    const url = new URL(req.url ?? "/", "http://studio.invalid");
    const via = checkToken(url, req.headers, guard);
    if (via === "query") res.setHeader("Set-Cookie", tokenCookie(guard));
    await route(ctx, events, url, req, res);
  } catch (e) {
    sendError(res, e, ctx.log);
  }
}

const POST_ROUTES: Record<string, Handler> = {
  "/api/run": handleRun,
  "/api/compare": handleCompare,
  "/api/sweep": handleSweep,
  "/api/trace": handleTrace,
  "/api/save": handleSave,
  "/api/open": handleOpen,
  "/api/cancel": (ctx, _req, res) => sendJson(res, 200, { cancelled: ctx.slot.cancel() }),
};

const GET_ROUTES: Record<string, (ctx: Context, events: EventStreams, res: ServerResponse) => Promise<void> | void> = {
  "/": (_ctx, _events, res) => send(res, "text/html; charset=utf-8", pageHtml()),
  "/app.js": async (_ctx, _events, res) => send(res, "text/javascript; charset=utf-8", await clientScript()),
  "/app.css": (_ctx, _events, res) => send(res, "text/css; charset=utf-8", stylesheet()),
  "/api/scenario": (ctx, _events, res) => sendJson(res, 200, ctx.workspace.view()),
  "/api/events": (_ctx, events, res) => events.attach(res),
};

async function route(ctx: Context, events: EventStreams, url: URL, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const post = Object.hasOwn(POST_ROUTES, url.pathname) ? POST_ROUTES[url.pathname] : undefined;
  const get = Object.hasOwn(GET_ROUTES, url.pathname) ? GET_ROUTES[url.pathname] : undefined;
  if (req.method === "POST" && post) return post(ctx, req, res);
  if (req.method === "GET" && get) return get(ctx, events, res);
  if (req.method === "GET" && url.pathname.startsWith("/files/")) return sendFile(res, fileFromUrl(url.pathname, ctx.roots));
  if (post || get) throw new HttpError(405, `${req.method} is not allowed on ${url.pathname}: use ${post ? "POST" : "GET"}`);
  throw new HttpError(404, `no such page or endpoint: ${url.pathname}`);
}

function send(res: ServerResponse, type: string, text: string): void {
  res.writeHead(200, { "Content-Type": type });
  res.end(text);
}

function sendFile(res: ServerResponse, file: string): void {
  res.writeHead(200, { "Content-Type": contentTypeOf(file) });
  createReadStream(file).on("error", () => res.destroy()).pipe(res);
}
