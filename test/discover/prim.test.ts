// PRIM on synthetic data with a planted box: inputs uniform on [0, 1], the target 1 with probability
// 0.9 inside x < 0.3 and y > 0.6, 0.05 outside, plus inputs that matter not at all. Fixed seeds.
import { describe, expect, it } from "vitest";
import { labelledRng } from "../../src/rng/rng.ts";
import { Prim, type Box, type PrimInput, type Restriction } from "../../src/discover/prim.ts";
import { chooseBox } from "../../src/discover/discover.ts";
import { binomialUpperTail } from "../../src/stats/binomial.ts";

const OPTIONS = { alpha: 0.05, minMass: 0.05 };

function planted(n: number, seed: number) {
  const rng = labelledRng(seed, "test/prim-planted");
  const cols = { x: [] as number[], y: [] as number[], z: [] as number[], d: [] as number[], c: [] as number[] };
  const target: number[] = [];
  for (let i = 0; i < n; i++) {
    cols.x.push(rng.next());
    cols.y.push(rng.next());
    cols.z.push(rng.next());
    cols.d.push(Math.floor(rng.next() * 10));
    cols.c.push([1, 2, 5][Math.floor(rng.next() * 3)]);
    const inside = cols.x[i] < 0.3 && cols.y[i] > 0.6;
    target.push(rng.next() < (inside ? 0.9 : 0.05) ? 1 : 0);
  }
  const inputs: PrimInput[] = [
    { name: "x", kind: "continuous", values: cols.x },
    { name: "y", kind: "continuous", values: cols.y },
    { name: "z", kind: "continuous", values: cols.z },
    { name: "d", kind: "discrete", values: cols.d },
    { name: "c", kind: "categorical", values: cols.c },
  ];
  return { inputs, target };
}

/** PRIM's chosen box: the densest with coverage ≥ 0.5, then pasted. */
function chosenBox(prim: Prim, trajectory: Box[]): Box {
  const steps = prim.paste(trajectory[chooseBox(trajectory, { minCoverage: 0.5 }).index]);
  return steps.at(-1) ?? trajectory[chooseBox(trajectory, { minCoverage: 0.5 }).index];
}

/** Whether case i lies in a box, checked independently of PRIM's own bookkeeping. */
function inBox(inputs: PrimInput[], restrictions: Restriction[], i: number): boolean {
  return restrictions.every((r) => {
    const v = inputs.find((input) => input.name === r.input)!.values[i];
    return r.kind === "set" ? r.values.includes(v) : (r.min === null || v >= r.min) && (r.max === null || v <= r.max);
  });
}

function countIndependently(inputs: PrimInput[], target: number[], restrictions: Restriction[]) {
  let n = 0;
  let k = 0;
  for (let i = 0; i < target.length; i++) {
    if (!inBox(inputs, restrictions, i)) continue;
    n++;
    k += target[i];
  }
  return { n, k };
}

const limit = (box: Box, input: string) => box.restrictions.find((r) => r.input === input);

