// Scores the model's forecasts of historical scenarios against what happened, beside two baselines.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import * as z from "zod";
import { compileModel } from "../model/compile.ts";
import { loadScenarioFile, type LoadedScenario } from "../scenario/load.ts";
import { UserError } from "../scenario/problems.ts";
import { brierScore, brierSe, logScore, proportionSe } from "../stats/scores.ts";
import type { Aggregate } from "../runner/aggregate.ts";
import { runPooled } from "../runner/pooled.ts";
import { binaryEvents, calibration, type Calibration } from "../stats/reliability.ts";
import { largestListForecast, uniformForecast } from "./baselines.ts";
import { ensureDir, writeFileAtomic } from "../runner/atomic.ts";
import { readSaved } from "../runner/saved-shapes.ts";
import { sha256 } from "../runner/runset.ts";
import type { Shard } from "../runner/plan.ts";
import { shardPoints } from "../runner/analysis.ts";
import { VERSION } from "../version.ts";

/** Largest standard error (1 s.e., from sampling runs) allowed in the probability given to what happened and in the Brier score. */
export const MAX_NOISE = 0.005;
export const MIN_RUNS = 10_000;
export const MAX_RUNS = 400_000;

export interface Score {
  p_observed: number;
  brier: number;
  log_score: number;
}

export interface ScenarioScore {
  file: string;
  id: string;
  title: string;
  observed: { id: string; label: string; date: string; source: string };
  runs: number;
  outcomes: { id: string; label: string; probability: number }[];
  model: Score & { se: { p_observed: number; brier: number } };
  uniform: Score;
  largest_list: Score | null;
}

/** Means of the model and both baselines over the scenarios where the largest-list baseline applies. */
export interface SubsetMeans {
  scenarios: number;
  ids: string[];
  model: Score;
  uniform: Score;
  largest_list: Score;
}

export interface Backtest {
  seed: number;
  scenarios: ScenarioScore[];
  /**
   * Means over the scenarios: model and uniform over all `scenarios` of them, largest_list over those
   * where it applies (its own count). `where_largest_list_applies` puts all three on that subset, so
   * they can be compared like for like.
   */
  mean: {
    scenarios: number;
    model: Score;
    uniform: Score;
    largest_list: (Score & { scenarios: number }) | null;
    where_largest_list_applies: SubsetMeans | null;
  };
  /** The model's calibration over every case × outcome. */
  calibration: Calibration;
}

/** Equal-width forecast bins of the reliability diagram: few, since a training set has tens of case × outcome events. */
export const DEFAULT_BINS = 5;

export interface BacktestOptions {
  seed: number;
  workers: number;
  bins?: number;
  onScenario?: (file: string) => void;
  /** Folder for backtest-checkpoint.json: each scored scenario is saved as soon as it is done. */
  dir?: string;
  /** Continue an interrupted backtest in `dir`, skipping the scenarios it has scored. */
  resume?: boolean;
  /** Score only scenarios K−1, K−1+N, … (in the order given); the shards' folders combine with `merge`. */
  shard?: Shard;
  /** Folders of shards (or interrupted backtests) of the same backtest whose scored scenarios are taken over. */
  merge?: string[];
  /** Called with the number of scenarios scored (in this call's share) and the share's size. */
  onProgress?: (done: number, planned: number) => void;
  /** Interrupts at the next chunk boundary when true (a signal); the scenario in progress is dropped. */
  interrupted?: () => boolean;
  /** Test hook: checked after each scored scenario (with the count scored in this call); true interrupts there. */
  stopAfter?: (scored: number) => boolean;
}

/** What runBacktestJob ends with: the backtest, or how far an interrupted or sharded one got. */
export type BacktestOutcome =
  | { status: "complete"; backtest: Backtest }
  | { status: "interrupted"; done: number; planned: number }
  | { status: "shard"; done: number; planned: number };

export const BACKTEST_CHECKPOINT = "backtest-checkpoint.json";

const Num = z.number();
const ScoreShape = z.object({ p_observed: Num, brier: Num, log_score: Num });
const ScenarioScoreShape = z.object({
  file: z.string(), id: z.string(), title: z.string(),
  observed: z.object({ id: z.string(), label: z.string(), date: z.string(), source: z.string() }),
  runs: z.number().int().min(1),
  outcomes: z.array(z.object({ id: z.string(), label: z.string(), probability: Num })),
  model: ScoreShape.extend({ se: z.object({ p_observed: Num, brier: Num }) }),
  uniform: ScoreShape,
  largest_list: ScoreShape.nullable(),
});
const BacktestCheckpointShape = z.object({
  format: z.literal(1), version: z.string(), identity: z.string(), seed: z.number().int().min(0), scenarios: z.number().int().min(0),
  shard: z.object({ index: z.number().int().min(1), count: z.number().int().min(1) }).nullable(),
  complete: z.boolean(),
  done: z.array(z.tuple([z.number().int().min(0), ScenarioScoreShape])),
});
type BacktestCheckpoint = z.infer<typeof BacktestCheckpointShape>;
const CHECKPOINT_KIND = { shape: BacktestCheckpointShape, what: "a bazaar backtest checkpoint", container: "backtest folder" };

