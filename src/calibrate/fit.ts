// Fitting the parameters to a subset of the cases (all of them, or all but one in a leave-one-out fold):
// the optimiser searches the parameters' bounds for the lowest mean score, each candidate scored from
// the same runs (common random numbers), so the search compares parameters, not noise.
import type { Point } from "./cache.ts";
import type { CaseSet } from "./cases.ts";
import type { Evaluator } from "./evaluator.ts";
import { objectiveOf, scoreCounts, type CaseScore, type ScoreRule } from "./objective.ts";
import { minimise } from "./optimiser.ts";
import type { FitParameter } from "./parameters.ts";

export interface FitContext {
  set: CaseSet;
  parameters: FitParameter[];
  evaluator: Evaluator;
  score: ScoreRule;
  budget: number;
  /** Hear of each optimiser evaluation, and of each fit's unused budget (progress only). */
  onEvaluation?: () => void;
  onFitEnd?: (unused: number) => void;
}

export interface ScoredPoint {
  values: Point;
  objective: number;
}

export interface Fit {
  start: ScoredPoint;
  fitted: ScoredPoint;
  /** Every distinct point evaluated, in order. */
  path: ScoredPoint[];
  converged: boolean;
}

/** Fits the parameters to the cases listed (indices into the case set). */
export async function fitCases(ctx: FitContext, cases: readonly number[]): Promise<Fit> {
  const objective = async (x: number[]) => {
    ctx.onEvaluation?.();
    return objectiveOf(await scoresAt(ctx, pointOf(ctx.parameters, x), cases), ctx.score);
  };
  const starts = ctx.parameters.map((p) => p.start);
  const bounds = ctx.parameters.map((p) => ({ lo: p.bounds[0], hi: p.bounds[1] }));
  const result = await minimise(objective, starts, bounds, { budget: ctx.budget });
  ctx.onFitEnd?.(ctx.budget - result.path.length);
  const scored = (x: number[], f: number): ScoredPoint => ({ values: pointOf(ctx.parameters, x), objective: f });
  return {
    start: scored(result.path[0].x, result.path[0].f),
    fitted: scored(result.best.x, result.best.f),
    path: result.path.map((p) => scored(p.x, p.f)),
    converged: result.converged,
  };
}

/** Each listed case's score at `point`, in the order listed. */
export async function scoresAt(ctx: FitContext, point: Point, cases: readonly number[]): Promise<CaseScore[]> {
  const simulations = [...new Set(cases.map((c) => ctx.set.cases[c].simulation))].sort((a, b) => a - b);
  const counts = await ctx.evaluator.counts(point, simulations);
  return cases.map((c) => scoreCounts(counts.get(ctx.set.cases[c].simulation)!, ctx.set.cases[c].observedIndex));
}

export function pointOf(parameters: readonly FitParameter[], x: readonly number[]): Point {
  return Object.fromEntries(parameters.map((p, i) => [p.path, x[i]]));
}
