// SPEC §3 "What history demands": surplus partners for a supermajority step, a cost of delay that
// never raises deadlock, and compromise premiers after a veto. Statistical tests with fixed seeds;
// tolerances in standard errors of the compared proportions, variants on common random numbers.
import { describe, expect, it } from "vitest";
import { loadFixture, probability, runSummary, seOfDifference, variant } from "../helpers.ts";
import type { NumericMetricSummary, Summary } from "../../src/runner/summary.ts";

const mean = (summary: Summary, metric: string) => (summary.metrics[metric] as NumericMetricSummary).mean;

const RUNS = 3000;

describe("what history demands (SPEC §3)", () => {
  it("a majority under two thirds facing a two-thirds step, with outsiders who prefer some office to none, forms a government above two thirds far more often than it deadlocks", () => {
    const summary = runSummary(loadFixture("two-thirds.yaml"), RUNS, 31);
    const above = probability(summary, "above_two_thirds");
    const deadlock = probability(summary, "deadlock");
    expect(above).toBeGreaterThan(deadlock + 0.5);
    // The outsiders' goodwill is what makes the surplus worth having: make them hostile and the
    // same majority cannot pass the two-thirds quorum at all (the hostile-third property).
    const hostile = runSummary(variant(loadFixture("two-thirds.yaml"), (d) => {
      d.relations.default = -1;
      d.relations.pairs = [{ between: ["opp_a", "opp_b"], value: 0.2, directed: false }];
    }), RUNS, 31);
    expect(probability(hostile, "above_two_thirds")).toBeLessThan(0.02);
    expect(probability(hostile, "deadlock")).toBeGreaterThan(0.9);
  });

  it("raising the cost of delay never raises the probability of deadlock (common random numbers)", () => {
    const base = loadFixture("hostile-four.yaml");
    const costs = [0, 0.02, 0.04, 0.06, 0.08, 0.1];
    const p = costs.map((c) => probability(runSummary(variant(base, (d) => {
      d.model.delay_cost = c;
    }), RUNS, 37), "deadlock"));
    for (let k = 1; k < p.length; k++) {
      expect(p[k]).toBeLessThanOrEqual(p[k - 1] + 3 * seOfDifference(p[k], p[k - 1], RUNS));
    }
    // The cost must matter, or the check above would pass vacuously.
    expect(p[0] - p[p.length - 1]).toBeGreaterThan(0.5);
  });

  it("vetoing the largest party's leader, where every party prefers some government to none, yields a compromise premier more often than deadlock", () => {
    const summary = runSummary(loadFixture("veto.yaml"), RUNS, 41);
    const compromise = probability(summary, "compromise");
    expect(compromise).toBeGreaterThan(probability(summary, "deadlock") + 0.5);
    expect(probability(summary, "leader")).toBeLessThan(0.1);
  });

  it("keeps the premiership in the vetoed party, with another person, when the hostility is within the compromise lift", () => {
    const withLift = (lift: number) => runSummary(variant(loadFixture("veto.yaml"), (d) => {
      for (const p of d.relations.pairs) p.value = -0.35;
      d.model.premier_veto.below = -0.3;
      d.model.compromise.lift = lift;
      d.procedure.independent_premier = false;
    }), RUNS, 43);
    const lifted = withLift(0.2);
    const none = withLift(0);
    // Without a lift no compromise figure can exist; with one, the largest party keeps the office through him.
    expect(mean(none, "compromise_figure")).toBe(0);
    expect(mean(lifted, "compromise_figure")).toBeGreaterThan(0.1);
    expect(probability(lifted, "leader")).toBeLessThan(0.05);
  });
});
