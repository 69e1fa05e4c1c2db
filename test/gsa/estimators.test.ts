// The estimators on functions whose indices are known analytically.
import { describe, expect, it } from "vitest";
import { labelledRng } from "../../src/rng/rng.ts";
import { saltelliDesign, saltelliPoint, sobolIndices, type SaltelliOutputs } from "../../src/gsa/sobol-indices.ts";
import { elementaryEffects, morrisDesign, morrisIndices } from "../../src/gsa/morris.ts";

/** Evaluates f on a Saltelli design with inputs mapped from [0, 1) by `scale`. */
function evaluate(inputs: number, samples: number, f: (x: number[]) => number): SaltelliOutputs {
  const design = saltelliDesign(inputs, samples);
  const at = (i: number, s: number) => f(saltelliPoint(design, i, s));
  const rows = Array.from({ length: samples }, (_, i) => i);
  return { fA: rows.map((i) => at(i, 0)), fB: rows.map((i) => at(i, inputs + 1)), fAB: Array.from({ length: inputs }, (_, j) => rows.map((i) => at(i, j + 1))) };
}

// Ishigami and Homma (1990): y = sin x1 + a sin² x2 + b x3⁴ sin x1, x uniform on [−π, π]³, a = 7, b = 0.1.
// V1 = ½(1 + bπ⁴/5)², V2 = a²/8, V13 = b²π⁸(1/18 − 1/50), V = a²/8 + bπ⁴/5 + b²π⁸/18 + ½.
const A = 7;
const B = 0.1;
const pi4 = Math.PI ** 4;
const V1 = 0.5 * (1 + (B * pi4) / 5) ** 2;
const V2 = A ** 2 / 8;
const V13 = B ** 2 * pi4 ** 2 * (1 / 18 - 1 / 50);
const V = V1 + V2 + V13;
const ISHIGAMI = { s1: [V1 / V, V2 / V, 0], st: [(V1 + V13) / V, V2 / V, V13 / V] };
const ishigami = (u: number[]) => {
  const [x1, x2, x3] = u.map((x) => Math.PI * (2 * x - 1));
  return Math.sin(x1) + A * Math.sin(x2) ** 2 + B * x3 ** 4 * Math.sin(x1);
};

describe("Sobol' indices (Saltelli 2010 S1, Jansen ST)", () => {
  it("recover the Ishigami function's analytic indices within 0.03 at N = 4096, inside their 95% intervals", () => {
    expect(ISHIGAMI.s1[0]).toBeCloseTo(0.3139, 4);
    expect(ISHIGAMI.st[2]).toBeCloseTo(0.2437, 4);
    const indices = sobolIndices(evaluate(3, 4096, ishigami), 300, labelledRng(1, "test"));
    indices.forEach((ix, j) => {
      expect(Math.abs(ix.s1! - ISHIGAMI.s1[j])).toBeLessThan(0.03);
      expect(Math.abs(ix.st! - ISHIGAMI.st[j])).toBeLessThan(0.03);
      expect(ix.s1_ci95![0]).toBeLessThanOrEqual(ISHIGAMI.s1[j]);
      expect(ix.s1_ci95![1]).toBeGreaterThanOrEqual(ISHIGAMI.s1[j]);
      expect(ix.st_ci95![0]).toBeLessThanOrEqual(ISHIGAMI.st[j]);
      expect(ix.st_ci95![1]).toBeGreaterThanOrEqual(ISHIGAMI.st[j]);
    });
  });

  it("give an additive function's variance shares, and exactly 0 to an input the function ignores", () => {
    // y = x1 + 2 x2 with x uniform: shares 1/5 and 4/5, no interactions.
    const indices = sobolIndices(evaluate(3, 1024, ([x1, x2]) => x1 + 2 * x2), 200, labelledRng(2, "test"));
    expect(indices[0].s1).toBeCloseTo(0.2, 1);
    expect(indices[1].s1).toBeCloseTo(0.8, 1);
    expect(indices[1].st).toBeCloseTo(0.8, 1);
    expect(indices[2]).toEqual({ s1: 0, st: 0, s1_ci95: [0, 0], st_ci95: [0, 0] });
  });

  it("are null for an output that never varies", () => {
    expect(sobolIndices(evaluate(2, 16, () => 3), 10, labelledRng(3, "test"))[0].s1).toBeNull();
  });
});

describe("Morris elementary effects", () => {
  it("give a linear function's coefficients exactly, with σ = 0", () => {
    const coef = [10, -5, 1, 0];
    const design = morrisDesign(4, 12, 4, labelledRng(4, "morris"));
    const y = design.points.map((path) => path.map((x) => x.reduce((s, xi, j) => s + coef[j] * xi, 0)));
    const ix = morrisIndices(elementaryEffects(design, y), 100, labelledRng(5, "boot"));
    ix.forEach((m, j) => {
      expect(m.mu).toBeCloseTo(coef[j], 9);
      expect(m.mu_star).toBeCloseTo(Math.abs(coef[j]), 9);
      expect(m.sigma).toBeCloseTo(0, 9);
    });
  });

  it("rank Sobol's g-function inputs by their known importance (a = 0, 1, 4.5, 9, 99)", () => {
    const a = [0, 1, 4.5, 9, 99];
    const g = (x: number[]) => x.reduce((p, xi, j) => p * (Math.abs(4 * xi - 2) + a[j]) / (1 + a[j]), 1);
    const design = morrisDesign(5, 40, 4, labelledRng(6, "morris"));
    const ix = morrisIndices(elementaryEffects(design, design.points.map((path) => path.map(g))), 200, labelledRng(7, "boot"));
    const order = ix.map((m, j) => ({ j, m: m.mu_star })).sort((p, q) => q.m - p.m).map((p) => p.j);
    expect(order).toEqual([0, 1, 2, 3, 4]);
    expect(ix[0].mu_star_ci95[0]).toBeGreaterThan(ix[1].mu_star_ci95[1] * 0.9);
    expect(ix[4].mu_star).toBeLessThan(0.05);
  });

  it("moves each input once per trajectory by ±Δ on the p-level grid", () => {
    const design = morrisDesign(3, 5, 6, labelledRng(8, "morris"));
    expect(design.delta).toBeCloseTo(0.6, 12);
    for (const path of design.points) {
      for (let s = 1; s < path.length; s++) {
        const changed = path[s].map((x, j) => Math.abs(x - path[s - 1][j])).filter((d) => d > 1e-12);
        expect(changed).toHaveLength(1);
        expect(changed[0]).toBeCloseTo(0.6, 12);
      }
      for (const x of path.flat()) expect([0, 0.2, 0.4, 0.6, 0.8, 1].some((l) => Math.abs(x - l) < 1e-12)).toBe(true);
    }
  });
});
