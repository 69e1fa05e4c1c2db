// Naive forecasts a model must beat: uniform over the outcomes, and "the largest list's leader
// becomes prime minister".
import type { Model } from "../model/compile.ts";
import { prepareRun } from "../model/draw.ts";
import { RunState } from "../model/state.ts";
import { premierWith } from "../model/utility.ts";
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
 * The largest-list baseline: in each run's sampled seats, the pre-electoral list (the actors' blocs)
 * with most seats that has an eligible member governs, and that member with most seats is premier.
 * The final state is classified by the scenario's own outcomes; nothing is negotiated. Returns the
 * outcome probabilities over `runs` runs, or undefined when the outcomes do not concern government.
 */
export function largestListForecast(model: Model, seed: number, runs: number): number[] | undefined {
  if (!outcomesConcernGovernment(model)) return undefined;
  const s = new RunState(model.template.dims);
  const counts = model.outcomes.map(() => 0);
  for (let run = 0; run < runs; run++) {
    prepareRun(model, s, runRng(seed, run));
    const { label, pm } = largestList(model, s);
    if (label >= 0) {
      s.government = label;
      s.pm = pm;
    }
    counts[classify(model, s)]++;
  }
  return counts.map((c) => c / runs);
}

function largestList(model: Model, s: RunState): { label: number; pm: number } {
  const seats = new Float64Array(model.n);
  const pm = new Int32Array(model.n).fill(-1);
  for (let j = 0; j < model.n; j++) {
    if (model.fragmented[j] === 1) continue;
    seats[s.coalition[j]] += s.seats[j];
    pm[s.coalition[j]] = premierWith(model, s, pm[s.coalition[j]], j);
  }
  let best = -1;
  for (let k = 0; k < model.n; k++) {
    if (pm[k] < 0) continue;
    if (best < 0 || seats[k] > seats[best] || (seats[k] === seats[best] && model.idRank[pm[k]] < model.idRank[pm[best]])) best = k;
  }
  return { label: best, pm: best >= 0 ? pm[best] : -1 };
}
