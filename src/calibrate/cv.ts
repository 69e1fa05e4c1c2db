// Leave-one-out cross-validation: for each case in turn, fit on all the others from the same start and
// score the case left out at the values fitted without it: an honest estimate of out-of-sample skill.
// Folds share the evaluation cache: every fold starts from the same point with the same simplex, and a
// fold whose left-out case does not change the order of the candidates follows the full fit's path
// step for step, so most of its points (and, at any point, the simulations of the cases it shares
// with earlier folds) are already evaluated.
import type { Point } from "./cache.ts";
import { fitCases, scoresAt, type FitContext } from "./fit.ts";
import type { CaseScore } from "./objective.ts";

export interface Fold {
  left_out: string;
  /** Values fitted on the other cases. */
  values: Point;
  /** The objective on the other cases at those values. */
  objective: number;
  evaluations: number;
  converged: boolean;
  /** The left-out case's score at those values. */
  score: CaseScore;
}

export async function leaveOneOut(ctx: FitContext): Promise<Fold[]> {
  const all = ctx.set.cases.map((_, k) => k);
  const folds: Fold[] = [];
  for (const out of all) {
    const fit = await fitCases(ctx, all.filter((k) => k !== out));
    const [score] = await scoresAt(ctx, fit.fitted.values, [out]);
    folds.push({
      left_out: ctx.set.cases[out].id,
      values: fit.fitted.values,
      objective: fit.fitted.objective,
      evaluations: fit.path.length,
      converged: fit.converged,
      score,
    });
  }
  return folds;
}
