import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Histogram } from "../../src/stats/histogram.ts";

describe("Histogram", () => {
  it("summarises exactly: mean, sd and nearest-rank quantiles", () => {
    const h = new Histogram();
    for (let v = 1; v <= 100; v++) h.add(v);
    h.add(NaN);
    const s = h.summary();
    expect(s.n).toBe(100);
    expect(s.missing).toBe(1);
    expect(s.mean).toBe(50.5);
    expect(s.sd).toBeCloseTo(29.011492, 5);
    expect([s.p05, s.p50, s.p95]).toEqual([5, 50, 95]);
  });

  it("leaves sd undefined (null) with a single value, and 0 only when two or more values agree", () => {
    const one = new Histogram();
    one.add(7);
    expect(one.summary()).toMatchObject({ n: 1, mean: 7, sd: null, p50: 7 });
    const two = new Histogram();
    two.add(7);
    two.add(7);
    expect(two.summary().sd).toBe(0);
  });

  it("gives the same summary however the values are split and merged", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1, max: 400, noNaN: true }), { minLength: 1, maxLength: 300 }), fc.nat(), (values, cut) => {
        const whole = new Histogram();
        values.forEach((v) => whole.add(v));
        const left = new Histogram();
        const right = new Histogram();
        const at = cut % (values.length + 1);
        values.slice(0, at).forEach((v) => left.add(v));
        values.slice(at).forEach((v) => right.add(v));
        right.merge(left);
        expect(JSON.stringify(right.summary())).toBe(JSON.stringify(whole.summary()));
      }),
      { numRuns: 100 },
    );
  });

  it("round-trips through JSON", () => {
    const h = new Histogram();
    [0.1, 0.25, 0.25, 3, NaN].forEach((v) => h.add(v));
    expect(Histogram.fromJSON(JSON.parse(JSON.stringify(h.toJSON()))).summary()).toEqual(h.summary());
  });
});
