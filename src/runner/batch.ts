// Runs a batch in this thread. Run i always uses the stream runRng(seed, i) and aggregates are exact
// integer counts, so the result equals what any split into chunks, workers or shards gives.
import { runRng } from "../rng/rng.ts";
import type { Model } from "../model/compile.ts";
import { Engine } from "../engine/run.ts";
import { Aggregate } from "./aggregate.ts";

export const DEFAULT_CHUNK = 2000;

export interface BatchOptions {
  seed: number;
  runs: number;
  /** Runs between progress reports (results do not depend on it). */
  chunkSize?: number;
  /** Called every `chunkSize` runs with the number of runs done so far. */
  onProgress?: (done: number) => void;
}

export function runBatch(model: Model, options: BatchOptions): Aggregate {
  const chunk = options.chunkSize ?? DEFAULT_CHUNK;
  const engine = new Engine(model);
  const total = new Aggregate(model);
  for (let run = 0; run < options.runs; run++) {
    total.add(engine.run(runRng(options.seed, run)));
    if ((run + 1) % chunk === 0 || run + 1 === options.runs) options.onProgress?.(run + 1);
  }
  return total;
}
