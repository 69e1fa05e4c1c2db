import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { brierScore, brierSe, LOG_FLOOR, logScore, proportionSe } from "../../src/stats/scores.ts";
import { runRng } from "../../src/rng/rng.ts";

describe("scoring rules", () => {
  it("score certainty at the extremes and the uniform forecast in between", () => {
    expect(brierScore([1, 0, 0], 0)).toBe(0);
    expect(brierScore([0, 1, 0], 0)).toBe(2);
    expect(brierScore([0.25, 0.25, 0.25, 0.25], 2)).toBeCloseTo(0.75, 12);
    expect(logScore([0.25, 0.25, 0.25, 0.25], 1)).toBeCloseTo(Math.log(4), 12);
    expect(logScore([0, 1], 0)).toBeCloseTo(-Math.log(LOG_FLOOR), 12);
  });

  it("the Brier score is proper: reporting the true distribution minimises its expectation", () => {
    const dist = fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: 2, maxLength: 5 }).map((w) => w.map((x) => x / w.reduce((a, b) => a + b, 0)));
    fc.assert(
      fc.property(dist, fc.array(fc.double({ min: -0.2, max: 0.2, noNaN: true }), { minLength: 5, maxLength: 5 }), (truth, noise) => {
        const other = truth.map((p, k) => Math.max(0, p + noise[k]));
        const total = other.reduce((a, b) => a + b, 0);
        const report = total > 0 ? other.map((p) => p / total) : truth;
        const expected = (q: number[]) => truth.reduce((sum, p, k) => sum + p * brierScore(q, k), 0);
        return expected(truth) <= expected(report) + 1e-12;
      }),
    );
  });

  it("the delta-method standard error of the Brier score matches its spread over repeated samples", () => {
    const p = [0.3, 0.2, 0.35, 0.15];
    const n = 2000;
    const rng = runRng(7, 0);
    const scores: number[] = [];
    for (let rep = 0; rep < 400; rep++) {
      const counts = [0, 0, 0, 0];
      for (let i = 0; i < n; i++) {
        let u = rng.next();
        let k = 0;
        while (u >= p[k] && k < 3) u -= p[k++];
        counts[k]++;
      }
      scores.push(brierScore(counts.map((c) => c / n), 0));
    }
    const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
    const sd = Math.sqrt(scores.reduce((a, b) => a + (b - mean) ** 2, 0) / (scores.length - 1));
    // 400 replicates estimate an sd to about ±7% (1 sd); allow 25%.
    expect(sd / brierSe(p, 0, n)).toBeGreaterThan(0.75);
    expect(sd / brierSe(p, 0, n)).toBeLessThan(1.25);
    expect(proportionSe(0.5, 10000)).toBeCloseTo(0.005, 12);
  });
});
