// Naive forecasts a model must beat: uniform over the outcomes, and "the largest list's leader
// becomes prime minister".
import type { Model } from "../model/compile.ts";
import { prepareRun } from "../model/draw.ts";
import { RunState } from "../model/state.ts";
import { CoalitionTotals } from "../model/coalition-totals.ts";
import { outranks } from "../model/government.ts";
import { classify } from "../engine/run.ts";
import { runRng } from "../rng/rng.ts";
import type { ConditionSpec } from "../scenario/schema/condition.ts";

export function uniformForecast(outcomes: number): number[] {
  return Array.from({ length: outcomes }, () => 1 / outcomes);
}

/** Whether any outcome depends on who governs or who is premier (else the largest-list baseline does not apply). */
export function outcomesConcernGovernment(model: Model): boolean {
  const concerns = (c: ConditionSpec | undefined): boolean =>
    c !== undefined &&
    (c.governs !== undefined || c.pm !== undefined || c.pm_in !== undefined ||
      (c.all ?? []).some(concerns) || (c.any ?? []).some(concerns) || concerns(c.not));
  return model.spec.outcomes.some((o) => concerns(o.when));
}

/**
 * The largest-list baseline: in each run's sampled seats, the starting coalition (the blocs, or the
 * campaign's opening lists) with most seats that has a premier governs, under its premier by the
 * scenario's own rule. The final state is classified by the scenario's outcomes; nothing is
 * negotiated. Returns the outcome probabilities over `runs` runs, or undefined when the outcomes do
 * not concern government.
 */
export function largestListForecast(model: Model, seed: number, runs: number): number[] | undefined {
  if (!outcomesConcernGovernment(model)) return undefined;
  const s = new RunState(model.template.dims);
  const totals = new CoalitionTotals(model.n);
  const counts = model.outcomes.map(() => 0);
  for (let run = 0; run < runs; run++) {
    prepareRun(model, s, runRng(seed, run));
    totals.refresh(model, s);
    let largest = -1;
    for (let k = 0; k < model.n; k++) if (totals.pm[k] >= 0 && outranks(s, totals, k, largest)) largest = k;
    if (largest >= 0) {
      s.government = largest;
      s.pm = totals.pm[largest];
    }
    counts[classify(model, s)]++;
  }
  return counts.map((c) => c / runs);
}
