// Bootstrap intervals for the shift in mean and median between two metric distributions given as
// histograms (value → count). Seeded: the same inputs give the same interval.
import { labelledRng, type Rng } from "../rng/rng.ts";
import { GRID } from "./histogram.ts";

export const BOOTSTRAP_REPLICATES = 400;
/** Resamples larger than this are drawn at this size and the interval scaled by √(size/n) (the mean's CLT rate). */
export const MAX_RESAMPLE = 20000;

interface Empirical { values: Float64Array; cumulative: Float64Array; n: number }

function empirical(entries: [number, number][]): Empirical {
  const values = Float64Array.from(entries.map(([k]) => k / GRID));
  const cumulative = new Float64Array(entries.length);
  let total = 0;
  entries.forEach(([, c], i) => (cumulative[i] = total += c));
  return { values, cumulative, n: total };
}

function draw(e: Empirical, rng: Rng): number {
  const target = rng.next() * e.n;
  let lo = 0;
  let hi = e.cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (e.cumulative[mid] > target) hi = mid;
    else lo = mid + 1;
  }
  return e.values[lo];
}

function resampleStats(e: Empirical, size: number, rng: Rng, buffer: Float64Array): { mean: number; median: number } {
  let sum = 0;
  for (let i = 0; i < size; i++) sum += buffer[i] = draw(e, rng);
  const sorted = buffer.subarray(0, size).sort();
  return { mean: sum / size, median: sorted[Math.floor((size - 1) / 2)] };
}

export interface Shift { estimate: number; ci95: [number, number] }

export function bootstrapShift(a: [number, number][], b: [number, number][], seed: number, label: string): { mean: Shift; median: Shift } | null {
  const ea = empirical(a);
  const eb = empirical(b);
  if (ea.n === 0 || eb.n === 0) return null;
  const rng = labelledRng(seed, `bootstrap:${label}`);
  const sizeA = Math.min(ea.n, MAX_RESAMPLE);
  const sizeB = Math.min(eb.n, MAX_RESAMPLE);
  const buffer = new Float64Array(Math.max(sizeA, sizeB));
  const meanShifts: number[] = [];
  const medianShifts: number[] = [];
  for (let r = 0; r < BOOTSTRAP_REPLICATES; r++) {
    const sa = resampleStats(ea, sizeA, rng, buffer);
    const sb = resampleStats(eb, sizeB, rng, buffer);
    meanShifts.push(sb.mean - sa.mean);
    medianShifts.push(sb.median - sa.median);
  }
  // Resampling fewer than n values widens the spread by √(n/size); scale it back about the estimate.
  const scale = Math.sqrt(Math.max(sizeA / ea.n, sizeB / eb.n));
  const interval = (shifts: number[], estimate: number): Shift => {
    const sorted = [...shifts].sort((x, y) => x - y);
    const lo = sorted[Math.floor(0.025 * (sorted.length - 1))];
    const hi = sorted[Math.ceil(0.975 * (sorted.length - 1))];
    return { estimate, ci95: [estimate + (lo - estimate) * scale, estimate + (hi - estimate) * scale] };
  };
  return { mean: interval(meanShifts, mean(eb) - mean(ea)), median: interval(medianShifts, median(eb) - median(ea)) };
}

function mean(e: Empirical): number {
  let sum = 0;
  let previous = 0;
  e.values.forEach((v, i) => {
    sum += v * (e.cumulative[i] - previous);
    previous = e.cumulative[i];
  });
  return sum / e.n;
}

function median(e: Empirical): number {
  const rank = Math.ceil(0.5 * e.n);
  return e.values[e.cumulative.findIndex((c) => c >= rank)];
}
