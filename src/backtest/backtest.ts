// Scores the model's forecasts of historical scenarios against what happened, beside two baselines.
import { readdirSync } from "node:fs";
import path from "node:path";
import { compileModel } from "../model/compile.ts";
import { loadScenarioFile, type LoadedScenario } from "../scenario/load.ts";
import { UserError } from "../scenario/problems.ts";
import { brierScore, brierSe, logScore, proportionSe } from "../stats/scores.ts";
import type { Aggregate } from "../runner/aggregate.ts";
import { runPooled } from "../runner/pooled.ts";
import { binaryEvents, calibration, type Calibration } from "../stats/reliability.ts";
import { largestListForecast, uniformForecast } from "./baselines.ts";

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
}

/** Every scenario in `dir` that records what happened, in file name order. */
export function historicalScenarios(dir: string): LoadedScenario[] {
  const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
  return files.map((f) => loadScenarioFile(path.join(dir, f))).filter((l) => l.spec.observed !== undefined);
}

export async function runBacktest(loaded: LoadedScenario[], options: BacktestOptions): Promise<Backtest> {
  if (loaded.length === 0) throw new UserError("no scenario with an `observed` outcome to backtest");
  const unscorable = loaded.find((l) => !l.spec.observed);
  if (unscorable) throw new UserError(`${unscorable.file}: has no \`observed\` outcome to score against`); // before any work starts
  const scenarios: ScenarioScore[] = [];
  for (const scenario of loaded) {
    options.onScenario?.(scenario.file);
    scenarios.push(await scoreScenario(scenario, options));
  }
  return { seed: options.seed, scenarios, mean: means(scenarios), calibration: backtestCalibration(scenarios, options.bins) };
}

async function scoreScenario(loaded: LoadedScenario, options: BacktestOptions): Promise<ScenarioScore> {
  const spec = loaded.spec;
  const observedOutcome = spec.observed!; // runBacktest has checked every scenario has one
  const model = compileModel(spec);
  const observed = spec.outcomes.findIndex((o) => o.id === observedOutcome.outcome);
  const aggregate = await runPooled(model, {
    seed: options.seed, runs: MAX_RUNS, workers: options.workers,
    enough: (a) => {
      const se = noise(a, observed);
      return a.runs >= MIN_RUNS && se.p_observed <= MAX_NOISE && se.brier <= MAX_NOISE;
    },
  });
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

