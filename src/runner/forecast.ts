// An in-memory forecast: run a batch in this thread and summarise it (no files; see job.ts for run sets).
import { compileModel } from "../model/compile.ts";
import type { LoadedScenario } from "../scenario/load.ts";
import { DEFAULT_CHUNK, runBatch } from "./batch.ts";
import { summarize, type Summary } from "./summary.ts";

export const DEFAULT_RUNS = 10000;
export const DEFAULT_SEED = 1;

export interface ForecastOptions {
  runs?: number;
  seed?: number;
  chunkSize?: number;
  onProgress?: (done: number) => void;
}

export interface Forecast {
  summary: Summary;
  seconds: number;
  started: Date;
  chunkSize: number;
}

/** Runs the batch and returns its summary; writes nothing. */
export function forecast(loaded: LoadedScenario, options: ForecastOptions = {}): Forecast {
  const runs = options.runs ?? DEFAULT_RUNS;
  const seed = options.seed ?? DEFAULT_SEED;
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK;
  const model = compileModel(loaded.spec);
  const started = new Date();
  const t0 = performance.now();
  const aggregate = runBatch(model, { runs, seed, chunkSize, onProgress: options.onProgress });
  const seconds = (performance.now() - t0) / 1000;
  return { summary: summarize(loaded, model, aggregate, seed), seconds, started, chunkSize };
}

