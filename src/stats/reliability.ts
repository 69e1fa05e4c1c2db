// How well calibrated a set of probability forecasts is: the reliability diagram, sharpness, and
// Murphy's (1973) decomposition of the Brier score, over binary events (one per case × outcome:
// "did outcome k of case c happen?", forecast with probability p_ck).
//
// With forecasts binned (as a diagram must), Murphy's identity BS = REL − RES + UNC holds only when
// every forecast in a bin equals the bin's mean. Stephenson, Coelho & Jolliffe (2008) add the two
// within-bin terms that make it exact for any forecasts: BS = REL − RES + UNC + WBV − WBC.
import { wilsonInterval } from "./wilson.ts";

export interface BinaryForecast {
  probability: number;
  happened: boolean;
}

export interface ReliabilityBin {
  /** The bin's forecast range [lo, hi) (the last bin includes 1). */
  lo: number;
  hi: number;
  count: number;
  /** Mean forecast probability in the bin, and the share of its events that happened, with a 95% Wilson interval. */
  forecast: number;
  observed: number;
  interval: [number, number];
}

export interface BrierDecomposition {
  /** Mean binary Brier score over the events: (1/N) Σ (p − o)². */
  brier: number;
  /** Reliability (lower is better): Σ_b n_b (p̄_b − ō_b)² / N. */
  reliability: number;
  /** Resolution (higher is better): Σ_b n_b (ō_b − ō)² / N. */
  resolution: number;
  /** Uncertainty: ō (1 − ō), what a forecast of the base rate scores. */
  uncertainty: number;
  /** Within-bin variance of the forecasts, and within-bin covariance of forecasts and outcomes (Stephenson et al. 2008). */
  withinBinVariance: number;
  withinBinCovariance: number;
}

export interface Calibration {
  events: number;
  bins: ReliabilityBin[];
  /** Sharpness: the variance of the forecast probabilities (0 for a forecast that never leaves the base rate). */
  sharpness: number;
  decomposition: BrierDecomposition;
}

/** Bin index of a probability among `bins` equal-width bins on [0, 1]. */
export function binOf(p: number, bins: number): number {
  return Math.min(bins - 1, Math.max(0, Math.floor(p * bins)));
}

/** Reliability diagram, sharpness and the Brier decomposition of `events`, binned into `binCount` equal-width bins. */
export function calibration(events: readonly BinaryForecast[], binCount = 10): Calibration {
  if (!Number.isInteger(binCount) || binCount < 1) throw new RangeError(`bin count must be a positive integer, got ${binCount}`);
  const n = events.length;
  const sums = Array.from({ length: binCount }, () => ({ count: 0, p: 0, o: 0 }));
  for (const e of events) {
    const b = sums[binOf(e.probability, binCount)];
    b.count++;
    b.p += e.probability;
    b.o += e.happened ? 1 : 0;
  }
  const bins: ReliabilityBin[] = [];
  sums.forEach((b, k) => {
    if (b.count === 0) return;
    bins.push({ lo: k / binCount, hi: (k + 1) / binCount, count: b.count, forecast: b.p / b.count, observed: b.o / b.count, interval: wilsonInterval(b.o, b.count) });
  });
  return { events: n, bins, sharpness: variance(events.map((e) => e.probability)), decomposition: decompose(events, binCount) };
}

/** Murphy's decomposition with the within-bin terms, so that brier = reliability − resolution + uncertainty + withinBinVariance − withinBinCovariance exactly. */
export function decompose(events: readonly BinaryForecast[], binCount: number): BrierDecomposition {
  const n = events.length;
  if (n === 0) return { brier: NaN, reliability: NaN, resolution: NaN, uncertainty: NaN, withinBinVariance: NaN, withinBinCovariance: NaN };
  const members: BinaryForecast[][] = Array.from({ length: binCount }, () => []);
  for (const e of events) members[binOf(e.probability, binCount)].push(e);
  const base = events.reduce((s, e) => s + (e.happened ? 1 : 0), 0) / n;
  let brier = 0;
  for (const e of events) brier += (e.probability - (e.happened ? 1 : 0)) ** 2;
  let reliability = 0;
  let resolution = 0;
  let wbv = 0;
  let wbc = 0;
  for (const bin of members) {
    if (bin.length === 0) continue;
    const pBar = bin.reduce((s, e) => s + e.probability, 0) / bin.length;
    const oBar = bin.reduce((s, e) => s + (e.happened ? 1 : 0), 0) / bin.length;
    reliability += bin.length * (pBar - oBar) ** 2;
    resolution += bin.length * (oBar - base) ** 2;
    for (const e of bin) {
      wbv += (e.probability - pBar) ** 2;
      wbc += 2 * (e.probability - pBar) * ((e.happened ? 1 : 0) - oBar);
    }
  }
  return { brier: brier / n, reliability: reliability / n, resolution: resolution / n, uncertainty: base * (1 - base), withinBinVariance: wbv / n, withinBinCovariance: wbc / n };
}

function variance(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  return xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length;
}

/** The binary events of categorical forecasts: one per case × outcome. */
export function binaryEvents(cases: readonly { probabilities: readonly number[]; observed: number }[]): BinaryForecast[] {
  return cases.flatMap((c) => c.probabilities.map((p, k) => ({ probability: p, happened: k === c.observed })));
}
