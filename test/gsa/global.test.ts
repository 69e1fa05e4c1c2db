// Morris and Sobol' on a small scenario whose deciding input is known: the relation between a and b
// decides whether they end together; a driver nothing reads must get nothing.
import { describe, expect, it } from "vitest";
import { analyzeMorris, analyzeSobol, morrisPlan, morrisQuantile, NOISE_INPUT, sobolPlan } from "../../src/gsa/global.ts";
import { evaluateDesign } from "../../src/runner/sensitivity.ts";
import { loadFixture, pinModel, variant } from "../helpers.ts";

const pair = () => variant(loadFixture("pair.yaml"), (d) => {
  pinModel(d); // only the three inputs below are uncertain
  d.relations.pairs[0].value = { dist: "uniform", min: -1, max: 1 }; // decides together / apart
  d.drivers.iran_pressure = { dist: "uniform", min: 0, max: 1 };
  d.drivers.unused = { dist: "uniform", min: 0, max: 1 }; // read by nothing
});
const REL = "relations.pairs[0].value";

describe("Morris on a scenario with a deciding input and an inert one", () => {
  const loaded = pair();
  const plan = morrisPlan(loaded, { trajectories: 8, levels: 4, noiseInput: true, runs: 60, seed: 3 });
  const result = analyzeMorris(loaded, plan, evaluateDesign(plan.design));
  const together = result.outputs.find((o) => o.id === "together")!;
  const index = (path: string) => together.indices.find((ix) => ix.path === path)!;

  it("has (k + 1) points per trajectory, the noise input last", () => {
    expect(result.inputs.map((i) => i.path)).toEqual([REL, "drivers.iran_pressure", "drivers.unused", NOISE_INPUT]);
    expect(result.points).toBe(8 * 5);
    expect(morrisQuantile(0, 4)).toBe(0.125);
    expect(morrisQuantile(1, 4)).toBe(0.875);
  });

  it("gives the inert input exactly 0 (common random numbers) and the deciding input the largest μ*, above the noise", () => {
    expect(index("drivers.unused")).toMatchObject({ mu: 0, mu_star: 0, sigma: 0, mu_star_ci95: [0, 0] });
    const ranked = [...together.indices].sort((a, b) => b.mu_star - a.mu_star);
    expect(ranked[0].path).toBe(REL);
    expect(index(REL).mu).toBeGreaterThan(0); // warmer relation, more often together
    expect(index(REL).mu_star_ci95[0]).toBeGreaterThan(index(NOISE_INPUT).mu_star_ci95[1]);
    expect(index(NOISE_INPUT).mu_star).toBeGreaterThan(0);
  });
});

describe("Sobol' indices on the same scenario", () => {
  const loaded = pair();
  const plan = sobolPlan(loaded, { samples: 32, noiseInput: true, runs: 40, seed: 5 });
  const result = analyzeSobol(loaded, plan, evaluateDesign(plan.design));
  const together = result.outputs.find((o) => o.id === "together")!;
  const index = (path: string) => together.indices.find((ix) => ix.path === path)!;

  it("uses N(k + 2) points", () => expect(result.points).toBe(32 * (4 + 2)));

  it("gives the inert input S1 = ST = 0 and the deciding input the largest S1 and ST, well above the noise input's", () => {
    expect(index("drivers.unused")).toMatchObject({ s1: 0, st: 0, s1_ci95: [0, 0], st_ci95: [0, 0] });
    const byST = [...together.indices].sort((a, b) => b.st! - a.st!);
    const byS1 = [...together.indices].sort((a, b) => b.s1! - a.s1!);
    expect(byST[0].path).toBe(REL);
    expect(byS1[0].path).toBe(REL);
    expect(index(REL).s1!).toBeGreaterThan(0.5);
    expect(index(REL).st_ci95![0]).toBeGreaterThan(index(NOISE_INPUT).st_ci95![1]);
    expect(index(NOISE_INPUT).st!).toBeGreaterThan(0); // 40 runs per point: the noise is visible, and measured
  });

  it("without the noise input every point uses the same run indices, and the inert input still gets exactly 0", () => {
    const plain = sobolPlan(loaded, { samples: 8, noiseInput: false, runs: 20, seed: 5 });
    expect(new Set(plain.design.points.map((p) => p.runOffset))).toEqual(new Set([0]));
    const r = analyzeSobol(loaded, plain, evaluateDesign(plain.design));
    expect(r.inputs.map((i) => i.path)).not.toContain(NOISE_INPUT);
    expect(r.outputs[0].indices.find((ix) => ix.path === "drivers.unused")).toMatchObject({ s1: 0, st: 0 });
  });
});
