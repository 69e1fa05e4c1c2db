import { describe, expect, it } from "vitest";
import { compileModel } from "../../src/model/compile.ts";
import { stepPasses } from "../../src/model/government.ts";
import { loadFixture, probability, runSummary, variant } from "../helpers.ts";

const twoThirds = { id: "president", quorumSeats: 0.6667 * 100, passSeats: 0, passFractionOfPresent: 0.5 };
const absoluteMajority = { id: "cabinet", quorumSeats: 50, passSeats: 51, passFractionOfPresent: 0 };

describe("procedure steps", () => {
  it("a two-thirds quorum fails when more than a third stays away, whatever the majority", () => {
    expect(stepPasses(twoThirds, { present: 60, yes: 60 })).toBe(false);
    expect(stepPasses(twoThirds, { present: 66, yes: 66 })).toBe(false);
    expect(stepPasses(twoThirds, { present: 67, yes: 34 })).toBe(true);
    expect(stepPasses(twoThirds, { present: 67, yes: 33 })).toBe(false);
  });

  it("an absolute-majority step counts yes votes against all seats", () => {
    expect(stepPasses(absoluteMajority, { present: 100, yes: 50 })).toBe(false);
    expect(stepPasses(absoluteMajority, { present: 60, yes: 51 })).toBe(true);
    expect(stepPasses(absoluteMajority, { present: 49, yes: 49 })).toBe(false);
  });

  it("compiles the Iraqi thresholds of the default scenario to 220 and 165 of 329", async () => {
    const { loadScenarioFile } = await import("../../src/scenario/load.ts");
    const { scenarioFile } = await import("../helpers.ts");
    const model = compileModel(loadScenarioFile(scenarioFile("maliki-sadr-2024.yaml")).spec);
    const [president, cabinet] = model.steps;
    expect(Math.ceil(president.quorumSeats)).toBe(220);
    expect(cabinet.passSeats).toBe(165);
    expect(model.minWinning).toBe(165);
  });
});

describe("formation votes (statistical, fixed seed)", () => {
  it("a majority under two thirds cannot pass a two-thirds quorum against a boycotting third", () => {
    const summary = runSummary(loadFixture("hostile-third.yaml"), 1000, 11);
    // Outsiders at affinity −1 attend with probability σ((−1 + 0.15)/0.08) ≈ 2e-5 per vote.
    expect(probability(summary, "formed")).toBeLessThan(0.005);
  });

  it("the same majority forms when the opposition is friendly and attends", () => {
    const friendly = variant(loadFixture("hostile-third.yaml"), (d) => {
      d.relations.pairs = [{ between: ["gov", "opp_a"], value: 0.5, directed: false }, { between: ["gov", "opp_b"], value: 0.5, directed: false }];
    });
    expect(probability(runSummary(friendly, 1000, 11), "formed")).toBeGreaterThan(0.95);
  });
});
