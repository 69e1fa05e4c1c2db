// Exact quantiles of the distributions a scenario may give a number, as the sampler produces them:
// drawn, kept within the field's range, rounded for an integer field (src/model/sample.ts).
import jStat from "jstat"; // CommonJS: its module.exports is the jStat object
import { triangular } from "../model/sample.ts";
import type { DistributionSpec, Range } from "../scenario/schema/quantity.ts";

/** The sampler's rejection limit for a truncated normal (MAX_REJECTIONS in src/model/sample.ts). */
const NORMAL_TRIES = 64;

/**
 * The q-quantile (inf{x : F(x) ≥ q}) of what the sampler draws for `d` in a field of `range`, from the
 * distribution's inverse CDF; undefined where there is none or it does not give a finite number.
 * Keeping within the range and rounding are non-decreasing, so they apply to the quantile itself.
 */
export function exactQuantile(d: DistributionSpec, range: Range, q: number): number | undefined {
  const value = rawQuantile(d, range, q);
  if (value === undefined || !Number.isFinite(value)) return undefined;
  const kept = Math.min(range.max, Math.max(range.min, value));
  return range.integer ? Math.round(kept) : kept;
}

function rawQuantile(d: DistributionSpec, range: Range, q: number): number | undefined {
  switch (d.dist) {
    case "uniform":
      return d.min + q * (d.max - d.min);
    case "triangular":
      return triangular(q, d.min, d.mode, d.max); // the sampler's own inverse CDF
    case "beta": {
      const lo = d.min ?? 0;
      const hi = d.max ?? 1;
      return lo + (hi - lo) * jStat.beta.inv(q, d.a, d.b);
    }
    case "normal":
      return sampledNormalQuantile(d.mean, d.sd, range, q);
    case "choice":
      return choiceQuantile(d.values, d.weights, q);
  }
}

/**
 * The sampler tries up to 64 normal draws for one inside the range and otherwise takes the mean
 * (kept within the range): a mixture of the truncated normal, weight 1 − r, and a point mass at that
 * value, weight r = (1 − A)^64, where A is the chance one draw lands in the range. r is negligible
 * unless the mean lies far outside the range.
 */
function sampledNormalQuantile(mean: number, sd: number, range: Range, q: number): number {
  const a = jStat.normal.cdf(range.min, mean, sd);
  const b = jStat.normal.cdf(range.max, mean, sd);
  const r = Math.pow(1 - (b - a), NORMAL_TRIES);
  const atom = Math.min(range.max, Math.max(range.min, mean));
  const truncated = (p: number) => jStat.normal.inv(a + p * (b - a), mean, sd);
  const below = (1 - r) * ((jStat.normal.cdf(atom, mean, sd) - a) / (b - a)); // mass of the truncated part below the atom
  if (q <= below) return truncated(q / (1 - r));
  if (q <= below + r) return atom;
  return truncated((q - r) / (1 - r));
}

function choiceQuantile(values: number[], weights: number[] | undefined, q: number): number {
  const items = values.map((value, k) => ({ value, weight: weights ? weights[k] : 1 })).filter((x) => x.weight > 0).sort((x, y) => x.value - y.value);
  const total = items.reduce((sum, x) => sum + x.weight, 0);
  let cumulative = 0;
  for (const item of items) {
    cumulative += item.weight;
    if (cumulative / total >= q) return item.value;
  }
  return items[items.length - 1].value;
}
