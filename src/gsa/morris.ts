// Morris (1991) elementary effects, with Campolongo, Cariboni and Saltelli's (2007) μ* = mean |EE|.
// The design lives in the unit cube: k inputs on a p-level grid {0, 1/(p−1), …, 1}, steps of
// Δ = p / (2(p − 1)); each trajectory starts at a random grid point and moves every input once, in a
// random order, up or down by Δ. Its k + 1 points give one elementary effect per input:
// EE_j = (y(after) − y(before)) / (±Δ), the sign making it the change per unit increase of input j.
import type { Rng } from "../rng/rng.ts";
import { percentileInterval } from "./resample.ts";

export interface MorrisDesign {
  inputs: number;
  levels: number;
  delta: number;
  /** trajectories × (inputs + 1) points, each a vector in [0, 1]^inputs. */
  points: number[][][];
  /** For each trajectory, the input moved at step s (from point s to s + 1), and the sign of that move. */
  moves: { input: number; sign: 1 | -1 }[][];
}

export function morrisDesign(inputs: number, trajectories: number, levels: number, rng: Rng): MorrisDesign {
  if (levels < 2 || levels % 2 !== 0) throw new RangeError(`Morris levels must be an even number ≥ 2, found ${levels}`);
  const half = levels / 2;
  const delta = half / (levels - 1);
  const points: number[][][] = [];
  const moves: MorrisDesign["moves"] = [];
  for (let t = 0; t < trajectories; t++) {
    // Each input gets a grid level in the lower half and a direction; it starts at that level (up) or
    // half the grid above it (down), and its one move crosses the same Δ either way.
    const base = Array.from({ length: inputs }, () => Math.floor(rng.next() * half));
    const sign = Array.from({ length: inputs }, (): 1 | -1 => (rng.next() < 0.5 ? 1 : -1));
    const order = Array.from({ length: inputs }, (_, j) => j);
    for (let i = inputs - 1; i > 0; i--) {
      const j = Math.floor(rng.next() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    const level = base.map((b, j) => (sign[j] === 1 ? b : b + half));
    const path = [level.map((l) => l / (levels - 1))];
    for (const j of order) {
      level[j] += sign[j] * half;
      path.push(level.map((l) => l / (levels - 1)));
    }
    points.push(path);
    moves.push(order.map((input) => ({ input, sign: sign[input] })));
  }
  return { inputs, levels, delta, points, moves };
}

/** Elementary effects, trajectories × inputs, from the outputs at each trajectory's points. */
export function elementaryEffects(design: MorrisDesign, y: number[][]): number[][] {
  return design.moves.map((steps, t) => {
    const ee = new Array<number>(design.inputs).fill(0);
    steps.forEach(({ input, sign }, s) => (ee[input] = (y[t][s + 1] - y[t][s]) / (sign * design.delta)));
    return ee;
  });
}

export interface MorrisIndex {
  /** Mean elementary effect: its sign shows the direction of a monotonic effect; cancels when effects differ in sign. */
  mu: number;
  /** Mean absolute elementary effect: the screening measure of overall influence. */
  mu_star: number;
  /** Spread of the elementary effects (n − 1): large means non-linear or interacting. */
  sigma: number;
  /** Bootstrap percentile interval of μ* over trajectories. */
  mu_star_ci95: [number, number];
}

/** μ, μ*, σ of each input, with a bootstrap interval for μ* from resampling whole trajectories. */
export function morrisIndices(ee: number[][], replicates: number, rng: Rng): MorrisIndex[] {
  const r = ee.length;
  const k = ee[0]?.length ?? 0;
  const column = (j: number) => ee.map((row) => row[j]);
  const starBoot: number[][] = Array.from({ length: k }, () => []);
  const pick = new Int32Array(r);
  for (let b = 0; b < replicates; b++) {
    for (let i = 0; i < r; i++) pick[i] = Math.floor(rng.next() * r);
    for (let j = 0; j < k; j++) {
      let sum = 0;
      for (let i = 0; i < r; i++) sum += Math.abs(ee[pick[i]][j]);
      starBoot[j].push(sum / r);
    }
  }
  return Array.from({ length: k }, (_, j) => {
    const xs = column(j);
    const mu = mean(xs);
    const sigma = r > 1 ? Math.sqrt(xs.reduce((s, x) => s + (x - mu) ** 2, 0) / (r - 1)) : 0;
    return { mu, mu_star: mean(xs.map(Math.abs)), sigma, mu_star_ci95: percentileInterval(starBoot[j], 0.95) };
  });
}

function mean(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / Math.max(xs.length, 1);
}
