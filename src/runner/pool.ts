// Runs chunks in parallel and hands results back in chunk order, so everything downstream (aggregates,
// records, checkpoints) sees one sequence whatever the worker count. With W workers, this thread is one
// of them and W−1 are worker threads (this thread mostly waits otherwise, and each thread costs a
// V8 isolate's memory). At most two chunks per thread are in flight: memory does not grow with runs.
// The scheduling itself is ordered-pool.ts, shared with the analyses' point pool.
import type { ScenarioSpec } from "../scenario/schema/scenario.ts";
import { compileModel } from "../model/compile.ts";
import { Engine } from "../engine/run.ts";
import { executeChunk, type ChunkResult } from "./chunk.ts";
import type { ChunkRange } from "./plan.ts";
import type { WorkerSetup } from "./worker.ts";
import { workerSource } from "./worker-source.ts";
import { InProcess, OrderedPool, ThisThread } from "./ordered-pool.ts";

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
  const model = compileModel(job.spec);
  const engine = new Engine(model);
  const execute = (range: ChunkRange) => executeChunk(model, engine, job.seed, range, job.records);
  if (workers <= 1) return new InProcess(execute);
  const setup: WorkerSetup = { spec: job.spec, seed: job.seed, records: job.records };
  return new OrderedPool(workerSource(), setup, workers, new ThisThread(execute), (x) => x.chunk);
}
