// The studio's one door into the library: batches, comparisons, sweeps and traces are computed by the
// same functions the command line calls (`run`, `compare`, `sweep`, `trace`), so the page's numbers
// are the command line's. Every call into the runner's batch, compare and sweep code is in this file.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { LoadedScenario } from "../../scenario/load.ts";
import { withOverrides } from "../../scenario/load.ts";
import { parseOverride } from "../../scenario/overrides.ts";
import { compileModel } from "../../model/compile.ts";
import { Engine } from "../../engine/run.ts";
import { traceRun } from "../../engine/trace.ts";
import { renderTrace } from "../../cli/trace-text.ts";
import { runRng } from "../../rng/rng.ts";
import { startJob } from "../../runner/job.ts";
import { runPooled } from "../../runner/pooled.ts";
import { summarize, type Summary } from "../../runner/summary.ts";
import { crossings, parseVary } from "../../runner/sweep.ts";
import { compareRunSets } from "../../runner/compare.ts";
import { checkRunSetFolder, clearRunSet, readRunSet, type RunSet } from "../../runner/runset.ts";
import { writeFileAtomic } from "../../runner/atomic.ts";
import type { OutcomeDifference, SweepView } from "../protocol.ts";
import { HttpError } from "./http-error.ts";

export interface Progress {
  (done: number, planned: number): void;
}

export interface BatchSpec {
  runs: number;
  seed: number;
  workers: number;
  dir: string;
  command: string[];
}

/** Runs per chunk: small enough for progress to move smoothly; results never depend on it. */
export function chunkSizeFor(runs: number): number {
  return Math.min(2000, Math.max(200, Math.ceil(runs / 20)));
}

/**
 * A batch exactly as `bazaar run` runs it (startJob: the worker pool, a run set in `dir`). Cancelling
 * stops it after the running chunks; the caller removes the unfinished folder.
 */
export async function runBatch(loaded: LoadedScenario, spec: BatchSpec, progress: Progress, signal: AbortSignal): Promise<RunSet | "cancelled"> {
  const job = startJob(loaded, {
    runs: spec.runs, seed: spec.seed, chunkSize: chunkSizeFor(spec.runs), workers: spec.workers,
    records: false, resume: false, dir: spec.dir, command: spec.command, onProgress: progress,
  });
  const cancel = () => job.interrupt();
  signal.addEventListener("abort", cancel);
  try {
    const result = await job.done;
    return result.status === "complete" ? readRunSet(spec.dir) : "cancelled";
  } finally {
    signal.removeEventListener("abort", cancel);
  }
}

/** `bazaar compare <a> <b>`'s per-outcome differences and verdict. */
export function compareBatches(a: RunSet, b: RunSet): { outcomes: OutcomeDifference[]; verdict: string; warnings: string[] } {
  const comparison = compareRunSets(a, b);
  return {
    outcomes: comparison.outcomes.map((o) => ({ id: o.id, label: o.label, a: o.a, b: o.b, difference: o.difference, interval: o.interval, beyondNoise: o.beyondNoise })),
    verdict: comparison.verdict,
    warnings: comparison.warnings,
  };
}


/** The grid `bazaar sweep --vary path=from:to:steps` runs. */
export function sweepValues(pathText: string, from: number, to: number, steps: number): number[] {
  return parseVary(`${pathText}=${from}:${to}:${steps}`).values;
}

/**
 * `bazaar sweep` over one assumption, on the worker pool and cancellable: every point runs the same
 * run indices with the same seed, and the exact aggregates equal the command line's point by point.
 */
export async function sweepBatches(
  loaded: LoadedScenario, sweep: { path: string; values: number[]; runs: number; seed: number; workers: number },
  progress: Progress, signal: AbortSignal,
): Promise<Omit<SweepView, "chart" | "command"> | "cancelled"> {
  const points: SweepView["points"] = [];
  const planned = sweep.values.length * sweep.runs;
  for (const [k, value] of sweep.values.entries()) {
    const variant = withOverrides(loaded, [parseOverride(`${sweep.path}=${value}`)]);
    const model = compileModel(variant.spec);
    const aggregate = await runPooled(model, {
      seed: sweep.seed, runs: sweep.runs, workers: sweep.workers, chunkSize: chunkSizeFor(sweep.runs),
      enough: (a) => {
        progress(k * sweep.runs + a.runs, planned);
        return signal.aborted;
      },
    });
    if (signal.aborted) return "cancelled";
    points.push({ value, outcomes: summarize(variant, model, aggregate, sweep.seed).outcomes });
  }
  const asSweepPoints = points.map((p) => ({ values: { [sweep.path]: p.value }, outcomes: p.outcomes }));
  return {
    path: sweep.path, values: sweep.values, seed: sweep.seed, runs: sweep.runs, points,
    crossings: crossings(sweep.path, asSweepPoints).map((c) => ({ outcomes: c.outcomes, at: c.at })),
  };
}

/** `bazaar trace`: the story of run `run` of seed `seed`, or of the first run from there that ends in `outcome`. */
export function traceStory(loaded: LoadedScenario, seed: number, run: number, outcome: string | undefined, searchLimit: number): { run: number; outcome: { id: string; label: string }; story: string } {
  const engine = new Engine(compileModel(loaded.spec));
  const index = outcome === undefined ? run : firstRunEndingIn(engine, loaded, seed, run, outcome, searchLimit);
  const { entries, outcome: ended } = traceRun(engine, runRng(seed, index));
  const spec = loaded.spec.outcomes[ended];
  return { run: index, outcome: { id: spec.id, label: spec.label }, story: renderTrace(entries) };
}

function firstRunEndingIn(engine: Engine, loaded: LoadedScenario, seed: number, from: number, outcome: string, limit: number): number {
  const wanted = loaded.spec.outcomes.findIndex((o) => o.id === outcome);
  if (wanted < 0) throw new HttpError(400, `no outcome '${outcome}' in the scenario: expected one of ${loaded.spec.outcomes.map((o) => o.id).join(", ")}`);
  for (let run = from; run < from + limit; run++) {
    if (engine.run(runRng(seed, run)).outcome === wanted) return run;
  }
  throw new HttpError(404, `none of runs ${from} to ${from + limit - 1} of seed ${seed} ends in '${outcome}'`);
}

/** Copies a finished run set to `target` as `bazaar run --out target` would leave it: the manifest last. */
export function copyRunSet(from: RunSet, target: string): RunSet {
  checkRunSetFolder(target);
  clearRunSet(target);
  const copy = (name: string) => writeFileAtomic(path.join(target, name), readFileSync(path.join(from.dir, name), "utf8"));
  for (const name of Object.keys(from.manifest.files)) copy(name);
  copy("manifest.json");
  return readRunSet(target);
}

export function isRunSet(dir: string): boolean {
  return existsSync(path.join(dir, "manifest.json"));
}

export type { RunSet, Summary };
