// One batch at a time: the worker pool already uses every core, so a second batch would only slow
// the first. A request that finds the slot taken gets a 409 and can cancel the running batch.
import { HttpError } from "./http-error.ts";

interface Running {
  controller: AbortController;
  finished: Promise<void>;
  finish: () => void;
}

export class BatchSlot {
  private running?: Running;

  /** Takes the slot; the controller's signal tells the batch to stop. */
  take(): AbortController {
    if (this.running) throw new HttpError(409, "a batch is already running: wait for it or cancel it");
    let finish = () => {};
    const finished = new Promise<void>((resolve) => (finish = resolve));
    this.running = { controller: new AbortController(), finished, finish };
    return this.running.controller;
  }

  release(controller: AbortController): void {
    if (this.running?.controller !== controller) return;
    this.running.finish();
    this.running = undefined;
  }

  /** Cancels the running batch; true if there was one. */
  cancel(): boolean {
    if (!this.running) return false;
    this.running.controller.abort();
    return true;
  }

  /** Cancels the running batch and waits until it has cleaned up after itself. */
  async stop(): Promise<void> {
    const running = this.running;
    if (!running) return;
    running.controller.abort();
    await running.finished;
  }
}
