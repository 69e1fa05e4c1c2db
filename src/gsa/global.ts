// `bazaar sensitivity --method morris|sobol`: global sensitivity of every outcome probability and every
// numeric metric's mean to the scenario's uncertain inputs.
//
// Inputs live in the unit cube of their quantiles: a design coordinate u becomes the value at quantile
// u of the input's distribution as the sampler draws it for its field (exact inverse CDF where there is
// one), so every input is explored over its own distribution. Each design point is a batch of
// `runs` runs with the inputs pinned at the point's values; pinned inputs still consume their draws, so
// points that share random streams differ only in the pinned values (common random numbers).
//
// Run-to-run noise: with the noise input on (the default), one more design coordinate chooses which
// block of random streams a point's runs use. Points that share it (a Saltelli row A, AB_1…AB_k; the
// steps of a Morris trajectory that move a real input) run on the same streams, so an input's effect is
// measured on the same runs with only that input changed, and an input that changes no run gets exactly
// zero. The noise input's own indices measure the noise: its ST is the share of the output's variance
// that comes from which runs were played, its μ* the effect of re-drawing every run. Without it
// (--no-noise-input) every point uses run indices 0 … runs − 1.
import { compileModel, type Model } from "../model/compile.ts";
import type { LoadedScenario } from "../scenario/load.ts";
import { UserError } from "../scenario/problems.ts";
import { labelledRng } from "../rng/rng.ts";
import { GRID } from "../stats/histogram.ts";
import type { Design } from "../runner/analysis.ts";
import type { PointResult, PointSpec } from "../runner/points.ts";
import { quantileFunction, type QuantileMethod } from "../runner/sensitivity.ts";
import { elementaryEffects, morrisDesign, morrisIndices, type MorrisDesign, type MorrisIndex } from "./morris.ts";
import { MAX_SOBOL_INPUTS, saltelliDesign, saltelliPoint, sobolIndices, type SaltelliDesign, type SobolIndex } from "./sobol-indices.ts";

export const NOISE_INPUT = "(noise)";
/** Stream blocks the noise input chooses among (Sobol' coordinates are 32-bit fractions; 2^20 blocks keep run indices far below 2^53). */
const NOISE_BLOCKS = 2 ** 20;
export const BOOTSTRAP = 1000;

export interface GsaInput {
  path: string;
  /** "input" for a scenario assumption; "noise" for the noise input. */
  kind: "input" | "noise";
  quantile_method?: QuantileMethod;
}

export interface GsaOutput {
  id: string;
  label: string;
  /** An outcome's probability, or a numeric metric's mean over the runs where it is defined. */
  kind: "outcome" | "metric";
}

interface Common {
  scenario: { id: string; title: string; sha256: string };
  seed: number;
  runs_per_point: number;
  points: number;
  runs_total: number;
  noise_input: boolean;
  bootstrap: number;
  inputs: GsaInput[];
  /** Outputs left out, with why (e.g. a metric undefined at some point). */
  skipped: { id: string; reason: string }[];
}

export interface MorrisResult extends Common {
  method: "morris";
  trajectories: number;
  levels: number;
  delta: number;
  outputs: (GsaOutput & { indices: (MorrisIndex & { path: string })[] })[];
}

export interface SobolResult extends Common {
  method: "sobol";
  samples: number;
  outputs: (GsaOutput & { variance: number; sum_s1: number | null; indices: (SobolIndex & { path: string })[] })[];
}

export interface MorrisOptions { trajectories: number; levels: number; noiseInput: boolean; runs: number; seed: number }
export interface SobolOptions { samples: number; noiseInput: boolean; runs: number; seed: number }

