// backtest's table: its mean rows say how many scenarios they cover and compare like with like.
import { describe, expect, it } from "vitest";
import { formatBacktest } from "../../src/cli/commands/backtest.ts";
import { backtestCalibration, means, type Score } from "../../src/backtest/backtest.ts";
import { scored } from "../helpers.ts";

const s = (p: number): Score => ({ p_observed: p, brier: 1 - p, log_score: -Math.log(p) });
const text = (cases: ReturnType<typeof scored>[]) => formatBacktest({ seed: 1, scenarios: cases, mean: means(cases), calibration: backtestCalibration(cases) });

describe("formatBacktest", () => {
  it("shows the count behind each mean and the model's mean where the largest list applies", () => {
    const out = text([scored("a", s(0.9), s(1)), scored("b", s(0.3), null), scored("c", s(0.6), null)]);
    const all = out.split("\n").find((l) => l.trimStart().startsWith("mean (3)"))!;
    expect(all.trim().split(/\s+/).slice(2)).toEqual(["0.600", "0.400", (-(Math.log(0.9) + Math.log(0.3) + Math.log(0.6)) / 3).toFixed(3), "0.250", "0.750", "1.386", "–", "–", "–"]);
    const subset = out.split("\n").find((l) => l.trimStart().startsWith("mean (1 of 3)"))!;
    expect(subset.trim().split(/\s+/).slice(4)).toEqual(["0.900", "0.100", "0.105", "0.250", "0.750", "1.386", "1.000", "0.000", "0.000"]);
    expect(out).toMatch(/mean \(1 of 3\): all three forecasts over the scenario where it applies \(a\)/);
  });

  it("keeps one mean row when the largest list applies everywhere, and names the standard error", () => {
    const out = text([scored("a", s(0.9), s(1)), scored("b", s(0.5), s(0.2))]);
    expect(out.match(/^\s+mean \(/gm)).toHaveLength(1);
    expect(out).toMatch(/mean \(2\)\s+0\.700 .* 0\.600\s+0\.400\s+0\.805$/m);
    expect(out).toMatch(/as a standard error \(1 s\.e\.\)/);
  });

  it("shows the reliability table and a Brier decomposition that adds up to the table's mean Brier", () => {
    // Two cases, three outcomes each: 6 events. Bins of width .2: [0,.2) holds .1,.1,.1 (none happened),
    // [.2,.4) holds .3 (happened), [.6,.8) holds .6 (no), [.8,1] holds .8 (happened).
    const withOutcomes = (id: string, ps: number[], observed: number) => {
      const c = scored(id, s(ps[observed]), null);
      return { ...c, observed: { ...c.observed, id: `o${observed}` }, outcomes: ps.map((p, k) => ({ id: `o${k}`, label: `O${k}`, probability: p })) };
    };
    const cases = [withOutcomes("a", [0.8, 0.1, 0.1], 0), withOutcomes("b", [0.6, 0.3, 0.1], 1)];
    const out = text(cases);
    expect(out).toMatch(/Calibration over 6 events/);
    expect(out).toMatch(/^\s+0\.0%–20\.0%\s+3\s+10\.0%\s+0\.0%/m);
    expect(out).toMatch(/^\s+20\.0%–40\.0%\s+1\s+30\.0%\s+100\.0%/m);
    // Mean binary Brier = (.04 + .01 + .01 + .36 + .49 + .01) / 6 = 0.153. Each bin's events are all or none
    // happened, so reliability is the whole Brier score, and resolution equals uncertainty, (1/3)(2/3) = 0.222.
    expect(out).toMatch(/Brier per event 0\.153 = reliability 0\.153 − resolution 0\.222 \+ uncertainty 0\.222 \+ within-bin 0\.000/);
    const table = (0.04 + 0.01 + 0.01 + 0.36 + 0.49 + 0.01) / 2; // the cases' mean multi-category Brier
    expect(backtestCalibration(cases).decomposition.brier * 3).toBeCloseTo(table, 12);
  });
});
