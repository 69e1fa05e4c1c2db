// Bootstrap intervals for the shift in mean and median between two metric distributions given as
// histograms (value → count). Seeded: the same inputs give the same interval.
import { labelledRng, type Rng } from "../rng/rng.ts";
import { GRID } from "./histogram.ts";

export const BOOTSTRAP_REPLICATES = 400;
/**
 * A sample larger than this is resampled at this size, and its replicates' deviations from its own
 * estimate are shrunk by its own factor √(size/n) (the CLT rate of a mean or a median), so each sample
 * contributes the spread of n draws, whatever the other sample's size.
 */
export const MAX_RESAMPLE = 20000;

export interface Shift { estimate: number; ci95: [number, number] }
export interface Shifts { mean: Shift; median: Shift }
interface Stats { mean: number; median: number }

interface Empirical { values: Float64Array; cumulative: Float64Array; n: number }

function empirical(entries: [number, number][]): Empirical {
  const values = Float64Array.from(entries.map(([k]) => k / GRID));
  const cumulative = new Float64Array(entries.length);
  let total = 0;
  entries.forEach(([, c], i) => (cumulative[i] = total += c));
  return { values, cumulative, n: total };
}

/** The index of one value drawn with probability proportional to its count. */
function drawIndex(e: Empirical, rng: Rng): number {
  const target = rng.next() * e.n;
  let lo = 0;
  let hi = e.cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (e.cumulative[mid] > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** A resample of `size` draws from `e`, as counts per value (no sort needed for its median). */
function resampleCounts(e: Empirical, size: number, rng: Rng, counts: Float64Array): Float64Array {
  counts.fill(0);
  for (let i = 0; i < size; i++) counts[drawIndex(e, rng)]++;
  return counts;
}

/** Mean and lower median (the value of rank ⌈n/2⌉) of values given with their counts. */
function statsOf(values: Float64Array, counts: ArrayLike<number>): Stats {
  let n = 0;
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    n += counts[i];
    sum += values[i] * counts[i];
  }
  const rank = Math.ceil(n / 2);
  let seen = 0;
  let i = 0;
  while ((seen += counts[i]) < rank) i++;
  return { mean: sum / n, median: values[i] };
}

function countsOf(e: Empirical): Float64Array {
  return e.cumulative.map((c, i) => c - (i > 0 ? e.cumulative[i - 1] : 0));
}

/** The percentile interval of replicates. */
function percentileInterval(replicates: number[], estimate: number): Shift {
  const sorted = [...replicates].sort((x, y) => x - y);
  const lo = sorted[Math.floor(0.025 * (sorted.length - 1))];
  const hi = sorted[Math.ceil(0.975 * (sorted.length - 1))];
  return { estimate, ci95: [lo, hi] };
}

interface Sample { e: Empirical; size: number; factor: number; stats: Stats; counts: Float64Array }

function sample(entries: [number, number][]): Sample {
  const e = empirical(entries);
  const size = Math.min(e.n, MAX_RESAMPLE);
  return { e, size, factor: Math.sqrt(size / e.n), stats: statsOf(e.values, countsOf(e)), counts: new Float64Array(e.values.length) };
}

/** One replicate's deviation of the sample's statistics from its own, rescaled to n draws. */
function deviation(s: Sample, rng: Rng): Stats {
  const r = statsOf(s.e.values, resampleCounts(s.e, s.size, rng, s.counts));
  return { mean: (r.mean - s.stats.mean) * s.factor, median: (r.median - s.stats.median) * s.factor };
}

/**
 * Shift B − A between two independent samples: each replicate is the estimate plus B's rescaled
 * deviation minus A's, and the interval is the 2.5% and 97.5% percentiles of 400 replicates.
 */
export function bootstrapShift(a: [number, number][], b: [number, number][], seed: number, label: string): Shifts | null {
  const sa = sample(a);
  const sb = sample(b);
  if (sa.e.n === 0 || sb.e.n === 0) return null;
  const rng = labelledRng(seed, `bootstrap:${label}`);
  const estimate = { mean: sb.stats.mean - sa.stats.mean, median: sb.stats.median - sa.stats.median };
  const means: number[] = [];
  const medians: number[] = [];
  for (let r = 0; r < BOOTSTRAP_REPLICATES; r++) {
    const da = deviation(sa, rng);
    const db = deviation(sb, rng);
    means.push(estimate.mean + db.mean - da.mean);
    medians.push(estimate.median + db.median - da.median);
  }
  return { mean: percentileInterval(means, estimate.mean), median: percentileInterval(medians, estimate.median) };
}

/**
 * Shift between nested samples: the bigger sample is `small` plus `extra` (the same runs plus others),
 * so the two are not independent. `small` and `extra` are: each replicate resamples both, and the
 * shift is θ(small* ∪ extra*) − θ(small*) (negated when the bigger sample is A, `bigIsB` false). When
 * the two hold more than MAX_RESAMPLE values together, both are resampled at one fraction c of their
 * sizes (keeping their proportion) and each replicate's deviation from the estimate is shrunk by √c.
 */
export function bootstrapNestedShift(small: [number, number][], extra: [number, number][], seed: number, label: string, bigIsB: boolean): Shifts | null {
  const values = unionValues(small, extra);
  const es = onGrid(small, values);
  const ee = onGrid(extra, values);
  if (es.n === 0 || ee.n === 0) return null;
  const c = Math.min(1, MAX_RESAMPLE / (es.n + ee.n));
  const [sizeS, sizeE] = [Math.max(1, Math.round(es.n * c)), Math.max(1, Math.round(ee.n * c))];
  const factor = Math.sqrt((sizeS + sizeE) / (es.n + ee.n));
  const sign = bigIsB ? 1 : -1;
  const shiftOf = (s: Float64Array, e: Float64Array, union: Float64Array): Stats => {
    for (let i = 0; i < union.length; i++) union[i] = s[i] + e[i];
    const [ss, su] = [statsOf(es.values, s), statsOf(es.values, union)];
    return { mean: sign * (su.mean - ss.mean), median: sign * (su.median - ss.median) };
  };
  const buffers = [new Float64Array(values.length), new Float64Array(values.length), new Float64Array(values.length)];
  const estimate = shiftOf(countsOf(es), countsOf(ee), buffers[2]);
  const rng = labelledRng(seed, `bootstrap:${label}`);
  const means: number[] = [];
  const medians: number[] = [];
  for (let r = 0; r < BOOTSTRAP_REPLICATES; r++) {
    const shift = shiftOf(resampleCounts(es, sizeS, rng, buffers[0]), resampleCounts(ee, sizeE, rng, buffers[1]), buffers[2]);
    means.push(estimate.mean + (shift.mean - estimate.mean) * factor);
    medians.push(estimate.median + (shift.median - estimate.median) * factor);
  }
  return { mean: percentileInterval(means, estimate.mean), median: percentileInterval(medians, estimate.median) };
}

/** The sorted keys found in either histogram. */
function unionValues(a: [number, number][], b: [number, number][]): number[] {
  return [...new Set([...a.map(([k]) => k), ...b.map(([k]) => k)])].sort((x, y) => x - y);
}

/** A histogram laid on a shared grid of keys (absent keys count 0, and are never drawn). */
function onGrid(entries: [number, number][], keys: number[]): Empirical {
  const counts = new Map(entries);
  return empirical(keys.map((k) => [k, counts.get(k) ?? 0]));
}
