// GET /api/events: server-sent events telling the page the scenario file changed on disk.
import type { ServerResponse } from "node:http";
import type { Workspace } from "./workspace.ts";

export class EventStreams {
  private readonly open = new Set<ServerResponse>();

  constructor(workspace: Workspace) {
    workspace.onChange((version) => this.send("scenario", { version }));
  }

  attach(res: ServerResponse): void {
    res.writeHead(200, { "Content-Type": "text/event-stream; charset=utf-8", Connection: "keep-alive" });
    res.write(": bazaar studio\n\n");
    this.open.add(res);
    res.on("close", () => this.open.delete(res));
  }

  close(): void {
    for (const res of this.open) res.end();
    this.open.clear();
  }

  private send(event: string, data: unknown): void {
    for (const res of this.open) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }
}
