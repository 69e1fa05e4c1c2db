// `bazaar sensitivity --method oat`: each uncertain input pinned at a low and a high quantile while the
// others stay uncertain; outcomes' probability swings ranked (tornado data). Pinned inputs still consume
// their draws, so every variant shares common random numbers with the others. The variants are design
// points (points.ts), so the CLI runs them on the worker pool with checkpoints (analysis.ts).
import type { LoadedScenario } from "../scenario/load.ts";
import { labelledRng } from "../rng/rng.ts";
import { compileModel, type Model, type Slot } from "../model/compile.ts";
import { sampleDistribution } from "../model/sample.ts";
import { exactQuantile } from "../stats/distribution-quantile.ts";
import type { Design } from "./analysis.ts";
import { PointExecutor, type PointResult, type PointSpec } from "./points.ts";

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
  method?: "oat";
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
  const draws = sampledDraws(slot);
  return draws[Math.round(q * (QUANTILE_DRAWS - 1))];
}

function sampledDraws(slot: Slot): number[] {
  const rng = labelledRng(0, `quantile:${slot.path}`);
  return Array.from({ length: QUANTILE_DRAWS }, () => sampleDistribution(rng, slot.dist, slot.range)).sort((a, b) => a - b);
}

/** slotQuantile as a function of q, drawing the fallback sample at most once (for designs with many points). */
export function quantileFunction(slot: Slot): (q: number) => { value: number; method: QuantileMethod } {
  let draws: number[] | undefined;
  return (q) => {
    const exact = exactQuantile(slot.dist, slot.range, q);
    if (exact !== undefined) return { value: exact, method: "exact" };
    draws ??= sampledDraws(slot);
    return { value: draws[Math.round(q * (QUANTILE_DRAWS - 1))], method: "sampled" };
  };
}

/** Pins for a model with input k at `value` and every other input left uncertain. */
export function pinOne(model: Model, k: number, value: number): (number | null)[] {
  return model.slots.map((_, j) => (j === k ? value : null));
}

/** The design: for each input, its low variant then its high variant, every one on run indices 0 … runs − 1. */
export function sensitivityDesign(loaded: LoadedScenario, runs: number, seed: number, quantiles: [number, number] = [0.1, 0.9]): { design: Design; pinned: { low: number; high: number; method: QuantileMethod }[] } {
  const model = compileModel(loaded.spec);
  const pinned = model.slots.map((slot) => {
    const [low, high] = quantiles.map((q) => slotQuantile(slot, q));
    return { low: low.value, high: high.value, method: (low.method === "exact" && high.method === "exact" ? "exact" : "sampled") as QuantileMethod };
  });
  const points: PointSpec[] = pinned.flatMap((p, k) => [
    { spec: 0, pins: pinOne(model, k, p.low), runOffset: 0 },
    { spec: 0, pins: pinOne(model, k, p.high), runOffset: 0 },
  ]);
  return { design: { kind: "sensitivity-oat", parameters: { quantiles }, specs: [loaded.spec], points, runs, seed }, pinned };
}

/** The tornado rows from the design's point results (in design order). */
export function analyzeSensitivity(loaded: LoadedScenario, design: Design, pinned: ReturnType<typeof sensitivityDesign>["pinned"], results: PointResult[], quantiles: [number, number]): Sensitivity {
  const model = compileModel(loaded.spec);
  const probabilities = (r: PointResult) => r.outcomes.map((c) => c / r.runs);
  const rows = model.slots.map((slot, k): SensitivityRow => {
    const pLow = probabilities(results[2 * k]);
    const pHigh = probabilities(results[2 * k + 1]);
    const outcomes = model.outcomes.map((o, j) => ({ id: o.id, low: pLow[j], high: pHigh[j], swing: pHigh[j] - pLow[j] }));
    return { path: slot.path, low: pinned[k].low, high: pinned[k].high, quantileMethod: pinned[k].method, outcomes, maxSwing: Math.max(...outcomes.map((o) => Math.abs(o.swing))) };
  });
  rows.sort((a, b) => b.maxSwing - a.maxSwing || (a.path < b.path ? -1 : 1));
  return { method: "oat", scenario: { id: loaded.spec.meta.id, title: loaded.spec.meta.title, sha256: loaded.sha256 }, seed: design.seed, runs: design.runs, quantiles, rows };
}

/** Every point of a design, in this thread, in order (the library's synchronous path; the CLI uses the pool). */
export function evaluateDesign(design: Design): PointResult[] {
  const executor = new PointExecutor(design.specs, design.seed);
  return design.points.map((p, point) => executor.execute({ ...p, task: point, point, from: 0, to: design.runs }).result);
}

export function runSensitivity(loaded: LoadedScenario, runs: number, seed: number, quantiles: [number, number] = [0.1, 0.9]): Sensitivity {
  const { design, pinned } = sensitivityDesign(loaded, runs, seed, quantiles);
  return analyzeSensitivity(loaded, design, pinned, evaluateDesign(design), quantiles);
}
