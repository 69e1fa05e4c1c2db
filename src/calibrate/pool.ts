// The worker pool of a calibration. Unlike a batch's pool (src/runner/pool.ts), which serves one scenario,
// it lives for the whole calibration and runs tasks of any scenario at any candidate point, so threads
// start once, not once per scenario and candidate. As there, with W workers this thread is one of them
// and W−1 are worker threads; results are put back in task order, so nothing depends on which worker
// ran what.
import { EventEmitter } from "node:events";
import { Worker } from "node:worker_threads";
import { workerSource } from "../runner/worker-source.ts";
import { countOutcomes, type CountResult, type CountTask } from "./count.ts";

export interface CountPool {
  /**
   * Runs every task (task k must have id k); gives their results in task order, or undefined once
   * aborted. `onDone` hears of each task as it finishes (for progress only: the order varies).
   */
  run(tasks: CountTask[], onDone?: (task: CountTask) => void): Promise<CountResult[] | undefined>;
  /** Stops at once: the tasks in flight are abandoned and the current `run` gives undefined. */
  abort(): void;
  close(): Promise<void>;
}

interface TaskWorker {
  /** Tasks it may hold at once. */
  slots: number;
  postMessage(task: CountTask): void;
  on(event: "message", listener: (result: CountResult) => void): unknown;
  on(event: "error", listener: (error: Error) => void): unknown;
  terminate(): Promise<unknown>;
}

/** Runs tasks in this thread, one per turn of the event loop, so results and signals are still handled. */
class LocalWorker extends EventEmitter implements TaskWorker {
  readonly slots = 1;
  private stopped = false;
  postMessage(task: CountTask): void {
    setImmediate(() => {
      if (this.stopped) return;
      try {
        this.emit("message", countOutcomes(task));
      } catch (e) {
        this.emit("error", e as Error);
      }
    });
  }
  async terminate(): Promise<void> {
    this.stopped = true;
  }
}

function startThread(): TaskWorker {
  const thread = new Worker(workerSource(new URL("./worker.ts", import.meta.url)), {
    eval: true,
    resourceLimits: { maxYoungGenerationSizeMb: 16 },
  });
  // A thread holds a second task so that it does not idle while this thread computes its own.
  return Object.assign(thread, { slots: 2 });
}

export function createCountPool(workers: number): CountPool {
  return new Pool([...Array.from({ length: Math.max(0, workers - 1) }, startThread), new LocalWorker()]);
}

class Pool implements CountPool {
  private aborted = false;
  private current?: { resolve: (r: CountResult[] | undefined) => void; reject: (e: Error) => void; deliver: (w: TaskWorker, r: CountResult) => void };

  constructor(private readonly workers: TaskWorker[]) {
    for (const worker of workers) {
      worker.on("message", (result) => this.current?.deliver(worker, result));
      worker.on("error", (e) => {
        this.current?.reject(e);
        this.current = undefined;
      });
    }
  }

  run(tasks: CountTask[], onDone?: (task: CountTask) => void): Promise<CountResult[] | undefined> {
    return new Promise((resolve, reject) => {
      if (this.aborted) return resolve(undefined);
      const results: CountResult[] = new Array(tasks.length);
      let next = 0;
      let done = 0;
      const start = (worker: TaskWorker) => {
        if (!this.aborted && next < tasks.length) worker.postMessage(tasks[next++]);
      };
      const deliver = (worker: TaskWorker, result: CountResult) => {
        results[result.id] = result;
        onDone?.(tasks[result.id]);
        if (++done === tasks.length) {
          this.current = undefined;
          resolve(results);
        } else start(worker);
      };
      this.current = { resolve, reject, deliver };
      if (tasks.length === 0) return resolve([]);
      for (const worker of this.workers) for (let k = 0; k < worker.slots; k++) start(worker);
    });
  }

  abort(): void {
    this.aborted = true;
    for (const worker of this.workers) void worker.terminate();
    this.current?.resolve(undefined);
    this.current = undefined;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
