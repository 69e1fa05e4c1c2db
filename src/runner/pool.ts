// Runs chunks in parallel and hands results back in chunk order, so everything downstream (aggregates,
// records, checkpoints) sees one sequence whatever the worker count. With W workers, this thread is one
// of them and W−1 are worker threads (this thread mostly waits otherwise, and each thread costs a
// V8 isolate's memory). At most one chunk per worker is in flight: memory does not grow with runs.
import { EventEmitter } from "node:events";
import { Worker } from "node:worker_threads";
import type { ScenarioSpec } from "../scenario/schema/scenario.ts";
import { compileModel } from "../model/compile.ts";
import { Engine } from "../engine/run.ts";
import { executeChunk, type ChunkResult } from "./chunk.ts";
import type { ChunkRange } from "./plan.ts";
import type { WorkerSetup } from "./worker.ts";
import { workerSource } from "./worker-source.ts";

export interface ChunkJob {
  spec: ScenarioSpec;
  seed: number;
  records: boolean;
}

export interface ChunkRunner {
  /**
   * Runs `chunks` (each `chunk` number used once) and calls `onResult` in the same order. Once `stop()`
   * returns true no further chunk is started and results not yet delivered are dropped.
   */
  run(chunks: ChunkRange[], onResult: (result: ChunkResult) => void, stop: () => boolean): Promise<void>;
  /** Stops at once: running chunks are abandoned. */
  abort(): void;
  close(): Promise<void>;
}

export function createRunner(job: ChunkJob, workers: number): ChunkRunner {
  return workers <= 1 ? new InProcessRunner(job) : new WorkerPool(job, workers);
}

class InProcessRunner implements ChunkRunner {
  private aborted = false;
  constructor(private readonly job: ChunkJob) {}

  async run(chunks: ChunkRange[], onResult: (result: ChunkResult) => void, stop: () => boolean): Promise<void> {
    const model = compileModel(this.job.spec);
    const engine = new Engine(model);
    for (const range of chunks) {
      if (this.aborted || stop()) return;
      onResult(executeChunk(model, engine, this.job.seed, range, this.job.records));
      await new Promise((resolve) => setImmediate(resolve)); // let signals be handled between chunks
    }
  }

  abort(): void {
    this.aborted = true;
  }

  async close(): Promise<void> {}
}

/** The interface the pool needs of a worker: a thread, or this thread between its other work. */
interface ChunkWorker {
  postMessage(range: ChunkRange): void;
  on(event: "message", listener: (result: ChunkResult) => void): unknown;
  on(event: "error", listener: (error: Error) => void): unknown;
  removeAllListeners(event: "message"): unknown;
  terminate(): Promise<unknown>;
}

/** Runs chunks in this thread, one per turn of the event loop, so results and signals are still handled. */
class LocalWorker extends EventEmitter implements ChunkWorker {
  private readonly model;
  private readonly engine;
  private stopped = false;
  constructor(private readonly job: ChunkJob) {
    super();
    this.model = compileModel(job.spec);
    this.engine = new Engine(this.model);
  }
  postMessage(range: ChunkRange): void {
    setImmediate(() => {
      if (this.stopped) return;
      try {
        this.emit("message", executeChunk(this.model, this.engine, this.job.seed, range, this.job.records));
      } catch (e) {
        this.emit("error", e as Error);
      }
    });
  }
  async terminate(): Promise<void> {
    this.stopped = true;
  }
}

class WorkerPool implements ChunkRunner {
  private readonly workers: ChunkWorker[];
  private rejectRun?: (error: Error) => void;
  private resolveRun?: () => void;

  constructor(private readonly job: ChunkJob, size: number) {
    const setup: WorkerSetup = { spec: job.spec, seed: job.seed, records: job.records };
    const source = workerSource();
    const threads = Array.from({ length: size - 1 }, () => new Worker(source, {
      eval: true,
      workerData: setup,
      resourceLimits: { maxYoungGenerationSizeMb: 16 }, // the hot loop allocates little; a smaller nursery keeps RSS down
    }));
    this.workers = [...threads, new LocalWorker(job)];
    for (const worker of this.workers) {
      worker.on("error", (e) => this.rejectRun?.(e));
    }
  }

  run(chunks: ChunkRange[], onResult: (result: ChunkResult) => void, stop: () => boolean): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.resolveRun = resolve;
      this.rejectRun = reject;
      const waiting = new Map<number, ChunkResult>(); // by position in `chunks`
      const positionOf = new Map(chunks.map((c, k) => [c.chunk, k]));
      let next = 0; // next position to start
      let deliver = 0; // next position to hand over
      let busy = 0;
      let stopped = false;
      const start = (worker: ChunkWorker) => {
        if (stopped || next >= chunks.length) return;
        worker.postMessage(chunks[next++]);
        busy++;
      };
      const finishIfIdle = () => {
        if (busy === 0 && (stopped || deliver >= chunks.length)) resolve();
      };
      for (const worker of this.workers) {
        worker.removeAllListeners("message");
        worker.on("message", (result: ChunkResult) => {
          busy--;
          waiting.set(positionOf.get(result.chunk)!, result);
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
      // Threads hold a second chunk: they would otherwise idle while this thread computes its own.
      for (const worker of this.workers) for (let k = 0; k < (worker instanceof LocalWorker ? 1 : 2); k++) start(worker);
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
