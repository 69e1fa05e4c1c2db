// The report's Vega-Lite specifications, checked on their data (no browser).
import { describe, expect, it } from "vitest";
import { sweepChart } from "../../src/report/specs.ts";
import type { Sweep, SweepPoint } from "../../src/runner/sweep.ts";

const PRESSURE = "drivers.iran_pressure";
const SEATS = "actors.sadrists.seats";

/** A 3 × 2 sweep with three outcomes whose shares differ at every point, so a row from the wrong point shows. */
function twoDimensionalSweep(): Sweep {
  const pressures = [0, 0.5, 1];
  const seats = [40, 80];
  const points: SweepPoint[] = pressures.flatMap((p, i) =>
    seats.map((s, j) => {
      const a = 0.1 + 0.2 * i + 0.05 * j;
      const b = 0.5 - 0.1 * i - 0.3 * j;
      const shares = [a, b, 1 - a - b];
      return {
        values: { [PRESSURE]: p, [SEATS]: s },
        outcomes: ["rapprochement", "sway", "conflict"].map((id, k) => ({ id, label: id, count: 0, probability: shares[k], ci95: [shares[k], shares[k]] as [number, number] })),
      };
    }),
  );
  return {
    scenario: { id: "s", title: "S", sha256: "0" },
    seed: 1,
    runs: 1000,
    vary: [{ path: PRESSURE, values: pressures }, { path: SEATS, values: seats }],
    points,
    crossings: [],
  };
}

type Row = { x: number; slice: number; outcome: string; probability: number };

describe("sweepChart", () => {
  it("draws every line of a 2-D sweep's slice from that slice: shares sum to 1 and match their grid point", () => {
    const sweep = twoDimensionalSweep();
    const spec = sweepChart(sweep) as { data: { values: Row[] } };
    const rows = spec.data.values;
    expect(rows).toHaveLength(sweep.points.length * 3);
    for (const point of sweep.points) {
      const mine = rows.filter((r) => r.x === point.values[PRESSURE] && r.slice === point.values[SEATS]);
      expect(mine.map((r) => r.outcome)).toEqual(["rapprochement", "sway", "conflict"]);
      expect(mine.map((r) => r.probability)).toEqual(point.outcomes.map((o) => o.probability));
      expect(mine.reduce((sum, r) => sum + r.probability, 0)).toBeCloseTo(1, 12);
    }
  });

  it("keeps one panel per value of the second assumption, and none for a 1-D sweep", () => {
    const sweep = twoDimensionalSweep();
    const spec = sweepChart(sweep) as { facet?: { field: string; sort: number[] } };
    expect(spec.facet?.field).toBe("slice");
    expect(spec.facet?.sort).toEqual([40, 80]);
    const one = sweepChart({ ...sweep, vary: [sweep.vary[0]], points: sweep.points.filter((p) => p.values[SEATS] === 40) }) as { facet?: unknown; data: { values: Row[] } };
    expect(one.facet).toBeUndefined();
    expect(one.data.values).toHaveLength(9);
  });
});
