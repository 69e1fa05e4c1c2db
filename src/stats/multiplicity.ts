// Simultaneous intervals for several outcomes: the Bonferroni correction. Each of `tests` intervals is
// made at level 1 − α/tests, so all of them cover together with probability at least 1 − α, and an
// interval that excludes 0 is exactly a rejection by the Bonferroni test at familywise level α.
// (Holm's step-down test rejects a little more often but has no matching intervals, so a star would
// not always mean "its interval excludes 0"; Bonferroni keeps each row self-consistent.)
import jStat from "jstat"; // CommonJS: its module.exports is the jStat object

export interface Correction {
  method: "bonferroni";
  /** Familywise error rate α: the chance of any false star. */
  alpha: number;
  /** Distinct hypotheses corrected for. */
  tests: number;
  /** Level of each interval, 1 − α/tests. */
  level: number;
  /** Standard normal quantile for a two-sided interval at `level`. */
  z: number;
}

export function bonferroni(alpha: number, tests: number): Correction {
  const level = 1 - alpha / Math.max(1, tests);
  return { method: "bonferroni", alpha, tests: Math.max(1, tests), level, z: twoSidedZ(level) };
}

/** z such that a standard normal lies in [−z, z] with probability `level`. */
export function twoSidedZ(level: number): number {
  return jStat.normal.inv(1 - (1 - level) / 2, 0, 1);
}

/**
 * Distinct per-outcome hypotheses among `rows` outcome shares of one distribution: with two, one share
 * is 1 minus the other, so their differences are opposite and Newcombe's intervals mirror each other —
 * one test, not two.
 */
export function distinctTests(rows: number): number {
  return rows === 2 ? 1 : rows;
}

/** A level as a percentage with as many decimals as it needs (99%, 99.5%, 99.667%). */
export function levelText(level: number): string {
  return `${Number((level * 100).toFixed(3))}%`;
}
