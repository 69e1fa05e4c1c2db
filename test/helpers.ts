// Shared test helpers: fixtures, variants made with immer, and small batches.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { produce } from "immer";
import { loadScenarioFile, scenarioHash, type LoadedScenario } from "../src/scenario/load.ts";
import type { ScenarioSpec } from "../src/scenario/schema/scenario.ts";
import { compileModel } from "../src/model/compile.ts";
import { runBatch } from "../src/runner/batch.ts";
import { prepareRun } from "../src/model/draw.ts";
import { RunState } from "../src/model/state.ts";
import { runRng } from "../src/rng/rng.ts";
import { summarize, type Summary } from "../src/runner/summary.ts";
import type { ScenarioScore, Score } from "../src/backtest/backtest.ts";
import { runCli } from "../src/cli/program.ts";
import type { Io } from "../src/cli/io.ts";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const fixture = (name: string) => path.join(ROOT, "test", "fixtures", name);
export const scenarioFile = (name: string) => path.join(ROOT, "scenarios", name);

export function loadFixture(name: string): LoadedScenario {
  return loadScenarioFile(fixture(name));
}

/** A variant of a scenario, edited with immer (the scenario itself is left untouched). */
export function variant(loaded: LoadedScenario, edit: (draft: ScenarioSpec) => void): LoadedScenario {
  const spec = produce(loaded.spec, edit);
  return { ...loaded, spec, sha256: scenarioHash(spec) };
}

export function runSummary(loaded: LoadedScenario, runs: number, seed = 1, chunkSize?: number): Summary {
  const model = compileModel(loaded.spec);
  return summarize(loaded, model, runBatch(model, { runs, seed, chunkSize }), seed);
}

export function probability(summary: Summary, outcome: string): number {
  return summary.outcomes.find((o) => o.id === outcome)!.probability;
}

/** Standard error of the difference of two proportions from independent samples of size n. */
export function seOfDifference(p1: number, p2: number, n: number): number {
  return Math.sqrt((p1 * (1 - p1) + p2 * (1 - p2)) / n);
}

/** Asserts that every outcome's probability agrees between two summaries within `k` standard errors. */
export function expectSameOutcomeDistribution(a: Summary, b: Summary, k = 4): void {
  for (const o of a.outcomes) {
    const p2 = probability(b, o.id);
    const tolerance = k * seOfDifference(o.probability, p2, Math.min(a.runs, b.runs)) + 1e-9;
    if (Math.abs(o.probability - p2) > tolerance) {
      throw new Error(`${o.id}: ${o.probability} vs ${p2} differ by more than ${k} standard errors (${tolerance.toFixed(4)})`);
    }
  }
}

/** A compiled fixture (optionally edited) and a state prepared for run 0 of seed 1. */
export function preparedFixture(name: string, edit?: (draft: ScenarioSpec) => void) {
  const loaded = edit ? variant(loadFixture(name), edit) : loadFixture(name);
  const model = compileModel(loaded.spec);
  const state = new RunState(model.template.dims);
  prepareRun(model, state, runRng(1, 0));
  return { model, state };
}

/**
 * Pins the behavioural parameters whose defaults are uncertain (sampled per run) to fixed numbers, for
 * tests that compute utilities by hand or count a scenario's uncertain inputs.
 */
export function pinModel(d: ScenarioSpec): void {
  d.model.delay_cost = 0.03;
  d.model.office.sharing = 0.5;
  d.model.office.inclusion = 0.3;
  d.model.office.unsecured = 0.6;
  d.model.office.cushion = 0.05;
  d.model.compromise.lift = 0.35;
  d.model.premier_veto.below = -0.3;
}

/** A scored scenario with made-up scores; the largest-list baseline applies when `list` is given. */
export function scored(id: string, model: Score, list: Score | null): ScenarioScore {
  return {
    file: `${id}.yaml`, id, title: id, observed: { id: "x", label: "X", date: "2020-01-01", source: "s" }, runs: 10_000,
    outcomes: [], model: { ...model, se: { p_observed: 0.001, brier: 0.001 } }, uniform: { p_observed: 0.25, brier: 0.75, log_score: Math.log(4) }, largest_list: list,
  };
}

/** Runs the CLI in-process (the runCli that bin/bazaar.js calls), capturing what it prints and its exit code. */
export async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io: Io = {
    argv: ["bazaar", ...args], out: (t) => void (stdout += t), err: (t) => void (stderr += t), exitCode: () => {},
    style: { bold: (s) => s }, relative: (f) => f,
  };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}
