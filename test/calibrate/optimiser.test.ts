// The bounded Nelder–Mead search: finds minima within bounds, keeps the best point (never worse than the
// start), respects its budget and bounds, and is deterministic.
import { describe, expect, it } from "vitest";
import { fromLogit, minimise, toLogit, type Bounds } from "../../src/calibrate/optimiser.ts";

const unit: Bounds[] = [{ lo: 0, hi: 1 }, { lo: 0, hi: 1 }];
const sync = (f: (x: number[]) => number) => async (x: number[]) => f(x);
const quadratic = sync(([a, b]) => (a - 0.3) ** 2 + 4 * (b - 0.7) ** 2);
const rosenbrock = sync(([a, b]) => (1 - a) ** 2 + 100 * (b - a * a) ** 2);

describe("minimise", () => {
  it("finds the minimum of a bounded quadratic", async () => {
    const m = await minimise(quadratic, [0.5, 0.5], unit, { budget: 200 });
    expect(m.converged).toBe(true);
    expect(m.best.x[0]).toBeCloseTo(0.3, 2);
    expect(m.best.x[1]).toBeCloseTo(0.7, 2);
  });

  it("finds the minimum of Rosenbrock's valley", async () => {
    const box = [{ lo: -2, hi: 2 }, { lo: -2, hi: 2 }];
    const m = await minimise(rosenbrock, [-1.2, 1], box, { budget: 600 });
    expect(Math.abs(m.best.x[0] - 1)).toBeLessThan(0.02);
    expect(Math.abs(m.best.x[1] - 1)).toBeLessThan(0.04);
  });

  it("goes to the bound when the minimum lies beyond it, and never outside", async () => {
    const m = await minimise(sync(([a]) => (a - 2) ** 2), [0.5], [{ lo: 0, hi: 1 }], { budget: 100 });
    expect(m.best.x[0]).toBeGreaterThan(0.99);
    for (const p of m.path) expect(p.x[0] >= 0 && p.x[0] <= 1).toBe(true);
  });

  it("never returns a point worse than the start, which it evaluates first and as given", async () => {
    // A spike of good at the start and a noisy, worse landscape everywhere else.
    const start = [0.123, 0.456];
    const f = sync((x) => (x[0] === start[0] && x[1] === start[1] ? 0 : 0.5 + Math.abs(Math.sin(1e3 * x[0] * x[1]))));
    const m = await minimise(f, start, unit, { budget: 40 });
    expect(m.path[0].x).toEqual(start);
    expect(m.best.x).toEqual(start);
    expect(m.best.f).toBe(0);
  });

  it("keeps the start among equals on a flat objective", async () => {
    const m = await minimise(sync(() => 1), [0.25, 0.75], unit, { budget: 50 });
    expect(m.best.x).toEqual([0.25, 0.75]);
    expect(m.converged).toBe(true);
  });

  it("is deterministic and stays within its budget on a piecewise-constant objective", async () => {
    const steps = sync(([a, b]) => Math.floor(10 * Math.abs(a - 0.62)) + Math.floor(10 * Math.abs(b - 0.17)));
    const first = await minimise(steps, [0.5, 0.5], unit, { budget: 30 });
    const second = await minimise(steps, [0.5, 0.5], unit, { budget: 30 });
    expect(second.path).toEqual(first.path);
    expect(first.path.length).toBeLessThanOrEqual(30);
    expect(first.best.f).toBeLessThanOrEqual(first.path[0].f);
    expect(new Set(first.path.map((p) => p.x.join(","))).size).toBe(first.path.length); // no point evaluated twice
  });

  it("rounds candidates to significant digits within the bounds", () => {
    const b = { lo: 0.001, hi: 10 };
    expect(fromLogit(toLogit(0.05, b), b, 4)).toBe(0.05);
    expect(fromLogit(50, b, 4)).toBe(10);
    expect(fromLogit(-50, b, 4)).toBe(0.001);
    expect(String(fromLogit(0.3, b, 4)).replace(/^0\.0*/, "").replace(".", "").length).toBeLessThanOrEqual(4);
  });
});
