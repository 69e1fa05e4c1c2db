// One batch at a time: the worker pool already uses every core, so a second batch would only slow
// the first. A request that finds the slot taken gets a 409 and can cancel the running batch.
import { HttpError } from "./http-error.ts";

export class BatchSlot {
  private running?: AbortController;

  /** Takes the slot; the controller's signal tells the batch to stop. */
  take(): AbortController {
    if (this.running) throw new HttpError(409, "a batch is already running: wait for it or cancel it");
    this.running = new AbortController();
    return this.running;
  }

  release(controller: AbortController): void {
    if (this.running === controller) this.running = undefined;
  }

  /** Cancels the running batch; true if there was one. */
  cancel(): boolean {
    if (!this.running) return false;
    this.running.abort();
    return true;
  }
}