function inputsOf(model: Model, noise: boolean): { inputs: GsaInput[]; quantile: ((q: number) => { value: number; method: QuantileMethod })[] } {
  if (model.slots.length === 0) throw new UserError("sensitivity: the scenario has no uncertain input (every number is fixed), so there is nothing to vary");
  const quantile = model.slots.map(quantileFunction);
  const inputs: GsaInput[] = model.slots.map((slot, k) => ({ path: slot.path, kind: "input", quantile_method: quantile[k](0.5).method }));
  if (noise) inputs.push({ path: NOISE_INPUT, kind: "noise" });
  return { inputs, quantile };
}

function outputsOf(model: Model): GsaOutput[] {
  return [
    ...model.outcomes.map((o): GsaOutput => ({ id: o.id, label: o.label, kind: "outcome" })),
    ...model.metrics.filter((m) => m.kind === "numeric").map((m): GsaOutput => ({ id: m.id, label: m.label, kind: "metric" })),
  ];
}

/** Every output's value at one point: outcome probabilities, then numeric metrics' means (NaN where never defined). */
function outputValues(r: PointResult): number[] {
  return [...r.outcomes.map((c) => c / r.runs), ...r.numeric.map(([n, sum]) => (n > 0 ? sum / GRID / n : NaN))];
}

function toPoint(unit: number[], quantile: ReturnType<typeof inputsOf>["quantile"], noise: boolean, runs: number, noiseBlock: (u: number) => number): PointSpec {
  const pins = quantile.map((f, k) => f(unit[k]).value);
  return { spec: 0, pins, runOffset: noise ? noiseBlock(unit[quantile.length]) * runs : 0 };
}

// ---- Morris ----

/** Morris grid coordinates x ∈ {0, 1/(p−1), …, 1} map to quantiles at the centres of p equal-probability bins, (x(p−1) + ½)/p, so no point sits at an infinite tail. */
export function morrisQuantile(x: number, levels: number): number {
  return (x * (levels - 1) + 0.5) / levels;
}

export function morrisPlan(loaded: LoadedScenario, options: MorrisOptions): { design: Design; morris: MorrisDesign; inputs: GsaInput[] } {
  const model = compileModel(loaded.spec);
  const { inputs, quantile } = inputsOf(model, options.noiseInput);
  const morris = morrisDesign(inputs.length, options.trajectories, options.levels, labelledRng(options.seed, "morris-design"));
  const points = morris.points.flatMap((path) => path.map((x) =>
    toPoint(x.map((xi) => morrisQuantile(xi, options.levels)), quantile, options.noiseInput, options.runs, (q) => Math.round(q * options.levels - 0.5))));
  const parameters = { method: "morris", trajectories: options.trajectories, levels: options.levels, noise_input: options.noiseInput };
  return { design: { kind: "sensitivity-morris", parameters, specs: [loaded.spec], points, runs: options.runs, seed: options.seed }, morris, inputs };
}

export function analyzeMorris(loaded: LoadedScenario, plan: ReturnType<typeof morrisPlan>, results: PointResult[]): MorrisResult {
  const model = compileModel(loaded.spec);
  const { morris, inputs, design } = plan;
  const per = morris.inputs + 1;
  const values = results.map(outputValues);
  const skipped: Common["skipped"] = [];
  const outputs: MorrisResult["outputs"] = [];
  outputsOf(model).forEach((out, o) => {
    const y = morris.points.map((_, t) => Array.from({ length: per }, (_, s) => values[t * per + s][o]));
    if (y.flat().some((v) => !Number.isFinite(v))) {
      skipped.push({ id: out.id, reason: "undefined (no run recorded it) at some design point" });
      return;
    }
    const indices = morrisIndices(elementaryEffects(morris, y), BOOTSTRAP, labelledRng(design.seed, `morris-bootstrap:${out.id}`));
    outputs.push({ ...out, indices: indices.map((ix, j) => ({ path: inputs[j].path, ...round(ix) })) });
  });
  return {
    method: "morris", ...common(loaded, design, inputs, skipped), trajectories: morris.points.length, levels: morris.levels, delta: morris.delta, outputs,
  };
}

// ---- Sobol' ----

