import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { betaDraw, gamma, isValidSeed, runRng, shuffleInPlace } from "../../src/rng/rng.ts";

const draws = (seed: number, run: number, k: number) => {
  const rng = runRng(seed, run);
  return Array.from({ length: k }, () => rng.next());
};

describe("runRng", () => {
  it("gives the same stream for the same (seed, run) and different streams otherwise", () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat({ max: 1e9 }), (seed, run) => {
        expect(draws(seed, run, 5)).toEqual(draws(seed, run, 5));
        expect(draws(seed, run, 5)).not.toEqual(draws(seed, run + 1, 5));
        expect(draws(seed, run, 5)).not.toEqual(draws(seed + 1, run, 5));
      }),
      { numRuns: 50 },
    );
  });

  it("draws uniformly in [0, 1)", () => {
    const values = draws(7, 0, 20000);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    // sd of the mean of 20,000 U(0,1) draws is 0.002; allow 4 sd.
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.008);
  });

  it("accepts only non-negative safe integers as seeds", () => {
    expect(isValidSeed(0)).toBe(true);
    expect(isValidSeed(2 ** 53 - 1)).toBe(true);
    for (const bad of [-1, 1.5, NaN, 2 ** 53, "1"]) expect(isValidSeed(bad)).toBe(false);
  });
});

describe("distributions", () => {
  it("gamma and beta have the right means (fixed seed, 4-sd tolerance)", () => {
    const rng = runRng(3, 0);
    const n = 20000;
    let g = 0;
    let b = 0;
    for (let i = 0; i < n; i++) {
      g += gamma(rng, 2.5);
      b += betaDraw(rng, 6, 3);
    }
    // Gamma(2.5): mean 2.5, sd 1.58 → sd of mean 0.011. Beta(6,3): mean 2/3, sd 0.149 → sd of mean 0.00105.
    expect(Math.abs(g / n - 2.5)).toBeLessThan(0.045);
    expect(Math.abs(b / n - 2 / 3)).toBeLessThan(0.0045);
  });

  it("gamma handles shapes below 1", () => {
    const rng = runRng(4, 0);
    let sum = 0;
    for (let i = 0; i < 20000; i++) sum += gamma(rng, 0.5);
    // mean 0.5, sd 0.707 → sd of mean 0.005
    expect(Math.abs(sum / 20000 - 0.5)).toBeLessThan(0.02);
  });

  it("shuffles into a permutation", () => {
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: 1, max: 60 }), (seed, n) => {
        const order = Int32Array.from({ length: n }, (_, i) => i);
        shuffleInPlace(runRng(seed, 0), order);
        expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
      }),
      { numRuns: 50 },
    );
  });
});
