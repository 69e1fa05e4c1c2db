// Runs design-point tasks on W threads (this one and W − 1 workers) and hands results back in task
// order, so whatever consumes them (an analysis's accumulation, its checkpoints) sees one sequence for
// any worker count. Like the batch pool (pool.ts), each worker holds at most two tasks in flight.
import { EventEmitter } from "node:events";
import { Worker } from "node:worker_threads";
import { fileURLToPath } from "node:url";
import { buildSync } from "esbuild";
import type { ScenarioSpec } from "../scenario/schema/scenario.ts";
import { PointExecutor, type PointTask, type PointTaskResult } from "./points.ts";
import type { PointWorkerSetup } from "./point-worker.ts";

export interface PointRunner {
  /** Runs `tasks`, calling `onResult` in task order; once `stop()` is true no task starts and undelivered results are dropped. */
  run(tasks: PointTask[], onResult: (result: PointTaskResult) => void, stop: () => boolean): Promise<void>;
  /** Stops at once: running tasks are abandoned. */
  abort(): void;
  close(): Promise<void>;
}

let source: string | undefined;

/** The point worker as one CommonJS bundle (see worker-source.ts for why not the TypeScript sources). */
function pointWorkerSource(): string {
  source ??= buildSync({
    entryPoints: [fileURLToPath(new URL("./point-worker.ts", import.meta.url))],
    bundle: true, write: false, platform: "node", format: "cjs", target: "node20", logLevel: "silent",
  }).outputFiles[0].text;
  return source;
}

export function createPointRunner(specs: ScenarioSpec[], seed: number, workers: number): PointRunner {
  return workers <= 1 ? new InProcess(specs, seed) : new Pool(specs, seed, workers);
}

class InProcess implements PointRunner {
  private aborted = false;
  private readonly executor: PointExecutor;
  constructor(specs: ScenarioSpec[], seed: number) {
    this.executor = new PointExecutor(specs, seed);
  }
  async run(tasks: PointTask[], onResult: (r: PointTaskResult) => void, stop: () => boolean): Promise<void> {
    for (const task of tasks) {
      if (this.aborted || stop()) return;
      onResult(this.executor.execute(task));
      await new Promise((resolve) => setImmediate(resolve)); // let signals be handled between tasks
    }
  }
  abort(): void {
    this.aborted = true;
  }
  async close(): Promise<void> {}
}

interface TaskWorker {
  postMessage(task: PointTask): void;
  on(event: "message", listener: (r: PointTaskResult) => void): unknown;
  on(event: "error", listener: (e: Error) => void): unknown;
  removeAllListeners(event: "message"): unknown;
  terminate(): Promise<unknown>;
}

/** This thread as one of the workers: a task per turn of the event loop. */
class Local extends EventEmitter implements TaskWorker {
  private stopped = false;
  constructor(private readonly executor: PointExecutor) {
    super();
  }
  postMessage(task: PointTask): void {
    setImmediate(() => {
      if (this.stopped) return;
      try {
        this.emit("message", this.executor.execute(task));
      } catch (e) {
        this.emit("error", e as Error);
      }
    });
  }
  async terminate(): Promise<void> {
    this.stopped = true;
  }
}

class Pool implements PointRunner {
  private readonly workers: TaskWorker[];
  private rejectRun?: (e: Error) => void;
  private resolveRun?: () => void;

  constructor(specs: ScenarioSpec[], seed: number, size: number) {
    const setup: PointWorkerSetup = { specs, seed };
    const code = pointWorkerSource();
    const threads = Array.from({ length: size - 1 }, () => new Worker(code, { eval: true, workerData: setup, resourceLimits: { maxYoungGenerationSizeMb: 16 } }));
    this.workers = [...threads, new Local(new PointExecutor(specs, seed))];
    for (const w of this.workers) w.on("error", (e) => this.rejectRun?.(e));
  }

  run(tasks: PointTask[], onResult: (r: PointTaskResult) => void, stop: () => boolean): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.resolveRun = resolve;
      this.rejectRun = reject;
      const waiting = new Map<number, PointTaskResult>(); // by position in `tasks`
      const positionOf = new Map(tasks.map((t, k) => [t.task, k]));
      let next = 0;
      let deliver = 0;
      let busy = 0;
      let stopped = false;
      const start = (w: TaskWorker) => {
        if (stopped || next >= tasks.length) return;
        w.postMessage(tasks[next++]);
        busy++;
      };
      const finishIfIdle = () => {
        if (busy === 0 && (stopped || deliver >= tasks.length)) resolve();
      };
      for (const w of this.workers) {
        w.removeAllListeners("message");
        w.on("message", (r: PointTaskResult) => {
          busy--;
          waiting.set(positionOf.get(r.task)!, r);
          while (!stopped && waiting.has(deliver)) {
            const ready = waiting.get(deliver)!;
            waiting.delete(deliver++);
            try {
              onResult(ready);
            } catch (e) {
              stopped = true;
              reject(e as Error);
              return;
            }
            if (stop()) stopped = true;
          }
          if (stopped) waiting.clear();
          start(w);
          finishIfIdle();
        });
      }
      if (stop()) stopped = true;
      for (const w of this.workers) for (let k = 0; k < (w instanceof Local ? 1 : 2); k++) start(w);
      finishIfIdle();
    });
  }

  abort(): void {
    for (const w of this.workers) void w.terminate();
    this.resolveRun?.();
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