export function sobolPlan(loaded: LoadedScenario, options: SobolOptions): { design: Design; saltelli: SaltelliDesign; inputs: GsaInput[] } {
  const model = compileModel(loaded.spec);
  const { inputs, quantile } = inputsOf(model, options.noiseInput);
  if (inputs.length > MAX_SOBOL_INPUTS) throw new UserError(`sensitivity --method sobol: at most ${MAX_SOBOL_INPUTS} inputs, found ${inputs.length}`);
  const saltelli = saltelliDesign(inputs.length, options.samples);
  const points: PointSpec[] = [];
  for (let i = 0; i < options.samples; i++) {
    for (let s = 0; s <= inputs.length + 1; s++) {
      points.push(toPoint(saltelliPoint(saltelli, i, s), quantile, options.noiseInput, options.runs, (u) => Math.floor(u * NOISE_BLOCKS)));
    }
  }
  const parameters = { method: "sobol", samples: options.samples, noise_input: options.noiseInput };
  return { design: { kind: "sensitivity-sobol", parameters, specs: [loaded.spec], points, runs: options.runs, seed: options.seed }, saltelli, inputs };
}

export function analyzeSobol(loaded: LoadedScenario, plan: ReturnType<typeof sobolPlan>, results: PointResult[]): SobolResult {
  const model = compileModel(loaded.spec);
  const { saltelli, inputs, design } = plan;
  const k = inputs.length;
  const per = k + 2;
  const values = results.map(outputValues);
  const skipped: Common["skipped"] = [];
  const outputs: SobolResult["outputs"] = [];
  const rows = Array.from({ length: saltelli.samples }, (_, i) => i);
  outputsOf(model).forEach((out, o) => {
    const at = (i: number, s: number) => values[i * per + s][o];
    const y = { fA: rows.map((i) => at(i, 0)), fB: rows.map((i) => at(i, k + 1)), fAB: inputs.map((_, j) => rows.map((i) => at(i, j + 1))) };
    if ([...y.fA, ...y.fB, ...y.fAB.flat()].some((v) => !Number.isFinite(v))) {
      skipped.push({ id: out.id, reason: "undefined (no run recorded it) at some design point" });
      return;
    }
    const all = [...y.fA, ...y.fB];
    const mean = all.reduce((a, b) => a + b, 0) / all.length;
    const variance = all.reduce((a, b) => a + (b - mean) ** 2, 0) / all.length;
    const indices = sobolIndices(y, BOOTSTRAP, labelledRng(design.seed, `sobol-bootstrap:${out.id}`));
    const real = indices.filter((_, j) => inputs[j].kind === "input");
    const sumS1 = real.every((ix) => ix.s1 !== null) ? r6(real.reduce((a, ix) => a + ix.s1!, 0)) : null;
    outputs.push({ ...out, variance: r6(variance, 9), sum_s1: sumS1, indices: indices.map((ix, j) => ({ path: inputs[j].path, ...round(ix) })) });
  });
  return { method: "sobol", ...common(loaded, design, inputs, skipped), samples: saltelli.samples, outputs };
}

function common(loaded: LoadedScenario, design: Design, inputs: GsaInput[], skipped: Common["skipped"]): Common {
  return {
    scenario: { id: loaded.spec.meta.id, title: loaded.spec.meta.title, sha256: loaded.sha256 },
    seed: design.seed, runs_per_point: design.runs, points: design.points.length, runs_total: design.points.length * design.runs,
    noise_input: design.parameters.noise_input === true, bootstrap: BOOTSTRAP, inputs, skipped,
  };
}

function r6(x: number, digits = 6): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Rounds every number (and number pair) of an index record to 6 decimals, for stable, readable JSON. */
function round<T extends object>(ix: T): T {
  return Object.fromEntries(Object.entries(ix).map(([key, v]) => [key, typeof v === "number" ? r6(v) : Array.isArray(v) ? v.map((x) => r6(x)) : v])) as T;
}
