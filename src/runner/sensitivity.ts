// `bazaar sensitivity`: each uncertain input pinned at a low and a high quantile while the others stay
// uncertain; outcomes' probability swings ranked (tornado data). Pinned inputs still consume their
// draws, so every variant shares common random numbers with the others.
import type { LoadedScenario } from "../scenario/load.ts";
import { labelledRng } from "../rng/rng.ts";
import { compileModel, type Model, type Slot } from "../model/compile.ts";
import { sampleDistribution } from "../model/sample.ts";
import { exactQuantile } from "../stats/distribution-quantile.ts";
import { runBatch } from "./batch.ts";

/** How a pinned value was found: the distribution's inverse CDF, or a fixed seeded sample where it has none. */
export type QuantileMethod = "exact" | "sampled";

export interface SensitivityRow {
  path: string;
  low: number;
  high: number;
  quantileMethod: QuantileMethod;
  /** Per outcome: probability with the input pinned low and high, and the swing high − low. */
  outcomes: { id: string; low: number; high: number; swing: number }[];
  /** Largest absolute swing over the outcomes: the ranking key. */
  maxSwing: number;
}

export interface Sensitivity {
  scenario: { id: string; title: string; sha256: string };
  seed: number;
  runs: number;
  quantiles: [number, number];
  rows: SensitivityRow[];
}

const QUANTILE_DRAWS = 20001;

/** A quantile of a slot's distribution as the sampler draws it for its field: exact where possible. */
export function slotQuantile(slot: Slot, q: number): { value: number; method: QuantileMethod } {
  const exact = exactQuantile(slot.dist, slot.range, q);
  return exact !== undefined ? { value: exact, method: "exact" } : { value: sampledQuantile(slot, q), method: "sampled" };
}

/** The fallback: a quantile of a fixed, seeded sample of draws (deterministic, but only approximate). */
export function sampledQuantile(slot: Slot, q: number): number {
  const rng = labelledRng(0, `quantile:${slot.path}`);
  const draws = Array.from({ length: QUANTILE_DRAWS }, () => sampleDistribution(rng, slot.dist, slot.range)).sort((a, b) => a - b);
  return draws[Math.round(q * (QUANTILE_DRAWS - 1))];
}

function pinned(model: Model, k: number, value: number): Model {
  return { ...model, slots: model.slots.map((slot, j) => (j === k ? { ...slot, pinned: value } : slot)) };
}

export function runSensitivity(loaded: LoadedScenario, runs: number, seed: number, quantiles: [number, number] = [0.1, 0.9]): Sensitivity {
  const model = compileModel(loaded.spec);
  const probabilities = (m: Model) => {
    const aggregate = runBatch(m, { runs, seed });
    return aggregate.outcomes.map((c) => c / aggregate.runs);
  };
  const rows = model.slots.map((slot, k): SensitivityRow => {
    const [low, high] = quantiles.map((q) => slotQuantile(slot, q));
    const pLow = probabilities(pinned(model, k, low.value));
    const pHigh = probabilities(pinned(model, k, high.value));
    const outcomes = model.outcomes.map((o, j) => ({ id: o.id, low: pLow[j], high: pHigh[j], swing: pHigh[j] - pLow[j] }));
    const quantileMethod = low.method === "exact" && high.method === "exact" ? "exact" : "sampled";
    return { path: slot.path, low: low.value, high: high.value, quantileMethod, outcomes, maxSwing: Math.max(...outcomes.map((o) => Math.abs(o.swing))) };
  });
  rows.sort((a, b) => b.maxSwing - a.maxSwing || (a.path < b.path ? -1 : 1));
  return { scenario: { id: loaded.spec.meta.id, title: loaded.spec.meta.title, sha256: loaded.sha256 }, seed, runs, quantiles, rows };
}
