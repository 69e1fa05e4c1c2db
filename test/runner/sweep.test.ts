import { describe, expect, it } from "vitest";
import { parseVary, runSweep, crossings } from "../../src/runner/sweep.ts";
import { runSensitivity } from "../../src/runner/sensitivity.ts";
import { loadFixture, seOfDifference, variant, pinModel } from "../helpers.ts";

describe("sweep", () => {
  it("parses from:to:steps into evenly spaced values", () => {
    expect(parseVary("drivers.iran_pressure=0:1:5").values).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(() => parseVary("drivers.iran_pressure=0:1")).toThrow(/path=from:to:steps/);
    expect(() => parseVary("x=0:1:1")).toThrow(/between 2 and 400 steps/);
  });

  it("over iran_pressure, P(two Iran-aligned Shia actors together) never falls (common random numbers)", () => {
    const sweep = runSweep(loadFixture("pair.yaml"), [parseVary("drivers.iran_pressure=0:1:6")], 2000, 17);
    const p = sweep.points.map((pt) => pt.outcomes.find((o) => o.id === "together")!.probability);
    for (let k = 1; k < p.length; k++) expect(p[k]).toBeGreaterThanOrEqual(p[k - 1] - 3 * seOfDifference(p[k], p[k - 1], 2000));
    expect(p[p.length - 1] - p[0]).toBeGreaterThan(0.1);
    expect(sweep.points.map((pt) => pt.values["drivers.iran_pressure"])).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });

  it("over a relation, P(together) never rises as it falls, and reports where outcomes cross", () => {
    const sweep = runSweep(loadFixture("pair.yaml"), [parseVary("relations.pairs.0.value=-0.8:0.8:5")], 2000, 13);
    const p = sweep.points.map((pt) => pt.outcomes[0].probability);
    for (let k = 1; k < p.length; k++) expect(p[k]).toBeGreaterThanOrEqual(p[k - 1] - 3 * seOfDifference(p[k], p[k - 1], 2000));
    const cross = sweep.crossings.find((c) => c.outcomes.includes("together"));
    if (p[0] < 0.5 && p[p.length - 1] > 0.5) expect(cross).toBeDefined();
  });

  it("finds crossings by linear interpolation", () => {
    const point = (x: number, a: number) => ({ values: { x }, outcomes: [{ id: "a", label: "A", count: 0, probability: a, ci95: [0, 1] as [number, number] }, { id: "b", label: "B", count: 0, probability: 1 - a, ci95: [0, 1] as [number, number] }] });
    expect(crossings("x", [point(0, 0.2), point(1, 0.6)])).toEqual([{ path: "x", outcomes: ["b", "a"], at: 0.75 }]);
  });

  it("refuses a grid that is too large and a path that does not exist", () => {
    const pair = loadFixture("pair.yaml");
    expect(() => runSweep(pair, [parseVary("drivers.iran_pressure=0:1:30"), parseVary("relations.pairs.0.value=-1:1:30")], 10, 1)).toThrow(/at most 400 grid points, found 900/);
    expect(() => runSweep(pair, [parseVary("drivers.iran_presure=0:1:3")], 10, 1)).toThrow(/did you mean 'iran_pressure'/);
  });
});

describe("sensitivity", () => {
  it("ranks inputs by swing and puts an input with no effect last, with a swing of exactly 0", () => {
    const pair = variant(loadFixture("pair.yaml"), (d) => {
      pinModel(d); // the model's uncertain defaults are inputs too; pinned, only the three below vary
      d.drivers.iran_pressure = { dist: "uniform", min: 0, max: 1 };
      d.relations.pairs[0].value = { dist: "uniform", min: -0.8, max: 0.8 };
      d.drivers.unused = { dist: "uniform", min: 0, max: 1 }; // read by nothing
    });
    const result = runSensitivity(pair, 1500, 3);
    expect(result.rows.map((r) => r.path)).toHaveLength(3);
    const last = result.rows[result.rows.length - 1];
    expect(last.path).toBe("drivers.unused");
    expect(last.maxSwing).toBe(0);
    expect(result.rows[0].maxSwing).toBeGreaterThan(0.05);
    const relation = result.rows.find((r) => r.path === "relations.pairs[0].value")!;
    expect(relation.low).toBeCloseTo(-0.64, 1);
    expect(relation.high).toBeCloseTo(0.64, 1);
    expect(relation.outcomes.find((o) => o.id === "together")!.swing).toBeGreaterThan(0);
  });

  // Expected values from scipy 1.17 (stats.beta.ppf, stats.truncnorm.ppf) and by hand for the rest.
  // The normal with its mean outside [0, 1] models the sampler's 64 tries then the mean kept in range:
  // r = (1 − A)^64 = 0.6712 of the mass sits at 1, the rest is the truncated normal, so its 10th
  // percentile is truncnorm.ppf(0.1 / (1 − r)) and its 90th is 1.
  it("pins each input at the exact quantile of its distribution as sampled for its field", () => {
    const pair = variant(loadFixture("pair.yaml"), (d) => {
      pinModel(d);
      d.drivers = {
        iran_pressure: 0.5,
        u: { dist: "uniform", min: 0, max: 1 },
        n: { dist: "normal", mean: 0.3, sd: 0.4 },
        m: { dist: "normal", mean: 1.25, sd: 0.1 },
        be: { dist: "beta", a: 6, b: 3, min: 0.2, max: 0.9 },
        t: { dist: "triangular", min: 0, mode: 0.2, max: 1 },
        ch: { dist: "choice", values: [0.3, 0.1, 0.2], weights: [1, 1, 2] },
      };
      d.actors[0].seats = { dist: "uniform", min: 20, max: 30 };
    });
    const expected: Record<string, [number, number]> = {
      "drivers.u": [0.1, 0.9],
      "drivers.n": [0.0901922818758272, 0.7834769919382512],
      "drivers.m": [0.9603823917332517, 1],
      "drivers.be": [0.5232492224376252, 0.7972015473540592],
      "drivers.t": [Math.sqrt(0.02), 1 - Math.sqrt(0.08)],
      "drivers.ch": [0.1, 0.3],
      "actors.a.seats": [21, 29],
    };
    const rows = runSensitivity(pair, 10, 1).rows;
    for (const [path, [low, high]] of Object.entries(expected)) {
      const row = rows.find((r) => r.path === path)!;
      expect(row, path).toBeDefined();
      expect(row.low, `${path} low`).toBeCloseTo(low, 9);
      expect(row.high, `${path} high`).toBeCloseTo(high, 9);
      expect(row.quantileMethod, path).toBe("exact");
    }
  });
});
