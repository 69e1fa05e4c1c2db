// One batch at a time from the page: progress bar and status while it runs, Cancel to stop it, and
// the outcome (result, cancellation or error) written into the panel that asked.
import { Cancelled, postJson, postStream, RequestError } from "./http.ts";
import { byId, el, replaceChildren } from "./dom.ts";
import { count } from "./format.ts";
import { problemList } from "./scenario-view.ts";

const BUSY_BUTTONS = ["run", "compare", "sweep", "save"];

export class BatchRunner {
  private running?: AbortController;

  constructor(private readonly onIdle: () => void) {
    byId("cancel").addEventListener("click", () => this.cancel());
  }

  get busy(): boolean {
    return this.running !== undefined;
  }

  async stream<T>(path: string, body: unknown, target: HTMLElement, show: (result: T) => HTMLElement[]): Promise<T | undefined> {
    if (this.running) return undefined;
    const controller = new AbortController();
    this.running = controller;
    this.setBusy(true);
    status("Starting…");
    try {
      const result = await postStream<T>(path, body, controller.signal, (done, planned, stage) => {
        const bar = byId<HTMLProgressElement>("progress");
        bar.max = planned;
        bar.value = done;
        status(`${stage}: ${count(done)} of ${count(planned)} runs`);
      });
      replaceChildren(target, ...show(result));
      status("Done.");
      return result;
    } catch (e) {
      report(target, e);
      return undefined;
    } finally {
      this.running = undefined;
      byId<HTMLProgressElement>("progress").value = 0;
      this.setBusy(false);
      this.onIdle();
    }
  }

  private cancel(): void {
    if (!this.running) return;
    this.running.abort();
    void postJson("/api/cancel", {}).catch(() => undefined);
  }

  private setBusy(busy: boolean): void {
    for (const id of BUSY_BUTTONS) byId<HTMLButtonElement>(id).disabled = busy;
    byId<HTMLButtonElement>("cancel").disabled = !busy;
  }
}

export function status(text: string): void {
  byId("status").textContent = text;
}

/** Writes an error (or a cancellation) where the result would have gone. */
export function report(target: HTMLElement, e: unknown): void {
  if (e instanceof Cancelled) {
    status("Cancelled: nothing was kept of the unfinished batch.");
    replaceChildren(target, el("p", { class: "cancelled", text: "Cancelled." }));
    return;
  }
  const message = e instanceof Error ? e.message : String(e);
  status(`Failed: ${message}`);
  const problems = e instanceof RequestError && e.problems ? problemList(e.problems) : null;
  replaceChildren(target, el("div", { class: "error", role: "alert" }, el("p", { text: message }), problems));
}
