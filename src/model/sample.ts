// Draws one value of a distribution, kept within the range of the field it sets.
import { betaDraw, standardNormal, type Rng } from "../rng/rng.ts";
import type { DistributionSpec, Range } from "../scenario/schema/quantity.ts";

const MAX_REJECTIONS = 64;

export function sampleDistribution(rng: Rng, d: DistributionSpec, range: Range): number {
  const value = draw(rng, d, range);
  const kept = Math.min(range.max, Math.max(range.min, value));
  return range.integer ? Math.round(kept) : kept;
}

function draw(rng: Rng, d: DistributionSpec, range: Range): number {
  switch (d.dist) {
    case "uniform":
      return d.min + rng.next() * (d.max - d.min);
    case "normal":
      return truncatedNormal(rng, d.mean, d.sd, range);
    case "beta": {
      const lo = d.min ?? 0;
      const hi = d.max ?? 1;
      return lo + (hi - lo) * betaDraw(rng, d.a, d.b);
    }
    case "triangular":
      return triangular(rng.next(), d.min, d.mode, d.max);
    case "choice":
      return weightedChoice(rng.next(), d.values, d.weights);
  }
}

/** Rejection sampling; the validator guarantees the mean is within 3 sd of the range, so this ends fast. */
function truncatedNormal(rng: Rng, mean: number, sd: number, range: Range): number {
  for (let i = 0; i < MAX_REJECTIONS; i++) {
    const x = mean + sd * standardNormal(rng);
    if (x >= range.min && x <= range.max) return x;
  }
  return Math.min(range.max, Math.max(range.min, mean));
}

export function triangular(u: number, min: number, mode: number, max: number): number {
  const cut = (mode - min) / (max - min);
  return u < cut ? min + Math.sqrt(u * (max - min) * (mode - min)) : max - Math.sqrt((1 - u) * (max - min) * (max - mode));
}

function weightedChoice(u: number, values: number[], weights?: number[]): number {
  if (!weights) return values[Math.min(values.length - 1, Math.floor(u * values.length))];
  const total = weights.reduce((a, b) => a + b, 0);
  let target = u * total;
  for (let i = 0; i < values.length; i++) {
    target -= weights[i];
    if (target < 0) return values[i];
  }
  return values[values.length - 1];
}
