// A batch run in memory on the worker pool: chunks merge in chunk order, and the batch may stop early
// at a chunk boundary once a caller's criterion holds, so where it stops depends only on the seed.
import type { Model } from "../model/compile.ts";
import { Aggregate } from "./aggregate.ts";
import { DEFAULT_CHUNK } from "./batch.ts";
import { chunkCount, chunkRange } from "./plan.ts";
import { createRunner } from "./pool.ts";

export interface PooledOptions {
  seed: number;
  /** The most runs to play. */
  runs: number;
  workers: number;
  chunkSize?: number;
  /** Checked after each merged chunk: true stops the batch there. */
  enough?: (aggregate: Aggregate) => boolean;
}

export async function runPooled(model: Model, options: PooledOptions): Promise<Aggregate> {
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK;
  const aggregate = new Aggregate(model);
  const runner = createRunner({ spec: model.spec, seed: options.seed, records: false }, options.workers);
  let stop = false;
  try {
    const chunks = Array.from({ length: chunkCount(options.runs, chunkSize) }, (_, c) => chunkRange(c, options.runs, chunkSize));
    await runner.run(chunks, (result) => {
      aggregate.merge(Aggregate.fromJSON(model, result.aggregate));
      stop = options.enough?.(aggregate) ?? false;
    }, () => stop);
  } finally {
    await runner.close();
  }
  return aggregate;
}
