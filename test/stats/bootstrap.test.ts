// Bootstrap metric shifts on samples larger than the resample cap (MAX_RESAMPLE): each sample's spread
// must be rescaled by its own factor √(size/n). Reference: the normal-theory interval for a difference
// of two independent means, estimate ± z·√(s_A²/n_A + s_B²/n_B), computed here in closed form from the
// same histograms (for a mean, the bootstrap and normal-theory intervals agree up to Monte Carlo error).
import { describe, expect, it } from "vitest";
import { bootstrapNestedShift, bootstrapShift, BOOTSTRAP_REPLICATES, MAX_RESAMPLE } from "../../src/stats/bootstrap.ts";
import { GRID } from "../../src/stats/histogram.ts";
import { Z95 } from "../../src/stats/wilson.ts";

/** A histogram of n values k/20 + shift (k = 0…20) with counts proportional to Binomial(20, 0.3): a sample as bazaar stores it. */
function binomialSample(n: number, shift: number): [number, number][] {
  const out: [number, number][] = [];
  let choose = 1;
  for (let k = 0; k <= 20; k++) {
    if (k > 0) choose = (choose * (20 - k + 1)) / k;
    const count = Math.round(choose * 0.3 ** k * 0.7 ** (20 - k) * n);
    if (count > 0) out.push([Math.round((k / 20 + shift) * GRID), count]);
  }
  return out;
}

function meanAndVariance(h: [number, number][]): { n: number; mean: number; variance: number } {
  const n = h.reduce((s, [, c]) => s + c, 0);
  const mean = h.reduce((s, [k, c]) => s + (c * k) / GRID, 0) / n;
  const variance = h.reduce((s, [k, c]) => s + c * (k / GRID - mean) ** 2, 0) / (n - 1);
  return { n, mean, variance };
}

describe("bootstrap mean shift on large samples", () => {
  // Samples of different sizes above the cap, where one shared factor is most wrong: the old code
  // (both scaled by √max(size/n)) gave widths 1.44× and 1.33× the reference on these.
  const cases = [[1_000_000, 25_000], [200_000, 40_000]] as const;
  it.each(cases)("has the normal-theory width for a difference of means (n_A = %i, n_B = %i)", (nA, nB) => {
    expect(Math.max(nA, nB)).toBeGreaterThan(MAX_RESAMPLE);
    const a = binomialSample(nA, 0);
    const b = binomialSample(nB, 0.01);
    const [ra, rb] = [meanAndVariance(a), meanAndVariance(b)];
    const referenceHalfWidth = Z95 * Math.sqrt(ra.variance / ra.n + rb.variance / rb.n);
    const seeds = [1, 2, 3];
    let ratio = 0;
    for (const seed of seeds) {
      const shift = bootstrapShift(a, b, seed, "metric")!.mean;
      expect(shift.estimate).toBeCloseTo(rb.mean - ra.mean, 12);
      expect(shift.ci95[0]).toBeLessThan(shift.estimate);
      expect(shift.ci95[1]).toBeGreaterThan(shift.estimate);
      ratio += (shift.ci95[1] - shift.ci95[0]) / (2 * referenceHalfWidth) / seeds.length;
    }
    // Monte Carlo error: a 2.5% or 97.5% percentile of R = 400 replicates has a standard error of
    // √(0.025·0.975/R)/φ(1.96) ≈ 0.134 standard deviations, so one width (3.92 sd) is off by ≈ 4.8%
    // (1 sd); the mean of 3 seeds by ≈ 2.8%. 0.1 is 3.6 of those standard errors.
    expect(BOOTSTRAP_REPLICATES).toBe(400);
    expect(Math.abs(ratio - 1)).toBeLessThan(0.1);
  });
});

describe("bootstrap shift between nested samples (the bigger one holds the smaller one's runs)", () => {
  // B = S ∪ E (n shared runs, m extra): mean(B) − mean(A) = m/(n+m)·(mean(E) − mean(S)), with variance
  // (m/(n+m))²·(s_E²/m + s_S²/n). Below and above the resample cap.
  const cases = [[3_000, 6_000], [30_000, 60_000]] as const;
  it.each(cases)("has the normal-theory width of the paired difference (n = %i shared, m = %i extra)", (n, m) => {
    const small = binomialSample(n, 0);
    const extra = binomialSample(m, 0.01);
    const [rs, re] = [meanAndVariance(small), meanAndVariance(extra)];
    const w = re.n / (rs.n + re.n); // the sizes after rounding the counts
    const referenceHalfWidth = Z95 * w * Math.sqrt(re.variance / re.n + rs.variance / rs.n);
    const seeds = [1, 2, 3];
    const shifts = seeds.map((seed) => bootstrapNestedShift(small, extra, seed, "metric", true)!.mean);
    let ratio = 0;
    for (const shift of shifts) {
      expect(shift.estimate).toBeCloseTo(w * (re.mean - rs.mean), 12);
      ratio += (shift.ci95[1] - shift.ci95[0]) / (2 * referenceHalfWidth) / seeds.length;
    }
    expect(Math.abs(ratio - 1)).toBeLessThan(0.1); // as above: 0.1 ≈ 3.6 Monte Carlo standard errors
    // A − B when A is the bigger one: the same replicates, negated.
    const reversed = bootstrapNestedShift(small, extra, seeds[0], "metric", false)!.mean;
    expect(reversed.estimate).toBeCloseTo(-shifts[0].estimate, 12);
    expect(reversed.ci95[0]).toBeCloseTo(-shifts[0].ci95[1], 12);
  });
});
