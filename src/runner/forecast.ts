// The main job: run a batch of a loaded scenario, summarise it, and write the run set.
import { compileModel } from "../model/compile.ts";
import type { LoadedScenario } from "../scenario/load.ts";
import { VERSION } from "../version.ts";
import { DEFAULT_CHUNK, runBatch } from "./batch.ts";
import { defaultRunSetDir, platformInfo, writeRunSet, type RunSet } from "./runset.ts";
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

/** Writes a forecast as a run set under `dir` (default: runs/<scenario>-s<seed>-n<runs>). */
export function saveForecast(loaded: LoadedScenario, result: Forecast, command: string[], dir?: string): RunSet {
  const { summary, seconds, started, chunkSize } = result;
  return writeRunSet(dir ?? defaultRunSetDir(summary), {
    tool: "bazaar",
    version: VERSION,
    command,
    scenario: { file: loaded.file, id: summary.scenario.id, sha256: loaded.sha256, resolved: loaded.spec },
    seed: summary.seed,
    runs: summary.runs,
    chunk_size: chunkSize,
    timings: {
      started: started.toISOString(),
      finished: new Date(started.getTime() + seconds * 1000).toISOString(),
      seconds: Math.round(seconds * 1000) / 1000,
      runs_per_second: Math.round(summary.runs / Math.max(seconds, 1e-9)),
    },
    platform: platformInfo(),
  }, summary);
}
