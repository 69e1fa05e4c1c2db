// Runs one chunk of run indices: the unit of work for the in-process runner and for workers alike.
import { runRng } from "../rng/rng.ts";
import type { Model } from "../model/compile.ts";
import type { Engine } from "../engine/run.ts";
import { Aggregate, type AggregateJSON } from "./aggregate.ts";
import { appendRecord, type RecordText } from "./records.ts";
import type { ChunkRange } from "./plan.ts";

export interface ChunkResult {
  chunk: number;
  aggregate: AggregateJSON;
  records?: RecordText;
}

export function executeChunk(model: Model, engine: Engine, seed: number, range: ChunkRange, withRecords: boolean): ChunkResult {
  const aggregate = new Aggregate(model);
  const records: RecordText | undefined = withRecords ? { jsonl: "", csv: "" } : undefined;
  for (let run = range.from; run < range.to; run++) {
    const result = engine.run(runRng(seed, run));
    aggregate.add(result);
    if (records) appendRecord(model, run, engine.state, result, records);
  }
  return { chunk: range.chunk, aggregate: aggregate.toJSON(), records };
}