/** A backtest is the same backtest when the version, seed and scenarios (by content, in order) agree. */
function backtestIdentity(loaded: LoadedScenario[], seed: number): string {
  return sha256(JSON.stringify({ version: VERSION, seed, scenarios: loaded.map((l) => l.sha256) }));
}

function readBacktestCheckpoint(dir: string): BacktestCheckpoint | undefined {
  const file = path.join(dir, BACKTEST_CHECKPOINT);
  return existsSync(file) ? readSaved(CHECKPOINT_KIND, file) : undefined;
}

/** Every scenario in `dir` that records what happened, in file name order. */
export function historicalScenarios(dir: string): LoadedScenario[] {
  const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
  return files.map((f) => loadScenarioFile(path.join(dir, f))).filter((l) => l.spec.observed !== undefined);
}

export async function runBacktest(loaded: LoadedScenario[], options: BacktestOptions): Promise<Backtest> {
  const outcome = await runBacktestJob(loaded, options);
  if (outcome.status !== "complete") throw new UserError(`backtest ${outcome.status === "shard" ? "shard" : "interrupted"} after ${outcome.done} of ${outcome.planned} scenarios`);
  return outcome.backtest;
}

/**
 * The backtest with checkpoints: each scenario scored is saved atomically in `dir`, so an interrupted
 * backtest resumes from the scenarios it finished; shards score every N-th scenario and merge. Each
 * scenario's score depends only on the seed and the scenario, so the result is the same however the
 * work was split, interrupted or resumed.
 */
export async function runBacktestJob(loaded: LoadedScenario[], options: BacktestOptions): Promise<BacktestOutcome> {
  if (loaded.length === 0) throw new UserError("no scenario with an `observed` outcome to backtest");
  const unscorable = loaded.find((l) => !l.spec.observed);
  if (unscorable) throw new UserError(`${unscorable.file}: has no \`observed\` outcome to score against`); // before any work starts
  const identity = backtestIdentity(loaded, options.seed);
  const done = new Map<number, ScenarioScore>();
  if (options.dir) {
    const existing = readBacktestCheckpoint(options.dir);
    if (existing && !options.resume && !existing.complete) {
      throw new UserError(`${options.dir} holds an interrupted backtest (${existing.done.length} of ${existing.scenarios} scenarios scored): add --resume to continue it, or choose another --out`);
    }
    if (existing && options.resume) {
      if (existing.identity !== identity) throw new UserError(`${options.dir}: cannot resume a different backtest (another seed, scenario list or bazaar version)`);
      if (JSON.stringify(existing.shard) !== JSON.stringify(options.shard ?? null)) throw new UserError(`${options.dir}: cannot resume shard ${JSON.stringify(existing.shard)} as ${JSON.stringify(options.shard ?? null)}`);
      for (const [k, score] of existing.done) done.set(k, score);
    }
  }
  for (const dir of options.merge ?? []) {
    const other = readBacktestCheckpoint(dir);
    if (!other) throw new UserError(`--merge ${dir}: no ${BACKTEST_CHECKPOINT} there (expected the --out folder of a shard of this backtest)`);
    if (other.identity !== identity) throw new UserError(`--merge ${dir}: a different backtest (another seed, scenario list or bazaar version)`);
    for (const [k, score] of other.done) if (!done.has(k)) done.set(k, score);
  }
  const mine = shardPoints(loaded.length, options.shard);
  const finished = () => mine.every((k) => done.has(k));
  const checkpoint = () => {
    if (!options.dir) return;
    ensureDir(options.dir);
    const saved: BacktestCheckpoint = {
      format: 1, version: VERSION, identity, seed: options.seed, scenarios: loaded.length, shard: options.shard ?? null,
      complete: finished(), done: [...done.entries()].sort((a, b) => a[0] - b[0]),
    };
    writeFileAtomic(path.join(options.dir, BACKTEST_CHECKPOINT), JSON.stringify(saved) + "\n");
  };
  let scoredHere = 0;
  let stop = false;
  const count = () => mine.filter((k) => done.has(k)).length;
  options.onProgress?.(count(), mine.length);
  for (const k of mine) {
    if (done.has(k)) continue;
    if (stop || options.interrupted?.()) break;
    options.onScenario?.(loaded[k].file);
    const score = await scoreScenario(loaded[k], options);
    if (!score) break; // interrupted mid-scenario: its partial batch is dropped
    done.set(k, score);
    scoredHere++;
    checkpoint();
    options.onProgress?.(count(), mine.length);
    if (options.stopAfter?.(scoredHere)) stop = true;
  }
  checkpoint();
  if (!finished()) return { status: "interrupted", done: count(), planned: mine.length };
  if (options.shard) return { status: "shard", done: count(), planned: mine.length };
  const scenarios = loaded.map((_, k) => done.get(k)!);
  return { status: "complete", backtest: { seed: options.seed, scenarios, mean: means(scenarios), calibration: backtestCalibration(scenarios, options.bins) } };
}

