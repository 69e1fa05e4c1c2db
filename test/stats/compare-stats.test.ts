// Reference values: Newcombe (1998) for the difference interval; the G-test against its closed form;
// Jensen–Shannon distance against scipy.spatial.distance.jensenshannon's documented examples.
import { describe, expect, it } from "vitest";
import { newcombeDifference } from "../../src/stats/newcombe.ts";
import { gTest } from "../../src/stats/gtest.ts";
import { jensenShannonDistance } from "../../src/stats/jensen-shannon.ts";
import { bootstrapShift } from "../../src/stats/bootstrap.ts";
import { GRID } from "../../src/stats/histogram.ts";

describe("Newcombe's difference interval (method 10)", () => {
  it("matches Newcombe 1998, Table II: 56/70 − 48/80", () => {
    const { difference, interval: ci95 } = newcombeDifference(56, 70, 48, 80);
    expect(difference).toBeCloseTo(0.2, 10);
    expect(ci95[0]).toBeCloseTo(0.0524, 4);
    expect(ci95[1]).toBeCloseTo(0.3339, 4);
  });

  it("contains 0 for equal proportions and is antisymmetric", () => {
    const a = newcombeDifference(30, 100, 30, 100);
    expect(a.interval[0]).toBeLessThan(0);
    expect(a.interval[1]).toBeGreaterThan(0);
    const b = newcombeDifference(10, 50, 20, 60);
    const c = newcombeDifference(20, 60, 10, 50);
    expect(b.interval[0]).toBeCloseTo(-c.interval[1], 12);
  });
});

describe("G-test", () => {
  it("matches scipy's chi2_contingency([[10,10,20],[20,20,20]], lambda_='log-likelihood')", () => {
    const { g, dof, p } = gTest([10, 10, 20], [20, 20, 20]);
    expect(g).toBeCloseTo(2.7688587616781319, 12);
    expect(dof).toBe(2);
    expect(p).toBeCloseTo(0.25046668010954165, 12); // two degrees of freedom: p = e^(−G/2) exactly
    expect(p).toBeCloseTo(Math.exp(-g / 2), 12);
  });

  it("is 0 with p = 1 for identical distributions and ignores empty columns", () => {
    expect(gTest([5, 0, 15], [10, 0, 30])).toEqual({ g: 0, dof: 1, p: 1 });
  });
});

describe("Jensen–Shannon distance", () => {
  it("matches scipy: ([1,0,0],[0,1,0]) base 2 → 1; ([1,0],[0.5,0.5]) natural log → 0.46450140402245893", () => {
    expect(jensenShannonDistance([1, 0, 0], [0, 1, 0])).toBeCloseTo(1, 12);
    expect(jensenShannonDistance([1, 0], [0.5, 0.5], Math.E)).toBeCloseTo(0.46450140402245893, 12);
    expect(jensenShannonDistance([3, 1], [3, 1])).toBe(0);
  });
});

describe("bootstrap shift", () => {
  const hist = (values: number[]) => {
    const m = new Map<number, number>();
    for (const v of values) m.set(Math.round(v * GRID), (m.get(Math.round(v * GRID)) ?? 0) + 1);
    return [...m.entries()].sort((a, b) => a[0] - b[0]) as [number, number][];
  };
  it("is seeded and covers a real shift but not zero", () => {
    const a = hist(Array.from({ length: 500 }, (_, i) => (i % 10) / 10));
    const b = hist(Array.from({ length: 500 }, (_, i) => (i % 10) / 10 + 0.2));
    const first = bootstrapShift(a, b, 1, "x")!;
    expect(bootstrapShift(a, b, 1, "x")).toEqual(first);
    expect(first.mean.estimate).toBeCloseTo(0.2, 10);
    expect(first.mean.ci95[0]).toBeGreaterThan(0.1);
    expect(first.mean.ci95[1]).toBeLessThan(0.3);
    const same = bootstrapShift(a, a, 1, "y")!;
    expect(same.mean.ci95[0]).toBeLessThan(0);
    expect(same.mean.ci95[1]).toBeGreaterThan(0);
  });
});
