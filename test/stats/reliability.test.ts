import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { binaryEvents, calibration, decompose } from "../../src/stats/reliability.ts";
import { brierScore } from "../../src/stats/scores.ts";
import { labelledRng } from "../../src/rng/rng.ts";

describe("Brier decomposition", () => {
  it("matches a hand-worked example (two bins, forecasts constant within each)", () => {
    // Bin [0, .5): 0.2 twice, one happened (ō = .5); bin [.5, 1]: 0.8 twice, both happened. Base rate .75.
    // REL = (2(.2−.5)² + 2(.8−1)²)/4 = .065; RES = (2(.5−.75)² + 2(1−.75)²)/4 = .0625; UNC = .75 × .25 = .1875;
    // Brier = (.04 + .64 + .04 + .04)/4 = .19 = .065 − .0625 + .1875.
    const d = decompose([
      { probability: 0.2, happened: false }, { probability: 0.2, happened: true },
      { probability: 0.8, happened: true }, { probability: 0.8, happened: true },
    ], 2);
    expect(d.brier).toBeCloseTo(0.19, 12);
    expect(d.reliability).toBeCloseTo(0.065, 12);
    expect(d.resolution).toBeCloseTo(0.0625, 12);
    expect(d.uncertainty).toBeCloseTo(0.1875, 12);
    expect(d.withinBinVariance).toBe(0);
    expect(d.withinBinCovariance).toBe(0);
  });

  it("adds up exactly for any forecasts and any binning (Stephenson et al. 2008)", () => {
    const event = fc.record({ probability: fc.double({ min: 0, max: 1, noNaN: true }), happened: fc.boolean() });
    fc.assert(fc.property(fc.array(event, { minLength: 1, maxLength: 60 }), fc.integer({ min: 1, max: 12 }), (events, bins) => {
      const d = decompose(events, bins);
      expect(d.reliability - d.resolution + d.uncertainty + d.withinBinVariance - d.withinBinCovariance).toBeCloseTo(d.brier, 10);
    }));
  });

  it("the binary events' Brier, times the outcome count, is the mean multi-category Brier", () => {
    const cases = [
      { probabilities: [0.5, 0.3, 0.2], observed: 0 },
      { probabilities: [0.1, 0.1, 0.8], observed: 1 },
    ];
    const multi = (brierScore(cases[0].probabilities, 0) + brierScore(cases[1].probabilities, 1)) / 2;
    expect(decompose(binaryEvents(cases), 10).brier * 3).toBeCloseTo(multi, 12);
  });
});

describe("reliability diagram", () => {
  // Seeded synthetic forecasters: one says p when the event happens with probability p (calibrated),
  // the other says p when it happens with probability p² (overconfident in the event).
  function forecaster(truth: (p: number) => number, n: number) {
    const rng = labelledRng(7, "reliability-test");
    return Array.from({ length: n }, () => {
      const p = rng.next();
      return { probability: p, happened: rng.next() < truth(p) };
    });
  }

  it("a calibrated forecaster's bins sit on the diagonal, within their intervals", () => {
    const c = calibration(forecaster((p) => p, 20_000));
    expect(c.bins).toHaveLength(10);
    const outside = c.bins.filter((b) => b.forecast < b.interval[0] || b.forecast > b.interval[1]);
    expect(outside.length).toBeLessThanOrEqual(2); // 95% intervals: about 0.5 of 10 expected outside
    expect(c.decomposition.reliability).toBeLessThan(0.001);
  });

  it("a miscalibrated forecaster shows it: bins off the diagonal and a larger reliability term", () => {
    const good = calibration(forecaster((p) => p, 20_000));
    const bad = calibration(forecaster((p) => p * p, 20_000));
    expect(bad.decomposition.reliability).toBeGreaterThan(10 * good.decomposition.reliability);
    const middle = bad.bins.find((b) => b.lo === 0.5)!;
    expect(middle.interval[1]).toBeLessThan(middle.forecast); // happens ≈ .30 of the time when .55 was said
  });

  it("counts every event once and reports sharpness as the forecasts' variance", () => {
    const events = [0, 0.25, 0.5, 1].map((p) => ({ probability: p, happened: p > 0.3 }));
    const c = calibration(events, 4);
    expect(c.bins.reduce((s, b) => s + b.count, 0)).toBe(4);
    expect(c.bins.at(-1)!.hi).toBe(1); // p = 1 lands in the last bin
    const mean = 1.75 / 4;
    expect(c.sharpness).toBeCloseTo([0, 0.25, 0.5, 1].reduce((s, p) => s + (p - mean) ** 2, 0) / 4, 12);
  });
});
