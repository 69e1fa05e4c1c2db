// The scheduling both worker pools share (a batch's chunks, pool.ts; an analysis's design-point tasks,
// point-pool.ts): W workers, this thread one of them, results handed back in task order so that what
// consumes them sees one sequence for any worker count.
import { EventEmitter } from "node:events";
import { Worker } from "node:worker_threads";

/** What the pool needs of a worker: a thread, or this thread between its other work. */
export interface TaskWorker<T, R> {
  postMessage(task: T): void;
  on(event: "message", listener: (result: R) => void): unknown;
  on(event: "error", listener: (error: Error) => void): unknown;
  removeAllListeners(event: "message"): unknown;
  terminate(): Promise<unknown>;
}

/** This thread as a worker: one task per turn of the event loop, so results and signals are still handled. */
export class ThisThread<T, R> extends EventEmitter implements TaskWorker<T, R> {
  private stopped = false;
  constructor(private readonly execute: (task: T) => R) {
    super();
  }
  postMessage(task: T): void {
    setImmediate(() => {
      if (this.stopped) return;
      try {
        this.emit("message", this.execute(task));
      } catch (e) {
        this.emit("error", e as Error);
      }
    });
  }
  async terminate(): Promise<void> {
    this.stopped = true;
  }
}

/** One worker, this thread: tasks in order, a turn of the event loop between them so signals are handled. */
export class InProcess<T, R> {
  private aborted = false;
  constructor(private readonly execute: (task: T) => R) {}
  async run(tasks: T[], onResult: (result: R) => void, stop: () => boolean): Promise<void> {
    for (const task of tasks) {
      if (this.aborted || stop()) return;
      onResult(this.execute(task));
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  abort(): void {
    this.aborted = true;
  }
  async close(): Promise<void> {}
}

/**
 * W − 1 worker threads running `source` (an eval'd bundle, see worker-source.ts) with `workerData`,
 * plus this thread. Tasks carry a number (`idOf`, the same on their results) that puts results back in order.
 */
export class OrderedPool<T, R> {
  private readonly workers: TaskWorker<T, R>[];
  private rejectRun?: (error: Error) => void;
  private resolveRun?: () => void;

  constructor(source: string, workerData: unknown, size: number, here: ThisThread<T, R>, private readonly idOf: (x: T | R) => number) {
    const threads = Array.from({ length: size - 1 }, () => new Worker(source, {
      eval: true,
      workerData,
      resourceLimits: { maxYoungGenerationSizeMb: 16 }, // the hot loop allocates little; a smaller nursery keeps RSS down
    }) as unknown as TaskWorker<T, R>);
    this.workers = [...threads, here];
    for (const worker of this.workers) worker.on("error", (e) => this.rejectRun?.(e));
  }

  /** Runs `tasks`, calling `onResult` in task order; once `stop()` is true no task starts and undelivered results are dropped. */
  run(tasks: T[], onResult: (result: R) => void, stop: () => boolean): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.resolveRun = resolve;
      this.rejectRun = reject;
      const waiting = new Map<number, R>(); // by position in `tasks`
      const positionOf = new Map(tasks.map((t, k) => [this.idOf(t), k]));
      let next = 0; // next position to start
      let deliver = 0; // next position to hand over
      let busy = 0;
      let stopped = false;
      const start = (worker: TaskWorker<T, R>) => {
        if (stopped || next >= tasks.length) return;
        worker.postMessage(tasks[next++]);
        busy++;
      };
      const finishIfIdle = () => {
        if (busy === 0 && (stopped || deliver >= tasks.length)) resolve();
      };
      for (const worker of this.workers) {
        worker.removeAllListeners("message");
        worker.on("message", (result: R) => {
          busy--;
          waiting.set(positionOf.get(this.idOf(result))!, result);
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
          start(worker);
          finishIfIdle();
        });
      }
      if (stop()) stopped = true;
      // Threads hold a second task: they would otherwise idle while this thread computes its own.
      for (const worker of this.workers) for (let k = 0; k < (worker instanceof ThisThread ? 1 : 2); k++) start(worker);
      finishIfIdle();
    });
  }

  abort(): void {
    for (const worker of this.workers) void worker.terminate();
    this.resolveRun?.();
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
