// Bonferroni levels and the Newcombe interval at those levels. Reference values made with python3 and
// scipy 1.17: z = scipy.stats.norm.ppf(1 − (1 − level)/2), and Newcombe's method 10 written out by hand
// from its Wilson intervals (the same formulas as Newcombe 1998, with that z):
//   wilson(x, n, z): p = x/n; d = 1 + z²/n; c = (p + z²/2n)/d; h = z·√(p(1−p)/n + z²/4n²)/d; [c − h, c + h]
//   newcombe(x1, n1, x2, n2, z) = [d − √((p1 − l1)² + (u2 − p2)²), d + √((u1 − p1)² + (p2 − l2)²)]
import { describe, expect, it } from "vitest";
import { bonferroni, distinctTests, levelText, twoSidedZ } from "../../src/stats/multiplicity.ts";
import { newcombeDifference } from "../../src/stats/newcombe.ts";
import { Z95 } from "../../src/stats/wilson.ts";

describe("Bonferroni correction", () => {
  it("makes each interval at 1 − α/k with scipy's normal quantile", () => {
    const c = bonferroni(0.01, 3);
    expect(c.level).toBeCloseTo(1 - 0.01 / 3, 15);
    expect(c.z).toBeCloseTo(2.935199468866699, 9);
    expect(twoSidedZ(0.95)).toBeCloseTo(Z95, 9);
    expect(bonferroni(0.5, 2).level).toBe(0.75);
  });

  it("counts two complementary outcome rows as one test", () => {
    expect([1, 2, 3, 5].map(distinctTests)).toEqual([1, 1, 3, 5]);
  });

  it("prints levels with the decimals they need", () => {
    expect([0.99, 0.995, 1 - 0.01 / 3, 0.75].map(levelText)).toEqual(["99%", "99.5%", "99.667%", "75%"]);
  });
});

describe("Newcombe's interval at a chosen level", () => {
  it.each([
    [1 - 0.01 / 3, -0.02184107568732771, 0.3929336764258462],
    [0.99, 0.005370869250078403, 0.3718084317757736],
    [0.75, 0.11428309634701217, 0.2808387493766304],
  ])("matches the scipy-made reference for 56/70 − 48/80 at level %f", (level, lo, hi) => {
    const { interval } = newcombeDifference(56, 70, 48, 80, twoSidedZ(level));
    expect(interval[0]).toBeCloseTo(lo, 9);
    expect(interval[1]).toBeCloseTo(hi, 9);
  });
});
