// backtest's table: its mean rows say how many scenarios they cover and compare like with like.
import { describe, expect, it } from "vitest";
import { formatBacktest } from "../../src/cli/commands/backtest.ts";
import { means, type Score } from "../../src/backtest/backtest.ts";
import { scored } from "../helpers.ts";

const s = (p: number): Score => ({ p_observed: p, brier: 1 - p, log_score: -Math.log(p) });
const text = (cases: ReturnType<typeof scored>[]) => formatBacktest({ seed: 1, scenarios: cases, mean: means(cases) });

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
});
