// Backtests: baselines, and the 2010 case, where the model must beat chance for the right reasons.
import { describe, expect, it } from "vitest";
import { compileModel } from "../../src/model/compile.ts";
import { largestListForecast, outcomesConcernGovernment, uniformForecast } from "../../src/backtest/baselines.ts";
import { means, runBacktest, type Score } from "../../src/backtest/backtest.ts";
import { loadScenarioFile } from "../../src/scenario/load.ts";
import { probability, runSummary, scenarioFile, scored, variant } from "../helpers.ts";

const load2010 = () => loadScenarioFile(scenarioFile("history/iraq-2010-formation.yaml"));

describe("baselines", () => {
  it("the largest list in 2010 is Iraqiya (91 seats, against the INA's 70 and State of Law's 89)", () => {
    const model = compileModel(load2010().spec);
    const forecast = largestListForecast(model, 1, 200)!;
    expect(forecast[model.outcomes.findIndex((o) => o.id === "allawi")]).toBe(1);
    expect(uniformForecast(4)).toEqual([0.25, 0.25, 0.25, 0.25]);
  });

  it("the largest-list baseline does not apply when no outcome names who governs", () => {
    const model = compileModel(loadScenarioFile(scenarioFile("history/dawa-isci-2008.yaml")).spec);
    expect(outcomesConcernGovernment(model)).toBe(false);
    expect(largestListForecast(model, 1, 10)).toBeUndefined();
  });
});

describe("the 2010 backtest (fixed seed)", () => {
  it("beats the uniform and largest-list baselines, with sampling noise under 0.005", async () => {
    const [score] = (await runBacktest([load2010()], { seed: 1, workers: 1 })).scenarios;
    expect(score.model.se.brier).toBeLessThanOrEqual(0.005);
    expect(score.model.se.p_observed).toBeLessThanOrEqual(0.005);
    // Margins are many standard errors wide: the model's Brier score must beat uniform's 0.75 by 0.02.
    expect(score.model.brier).toBeLessThan(score.uniform.brier - 0.02);
    expect(score.model.brier).toBeLessThan(score.largest_list!.brier);
    expect(score.model.p_observed).toBeGreaterThan(0.25);
  });

  it("follows the seats: make Iraqiya the dominant list and Allawi, not Maliki, becomes the likely premier", () => {
    const actual = runSummary(load2010(), 3000, 5);
    const dominant = variant(load2010(), (d) => {
      d.actors.find((a) => a.id === "iraqiya")!.seats = 110;
      d.actors.find((a) => a.id === "state_of_law")!.seats = 70;
    });
    const flipped = runSummary(dominant, 3000, 5);
    // Standard errors are under 0.01 at 3,000 runs; the margins below are over 10 of them.
    expect(probability(actual, "maliki")).toBeGreaterThan(probability(actual, "allawi") + 0.05);
    expect(probability(flipped, "allawi")).toBeGreaterThan(0.35);
    expect(probability(flipped, "maliki")).toBeLessThan(0.05);
  });
});

describe("backtest means", () => {
  const s = (p: number): Score => ({ p_observed: p, brier: 1 - p, log_score: -Math.log(p) });
  const cases = [scored("a", s(0.9), s(1)), scored("b", s(0.3), null), scored("c", s(0.6), null)];

  it("say how many scenarios each mean covers, and score the model and uniform on the largest list's own cases", () => {
    const m = means(cases);
    expect(m.scenarios).toBe(3);
    expect(m.model.p_observed).toBeCloseTo(0.6, 12);
    expect(m.largest_list).toMatchObject({ scenarios: 1, p_observed: 1 });
    expect(m.where_largest_list_applies).toMatchObject({ scenarios: 1, ids: ["a"], largest_list: { p_observed: 1 }, uniform: { brier: 0.75 } });
    expect(m.where_largest_list_applies!.model.p_observed).toBeCloseTo(0.9, 12);
  });

  it("have no like-for-like subset when the largest list applies nowhere", () => {
    const m = means([cases[1], cases[2]]);
    expect(m.largest_list).toBeNull();
    expect(m.where_largest_list_applies).toBeNull();
  });
});
