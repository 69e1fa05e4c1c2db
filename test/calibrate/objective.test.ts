// The calibration objective: proper scores from outcome counts, with a finite log score where no run
// reached what happened.
import { describe, expect, it } from "vitest";
import { meanScore, objectiveOf, scoreCounts } from "../../src/calibrate/objective.ts";

describe("scoreCounts", () => {
  it("gives P and Brier from the counts and the log score of the add-half smoothed probability", () => {
    const s = scoreCounts([30, 60, 10], 1);
    expect(s.p_observed).toBeCloseTo(0.6, 12);
    expect(s.brier).toBeCloseTo(0.09 + 0.16 + 0.01, 12);
    expect(s.log_score).toBeCloseTo(-Math.log(60.5 / 101.5), 12);
  });

  it("keeps the log score finite, and still ordered, when no run reached what happened", () => {
    const none = scoreCounts([100, 0], 1);
    expect(none.p_observed).toBe(0);
    expect(none.log_score).toBeCloseTo(Math.log(2 * 100 + 2), 12);
    expect(scoreCounts([99, 1], 1).log_score).toBeLessThan(none.log_score);
  });
});

describe("objectiveOf", () => {
  it("is the mean of the chosen score over the cases", () => {
    const scores = [scoreCounts([1, 3], 0), scoreCounts([2, 2], 1)];
    expect(objectiveOf(scores, "brier")).toBeCloseTo((scores[0].brier + scores[1].brier) / 2, 12);
    expect(objectiveOf(scores, "log")).toBeCloseTo(meanScore(scores).log_score, 12);
  });
});
