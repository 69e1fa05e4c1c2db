// Runs a batch in chunks of run indices. Run i always uses the stream runRng(seed, i), so a chunk's
// aggregate depends only on its indices, and merging chunks in order gives the same result for any
// chunk size.
import { runRng } from "../rng/rng.ts";
import type { Model } from "../model/compile.ts";
import { Engine } from "../engine/run.ts";
import { Aggregate } from "./aggregate.ts";

export const DEFAULT_CHUNK = 2000;

export interface BatchOptions {
  seed: number;
  runs: number;
  chunkSize?: number;
  /** Called after each chunk with the number of runs done so far. */
  onProgress?: (done: number) => void;
}

export function runChunk(model: Model, engine: Engine, seed: number, from: number, to: number): Aggregate {
  const aggregate = new Aggregate(model);
  for (let i = from; i < to; i++) aggregate.add(engine.run(runRng(seed, i)));
  return aggregate;
}

export function runBatch(model: Model, options: BatchOptions): Aggregate {
  const chunk = options.chunkSize ?? DEFAULT_CHUNK;
  const engine = new Engine(model);
  const total = new Aggregate(model);
  for (let from = 0; from < options.runs; from += chunk) {
    const to = Math.min(options.runs, from + chunk);
    total.merge(runChunk(model, engine, options.seed, from, to));
    options.onProgress?.(to);
  }
  return total;
}
