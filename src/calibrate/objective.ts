// What a calibration minimises: the mean, over the historical cases, of a proper score of the
// probability the model gave to what happened, estimated from the outcome counts of a fixed set of runs.
import { brierScore } from "../stats/scores.ts";

export type ScoreRule = "log" | "brier";
export const SCORE_RULES: readonly ScoreRule[] = ["log", "brier"];

export interface CaseScore {
  /** Share of the runs that ended in what happened (unsmoothed). */
  p_observed: number;
  brier: number;
  /** −ln of the add-half smoothed probability of what happened. */
  log_score: number;
}

/**
 * Scores one case from its outcome counts. The log score uses add-half (Jeffreys) smoothing,
 * (c + ½) / (n + ½K) for K outcomes, so an outcome no run reached costs a large but finite
 * ln(2n + K) rather than infinity, and the objective still tells two such candidates apart by how
 * close the others came. The Brier score needs no smoothing.
 */
export function scoreCounts(counts: readonly number[], observed: number): CaseScore {
  const runs = counts.reduce((a, b) => a + b, 0);
  const probabilities = counts.map((c) => c / runs);
  const smoothed = (counts[observed] + 0.5) / (runs + 0.5 * counts.length);
  return { p_observed: probabilities[observed], brier: brierScore(probabilities, observed), log_score: -Math.log(smoothed) };
}

export function ruleValue(score: CaseScore, rule: ScoreRule): number {
  return rule === "log" ? score.log_score : score.brier;
}

/** The mean of each score over the cases. */
export function meanScore(scores: readonly CaseScore[]): CaseScore {
  const mean = (pick: (s: CaseScore) => number) => scores.reduce((sum, s) => sum + pick(s), 0) / scores.length;
  return { p_observed: mean((s) => s.p_observed), brier: mean((s) => s.brier), log_score: mean((s) => s.log_score) };
}

/** The objective: the mean of the chosen score over the cases (lower is better). */
export function objectiveOf(scores: readonly CaseScore[], rule: ScoreRule): number {
  return ruleValue(meanScore(scores), rule);
}
