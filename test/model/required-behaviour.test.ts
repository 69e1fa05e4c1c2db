// SPEC §3 "Required behaviour", as statistical tests with fixed seeds. Tolerances are stated in
// standard errors of the compared proportions; variants share seeds (common random numbers).
import { describe, expect, it } from "vitest";
import { expectSameOutcomeDistribution, loadFixture, probability, runSummary, scenarioFile, seOfDifference, variant } from "../helpers.ts";
import { loadScenarioFile } from "../../src/scenario/load.ts";
import type { ScenarioSpec } from "../../src/scenario/schema/scenario.ts";

const RUNS = 3000;

function setPairRelation(d: ScenarioSpec, value: number) {
  d.relations.pairs[0].value = value;
}

describe("required behaviour (SPEC §3)", () => {
  it("reordering actors changes no outcome probability beyond sampling noise", () => {
    const original = loadScenarioFile(scenarioFile("maliki-sadr-2024.yaml"));
    const reversed = variant(original, (d) => {
      d.actors.reverse();
    });
    // The streams map to different actors, so the samples are effectively independent: 4 SE.
    expectSameOutcomeDistribution(runSummary(original, RUNS, 21), runSummary(reversed, RUNS, 21));
  });

  it("multiplying every seat count and seat threshold by the same factor changes nothing", () => {
    const base = loadFixture("pair.yaml");
    const scaled = variant(base, (d) => {
      d.parliament.seats *= 7;
      for (const a of d.actors) if (typeof a.seats === "number") a.seats *= 7;
      for (const step of d.procedure.steps) {
        if (step.pass.seats) step.pass.seats *= 7;
        if (step.quorum.seats) step.quorum.seats *= 7;
      }
    });
    const a = runSummary(base, 2000, 5);
    const b = runSummary(scaled, 2000, 5);
    expect(b.outcomes.map((o) => o.count)).toEqual(a.outcomes.map((o) => o.count));
    expect(b.metrics.pm).toEqual(a.metrics.pm);
  });

  it("multiplying seats in the default scenario (uncertain seats, fraction thresholds) moves nothing beyond noise", () => {
    const original = loadScenarioFile(scenarioFile("maliki-sadr-2024.yaml"));
    const scaled = variant(original, (d) => {
      d.parliament.seats *= 3;
      for (const a of d.actors) {
        if (typeof a.seats === "number") a.seats *= 3;
        else if (a.seats !== "rest" && a.seats.dist === "triangular") a.seats = { ...a.seats, min: a.seats.min * 3, mode: a.seats.mode * 3, max: a.seats.max * 3 };
      }
      for (const step of d.procedure.steps) if (step.pass.seats) step.pass.seats *= 3;
    });
    expectSameOutcomeDistribution(runSummary(original, RUNS, 8), runSummary(scaled, RUNS, 8));
  });

  it("an actor holding a majority alone, with nothing pulling it elsewhere, governs in nearly every run", () => {
    const summary = runSummary(loadFixture("majority.yaml"), 2000, 3);
    expect(probability(summary, "big_governs")).toBeGreaterThan(0.97);
  });

  it("lowering the relation between two actors never raises the probability that they end together", () => {
    const base = loadFixture("pair.yaml");
    const levels = [0.6, 0.2, -0.2, -0.6];
    const p = levels.map((r) => probability(runSummary(variant(base, (d) => setPairRelation(d, r)), RUNS, 13), "together"));
    for (let k = 1; k < p.length; k++) {
      expect(p[k]).toBeLessThanOrEqual(p[k - 1] + 3 * seOfDifference(p[k], p[k - 1], RUNS));
    }
    // The relation must matter, or the check above would pass vacuously.
    expect(p[0] - p[p.length - 1]).toBeGreaterThan(0.2);
  });

  it("raising iran_pressure never lowers the probability that two Iran-aligned Shia actors end together", () => {
    const base = loadFixture("pair.yaml");
    const levels = [0, 0.3, 0.6, 0.9];
    const p = levels.map((x) =>
      probability(runSummary(variant(base, (d) => {
        d.drivers.iran_pressure = x;
      }), RUNS, 17), "together"),
    );
    for (let k = 1; k < p.length; k++) {
      expect(p[k]).toBeGreaterThanOrEqual(p[k - 1] - 3 * seOfDifference(p[k], p[k - 1], RUNS));
    }
    expect(p[p.length - 1] - p[0]).toBeGreaterThan(0.05);
  });
});