async function scoreScenario(loaded: LoadedScenario, options: BacktestOptions): Promise<ScenarioScore | undefined> {
  const spec = loaded.spec;
  const observedOutcome = spec.observed!; // runBacktest has checked every scenario has one
  const model = compileModel(spec);
  const observed = spec.outcomes.findIndex((o) => o.id === observedOutcome.outcome);
  const aggregate = await runPooled(model, {
    seed: options.seed, runs: MAX_RUNS, workers: options.workers,
    enough: (a) => {
      if (options.interrupted?.()) return true;
      const se = noise(a, observed);
      return a.runs >= MIN_RUNS && se.p_observed <= MAX_NOISE && se.brier <= MAX_NOISE;
    },
  });
  if (options.interrupted?.()) return undefined;
  const probabilities = aggregate.outcomes.map((c) => c / aggregate.runs);
  const baseline = largestListForecast(model, options.seed, aggregate.runs);
  return {
    file: loaded.file,
    id: spec.meta.id,
    title: spec.meta.title,
    observed: { id: observedOutcome.outcome, label: spec.outcomes[observed].label, date: observedOutcome.date, source: observedOutcome.source },
    runs: aggregate.runs,
    outcomes: spec.outcomes.map((o, k) => ({ id: o.id, label: o.label, probability: probabilities[k] })),
    model: { ...score(probabilities, observed), se: noise(aggregate, observed) },
    uniform: score(uniformForecast(model.outcomes.length), observed),
    largest_list: baseline ? score(baseline, observed) : null,
  };
}

function score(probabilities: number[], observed: number): Score {
  return { p_observed: probabilities[observed], brier: brierScore(probabilities, observed), log_score: logScore(probabilities, observed) };
}

function noise(aggregate: Aggregate, observed: number): { p_observed: number; brier: number } {
  const p = aggregate.outcomes.map((c) => c / aggregate.runs);
  return { p_observed: proportionSe(p[observed], aggregate.runs), brier: brierSe(p, observed, aggregate.runs) };
}

/**
 * How well calibrated the model's forecasts are over every case × outcome ("did this outcome happen?"):
 * the reliability diagram, sharpness and the Brier decomposition (src/stats/reliability.ts). The binary
 * events' mean Brier score times the number of outcomes is the multi-category Brier of the table.
 */
export function backtestCalibration(scenarios: ScenarioScore[], bins = DEFAULT_BINS): Calibration {
  return calibration(binaryEvents(scenarios.map((s) => ({ probabilities: s.outcomes.map((o) => o.probability), observed: s.outcomes.findIndex((o) => o.id === s.observed.id) }))), bins);
}

export function means(scenarios: ScenarioScore[]): Backtest["mean"] {
  const applies = scenarios.filter((s) => s.largest_list !== null);
  const largestList = applies.length > 0 ? mean(applies.map((s) => s.largest_list!)) : null;
  return {
    scenarios: scenarios.length,
    model: mean(scenarios.map((s) => s.model)),
    uniform: mean(scenarios.map((s) => s.uniform)),
    largest_list: largestList ? { ...largestList, scenarios: applies.length } : null,
    where_largest_list_applies: largestList
      ? { scenarios: applies.length, ids: applies.map((s) => s.id), model: mean(applies.map((s) => s.model)), uniform: mean(applies.map((s) => s.uniform)), largest_list: largestList }
      : null,
  };
}

function mean(scores: Score[]): Score {
  return {
    p_observed: average(scores.map((s) => s.p_observed)),
    brier: average(scores.map((s) => s.brier)),
    log_score: average(scores.map((s) => s.log_score)),
  };
}

function average(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

