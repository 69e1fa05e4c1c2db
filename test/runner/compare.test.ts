// The verdict is calibrated: same scenario, different seeds → false alarms near α; a real change → detected.
import { describe, expect, it } from "vitest";
import { compareSummaries, diffAssumptions } from "../../src/runner/compare.ts";
import { loadFixture, runSummary, variant } from "../helpers.ts";

describe("compare", () => {
  it("raises false alarms at about the nominal rate α = 0.01 for batches of the same scenario", () => {
    const pair = loadFixture("pair.yaml");
    const pairs = 300;
    let alarms = 0;
    for (let k = 0; k < pairs; k++) {
      if (compareSummaries(runSummary(pair, 300, 1000 + 2 * k), runSummary(pair, 300, 1001 + 2 * k)).exceedsNoise) alarms++;
    }
    // Expected 3 of 300; P(more than 9 | rate 0.01) < 0.001, so this fails only if the test is miscalibrated.
    expect(alarms).toBeLessThanOrEqual(9);
  });

  it("detects iran_pressure moved by 0.2", () => {
    const pair = loadFixture("pair.yaml");
    const moved = variant(pair, (d) => {
      d.drivers.iran_pressure = 0.7;
    });
    const result = compareSummaries(runSummary(pair, 3000, 5), runSummary(moved, 3000, 6));
    expect(result.exceedsNoise).toBe(true);
    expect(result.outcomes.find((o) => o.id === "together")!.beyondNoise).toBe(true);
    expect(result.verdict).toMatch(/differ beyond sampling noise/);
  });

  it("compares the outcomes two scenarios share, with a warning", () => {
    const pair = loadFixture("pair.yaml");
    const renamed = variant(pair, (d) => {
      d.outcomes[1].id = "separate";
    });
    const result = compareSummaries(runSummary(pair, 200, 1), runSummary(renamed, 200, 2));
    expect(result.outcomes.map((o) => o.id)).toEqual(["together"]);
    expect(result.warnings[0]).toMatch(/different outcomes; comparing the 1 they share \(only in A: apart; only in B: separate\)/);
  });

  it("lists the assumptions that differ, matching list items by id and relation pairs by their actors", () => {
    const pair = loadFixture("pair.yaml").spec;
    const changed = variant(loadFixture("pair.yaml"), (d) => {
      d.actors[0].seats = 31;
      d.relations.pairs[0].between = ["b", "a"];
      d.relations.pairs[0].value = 0.5;
    }).spec;
    expect(diffAssumptions(pair, changed)).toEqual([
      { path: "actors.a.seats", a: 30, b: 31 },
      { path: "relations.pairs.a~b.between", a: ["a", "b"], b: ["b", "a"] },
      { path: "relations.pairs.a~b.value", a: -0.2, b: 0.5 },
    ]);
  });
});
