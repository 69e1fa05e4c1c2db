// Variance-based sensitivity indices from Saltelli's design (Saltelli 2002; Saltelli et al. 2010).
// Two independent N × k matrices A and B of quasi-random points (the two halves of a 2k-dimensional
// Sobol' sequence), and for each input j the matrix AB_j: A with column j taken from B. The model is
// evaluated at the N(k + 2) points of A, B and every AB_j, and for each input:
//   first-order  S1_j = mean( f(B) · (f(AB_j) − f(A)) ) / V          (Saltelli et al. 2010, table 2 (b))
//   total        ST_j = mean( (f(A) − f(AB_j))² ) / (2V)             (Jansen 1999; Saltelli et al. 2010 (f))
// with V the variance of f over the 2N points of A and B. S1_j is the share of V that input j explains
// alone; ST_j the share it explains with all its interactions. f(B) enters S1 centred on the mean of
// the A and B outputs (as SALib does): since f(AB_j) − f(A) has mean zero this changes no expectation,
// but it keeps an output's level (a metric's mean of 200 seats, say) out of the estimator's variance.
import type { Rng } from "../rng/rng.ts";
import { percentileInterval } from "./resample.ts";
import { sobolPoints, MAX_SOBOL_DIMENSIONS } from "./sobol-sequence.ts";

export const MAX_SOBOL_INPUTS = MAX_SOBOL_DIMENSIONS / 2;

export interface SaltelliDesign {
  inputs: number;
  samples: number;
  a: number[][];
  b: number[][];
}

/**
 * A and B from points 1 … N of the 2k-dimensional Sobol' sequence (point 0, the origin, is skipped:
 * it is the corner of the cube, not a typical point).
 */
export function saltelliDesign(inputs: number, samples: number): SaltelliDesign {
  if (inputs < 1 || inputs > MAX_SOBOL_INPUTS) throw new RangeError(`Sobol' indices need 1 to ${MAX_SOBOL_INPUTS} inputs, found ${inputs}`);
  const base = sobolPoints(2 * inputs, samples, 1);
  return { inputs, samples, a: base.map((p) => p.slice(0, inputs)), b: base.map((p) => p.slice(inputs)) };
}

/** The point of row i at position s: 0 is A, 1 … k are AB_1 … AB_k, k + 1 is B. */
export function saltelliPoint(design: SaltelliDesign, row: number, position: number): number[] {
  const k = design.inputs;
  if (position === 0) return design.a[row];
  if (position === k + 1) return design.b[row];
  const j = position - 1;
  return design.a[row].map((x, c) => (c === j ? design.b[row][c] : x));
}

/** Outputs at the design's points, by row: fA[i], fB[i], fAB[j][i]. */
export interface SaltelliOutputs {
  fA: number[];
  fB: number[];
  fAB: number[][];
}

export interface SobolIndex {
  s1: number | null;
  st: number | null;
  s1_ci95: [number, number] | null;
  st_ci95: [number, number] | null;
}

/** S1 and ST of every input from the rows listed in `rows` (all rows once, or a bootstrap resample). */
export function sobolEstimates(y: SaltelliOutputs, rows: ArrayLike<number>): { s1: number[]; st: number[]; variance: number } {
  const n = rows.length;
  let sum = 0;
  for (let r = 0; r < n; r++) sum += y.fA[rows[r]] + y.fB[rows[r]];
  const m = sum / (2 * n);
  let squares = 0;
  for (let r = 0; r < n; r++) squares += (y.fA[rows[r]] - m) ** 2 + (y.fB[rows[r]] - m) ** 2;
  const variance = squares / (2 * n);
  const s1: number[] = [];
  const st: number[] = [];
  for (const fABj of y.fAB) {
    let first = 0;
    let total = 0;
    for (let r = 0; r < n; r++) {
      const i = rows[r];
      first += (y.fB[i] - m) * (fABj[i] - y.fA[i]);
      total += (y.fA[i] - fABj[i]) ** 2;
    }
    s1.push(first / n / variance);
    st.push(total / (2 * n) / variance);
  }
  return { s1, st, variance };
}

/**
 * Indices with bootstrap percentile intervals: rows (the N base samples) are resampled with
 * replacement, the same resample for every input. Null where the output does not vary over A and B.
 */
export function sobolIndices(y: SaltelliOutputs, replicates: number, rng: Rng): SobolIndex[] {
  const n = y.fA.length;
  const all = Int32Array.from({ length: n }, (_, i) => i);
  const point = sobolEstimates(y, all);
  const k = y.fAB.length;
  if (!(point.variance > 0)) return Array.from({ length: k }, () => ({ s1: null, st: null, s1_ci95: null, st_ci95: null }));
  const s1Boot: number[][] = Array.from({ length: k }, () => []);
  const stBoot: number[][] = Array.from({ length: k }, () => []);
  const pick = new Int32Array(n);
  for (let b = 0; b < replicates; b++) {
    for (let i = 0; i < n; i++) pick[i] = Math.floor(rng.next() * n);
    const e = sobolEstimates(y, pick);
    if (!(e.variance > 0)) continue;
    for (let j = 0; j < k; j++) {
      s1Boot[j].push(e.s1[j]);
      stBoot[j].push(e.st[j]);
    }
  }
  return point.s1.map((s1, j) => ({ s1, st: point.st[j], s1_ci95: percentileInterval(s1Boot[j], 0.95), st_ci95: percentileInterval(stBoot[j], 0.95) }));
}
