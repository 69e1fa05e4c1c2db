import { describe, expect, it } from "vitest";
import { wilsonInterval } from "../../src/stats/wilson.ts";

// Reference values: Newcombe (1998), "Two-sided confidence intervals for the single proportion",
// Statistics in Medicine 17:857–872, Table I, method 3 (Wilson score interval without continuity correction).
const NEWCOMBE_1998: [number, number, number, number][] = [
  [81, 263, 0.2553, 0.3662],
  [15, 148, 0.0624, 0.1605],
  [0, 20, 0, 0.1611],
  [1, 29, 0.0061, 0.1718],
];

describe("wilsonInterval", () => {
  it.each(NEWCOMBE_1998)("%i/%i matches Newcombe 1998", (x, n, lo, hi) => {
    const [l, h] = wilsonInterval(x, n);
    expect(l).toBeCloseTo(lo, 4);
    expect(h).toBeCloseTo(hi, 4);
  });

  it("contains the point estimate and stays in [0, 1]", () => {
    for (const [x, n] of [[0, 10], [10, 10], [3, 7], [5000, 10000]]) {
      const [l, h] = wilsonInterval(x, n);
      expect(l).toBeGreaterThanOrEqual(0);
      expect(h).toBeLessThanOrEqual(1);
      expect(l).toBeLessThanOrEqual(x / n);
      expect(h).toBeGreaterThanOrEqual(x / n);
    }
  });
});