describe("PRIM on a planted box", () => {
  const { inputs, target } = planted(3000, 1);
  const prim = new Prim(inputs, target, OPTIONS);
  const trajectory = prim.peel();
  const box = chosenBox(prim, trajectory);
  const total = target.reduce((a, b) => a + b, 0);

  it("recovers the planted limits x < 0.3 and y > 0.6 within 0.05", () => {
    const x = limit(box, "x");
    const y = limit(box, "y");
    expect(x?.kind === "range" && x.max).toBeTypeOf("number");
    expect(y?.kind === "range" && y.min).toBeTypeOf("number");
    if (x?.kind !== "range" || y?.kind !== "range") throw new Error("x and y must be ranges");
    expect(Math.abs(x.max! - 0.3)).toBeLessThan(0.05);
    expect(Math.abs(y.min! - 0.6)).toBeLessThan(0.05);
    // The other sides are (nearly) open: the planted box reaches 0 on x and 1 on y.
    expect(x.min ?? 0).toBeLessThan(0.05);
    expect(y.max ?? 1).toBeGreaterThan(0.95);
    expect(box.density).toBeGreaterThan(0.85);
    expect(box.coverage).toBeGreaterThanOrEqual(0.5);
  });

  it("computes coverage, density and mass of every box as an independent count does", () => {
    for (const b of [...trajectory, box]) {
      const { n, k } = countIndependently(inputs, target, b.restrictions);
      expect([b.n, b.k]).toEqual([n, k]);
      expect(b.coverage).toBe(k / total);
      expect(b.density).toBe(k / n);
      expect(b.mass).toBe(n / target.length);
    }
  });

  it("peels along a trajectory of nested boxes: mass falls and density rises strictly, coverage never rises, mass stays ≥ the minimum", () => {
    expect(trajectory[0]).toMatchObject({ n: 3000, k: total, restrictions: [] });
    expect(trajectory.length).toBeGreaterThan(20);
    for (let t = 1; t < trajectory.length; t++) {
      const [a, b] = [trajectory[t - 1], trajectory[t]];
      expect(b.mass).toBeLessThan(a.mass);
      expect(b.density).toBeGreaterThan(a.density);
      expect(b.coverage).toBeLessThanOrEqual(a.coverage);
      expect(b.mass).toBeGreaterThanOrEqual(OPTIONS.minMass);
      let escaped = 0;
      for (let i = 0; i < target.length; i++) if (inBox(inputs, b.restrictions, i) && !inBox(inputs, a.restrictions, i)) escaped++;
      expect(escaped).toBe(0);
    }
  });

  it("gives the planted limits tiny quasi-p-values and the irrelevant ones large values", () => {
    const qp = prim.quasiP(box);
    const p = (input: string, side: string) => qp.find((q) => q.input === input && q.side === side)?.p;
    expect(p("x", "upper")).toBeLessThan(1e-20);
    expect(p("y", "lower")).toBeLessThan(1e-20);
    const noise = qp.filter((q) => ["z", "d", "c"].includes(q.input) || (q.input === "x" && q.side === "lower") || (q.input === "y" && q.side === "upper"));
    for (const q of noise) expect(q.p, `${q.input} ${q.side}`).toBeGreaterThan(0.1);
    // Each is the binomial tail of the box's count at the density of the box without that limit.
    for (const q of qp) {
      const r = box.restrictions.find((x) => x.input === q.input)!;
      const relaxed = box.restrictions.filter((x) => x !== r);
      if (r.kind === "range" && r.min !== null && r.max !== null) relaxed.push(q.side === "lower" ? { ...r, min: null } : { ...r, max: null });
      const { n, k } = countIndependently(inputs, target, relaxed);
      expect([q.n, q.k]).toEqual([n, k]);
      expect(q.p).toBe(binomialUpperTail(box.k, box.n, k / n));
    }
  });

  it("prunes the box to the two planted limits", () => {
    const pruned = prim.prune(box, 0.05);
    expect(pruned.box.restrictions.map((r) => r.input).sort()).toEqual(["x", "y"]);
    expect(pruned.box.restrictions.map((r) => (r.kind === "range" ? [r.min === null, r.max === null] : null))).toEqual([[true, false], [false, true]]);
    expect(pruned.dropped.length).toBeGreaterThan(0);
    for (const q of pruned.quasiP) expect(q.p).toBeLessThanOrEqual(0.05);
  });

  it("is deterministic: the same data give the same trajectory, box and quasi-p-values", () => {
    const again = new Prim(planted(3000, 1).inputs, planted(3000, 1).target, OPTIONS);
    const t2 = again.peel();
    const b2 = chosenBox(again, t2);
    expect(JSON.stringify([t2, b2, again.quasiP(b2)])).toBe(JSON.stringify([trajectory, box, prim.quasiP(box)]));
  });
});

describe("PRIM pasting", () => {
  it("widens a box peeled in coarse steps: every step raises the density and the mass, and the box only grows", () => {
    const { inputs, target } = planted(3000, 1);
    const prim = new Prim(inputs.slice(0, 2), target, { alpha: 0.3, minMass: 0.05, pasteAlpha: 0.02 });
    const trajectory = prim.peel();
    const before = trajectory[chooseBox(trajectory, { minCoverage: 0.5 }).index];
    const steps = prim.paste(before);
    expect(steps.length).toBeGreaterThan(0);
    let previous: Box = before;
    for (const step of steps) {
      expect(step.density).toBeGreaterThan(previous.density);
      expect(step.mass).toBeGreaterThan(previous.mass);
      let lost = 0;
      for (let i = 0; i < target.length; i++) if (inBox(inputs, previous.restrictions, i) && !inBox(inputs, step.restrictions, i)) lost++;
      expect(lost).toBe(0);
      previous = step;
    }
    // Coarse peels cut y above the planted 0.6; pasting brings the cut back toward it.
    const yMin = (b: Box) => (limit(b, "y") as { min: number }).min;
    expect(Math.abs(yMin(previous) - 0.6)).toBeLessThan(Math.abs(yMin(before) - 0.6));
  });
});

describe("PRIM on discrete and categorical inputs", () => {
  it("recovers a planted whole-number limit exactly and a set of categories", () => {
    const rng = labelledRng(2, "test/prim-discrete");
    const d: number[] = [];
    const c: number[] = [];
    const u: number[] = [];
    const target: number[] = [];
    for (let i = 0; i < 4000; i++) {
      d.push(Math.floor(rng.next() * 10));
      c.push(1 + Math.floor(rng.next() * 4));
      u.push(rng.next());
      target.push(rng.next() < (d[i] <= 3 && (c[i] === 2 || c[i] === 4) ? 0.8 : 0.05) ? 1 : 0);
    }
    const prim = new Prim([{ name: "c", kind: "categorical", values: c }, { name: "d", kind: "discrete", values: d }, { name: "u", kind: "continuous", values: u }], target, OPTIONS);
    const trajectory = prim.peel();
    // Discrete limits are observed values; a categorical restriction is a set of them.
    for (const b of trajectory) {
      for (const r of b.restrictions) {
        if (r.input === "d" && r.kind === "range") for (const v of [r.min, r.max]) if (v !== null) expect(Number.isInteger(v)).toBe(true);
        if (r.input === "c") expect(r.kind).toBe("set");
      }
    }
    const { box } = prim.prune(chosenBox(prim, trajectory), 0.05);
    expect(box.restrictions).toEqual([
      { input: "c", kind: "set", values: [2, 4] },
      { input: "d", kind: "range", min: null, max: 3 },
    ]);
  });
});
