// `bazaar calibrate`: fits model parameters to the historical cases, optionally cross-validates the fit
// leave-one-out, and writes a calibration folder. Bad input is refused before anything is written.
import type { LoadedScenario } from "../scenario/load.ts";
import { toJson } from "../runner/runset.ts";
import { VERSION } from "../version.ts";
import type { Point } from "./cache.ts";
import { caseSetOf, type CaseSet } from "./cases.ts";
import { leaveOneOut, type Fold } from "./cv.ts";
import { Evaluator, Interrupted, specAt } from "./evaluator.ts";
import { fitCases, scoresAt, type Fit, type FitContext, type ScoredPoint } from "./fit.ts";
import { meanScore, ruleValue, type CaseScore, type ScoreRule } from "./objective.ts";
import { DEFAULT_DIGITS, DEFAULT_STEP, DEFAULT_XTOL } from "./optimiser.ts";
import { openCalibrationFolder, writeCalibration, type CalibrationManifest } from "./output.ts";
import { parameterFileText, PARAMETER_FILE } from "./parameter-file.ts";
import type { FitParameter } from "./parameters.ts";
import { createCountPool } from "./pool.ts";

export const DEFAULT_CALIBRATION_RUNS = 2000;
export const DEFAULT_BUDGET = 60;

export interface CalibrateOptions {
  parameters: FitParameter[];
  seed: number;
  runs: number;
  budget: number;
  score: ScoreRule;
  cv: boolean;
  workers: number;
  dir: string;
  resume: boolean;
  command: string[];
  onProgress?: (done: number, planned: number) => void;
}

export interface CaseRow {
  id: string;
  observed: string;
  shipped: CaseScore;
  start: CaseScore;
  fitted: CaseScore;
  /** The case's score at the values fitted without it (with --cv loo). */
  leave_one_out: CaseScore | null;
}

export interface Calibration {
  tool: "bazaar";
  version: string;
  seed: number;
  runs: number;
  score: ScoreRule;
  smoothing: string;
  optimiser: Record<string, string | number>;
  cases: { file: string; id: string; sha256: string; observed: string }[];
  parameters: (Omit<FitParameter, "start"> & { start: number; fitted: number })[];
  /** Mean score over the cases: the scenarios as they are, the start, the fit, and out of sample. */
  objective: { shipped: number; start: number; fitted: number; leave_one_out: number | null };
  mean: { shipped: CaseScore; start: CaseScore; fitted: CaseScore; leave_one_out: CaseScore | null };
  per_case: CaseRow[];
  search: { evaluations: number; converged: boolean; path: ScoredPoint[] };
  leave_one_out: { folds: Fold[] } | null;
  files: { parameters: string };
}

export type CalibrationResult =
  | { status: "complete"; calibration: Calibration; manifest: CalibrationManifest; seconds: number }
  | { status: "interrupted"; evaluations: number; dir: string };

export interface CalibrationControl {
  /** Stops at once; the checkpoint of the evaluations done allows `--resume`. */
  interrupt(): void;
  done: Promise<CalibrationResult>;
}

export function startCalibration(loaded: readonly LoadedScenario[], options: CalibrateOptions): CalibrationControl {
  const set = caseSetOf(loaded);
  for (const s of set.simulations) specAt(s.loaded, startPoint(options.parameters)); // a bad value fails here, before any file
  const cache = openCalibrationFolder(options.dir, { version: VERSION, seed: options.seed, runs: options.runs }, options.resume);
  const resumedFrom = options.resume && cache.size > 0 ? cache.size : null;
  const pool = createCountPool(options.workers);
  const plan = new RunPlan(options, set);
  const evaluator = new Evaluator(set, pool, cache, { seed: options.seed, runs: options.runs, dir: options.dir, onRuns: (r) => plan.ran(r) });
  const ctx: FitContext = {
    set, parameters: options.parameters, evaluator, score: options.score, budget: options.budget,
    onEvaluation: () => plan.slot(), onFitEnd: (unused) => plan.release(unused),
  };
  const done = execute(ctx, options, resumedFrom, plan).finally(() => pool.close());
  return { interrupt: () => pool.abort(), done };
}

async function execute(ctx: FitContext, options: CalibrateOptions, resumedFrom: number | null, plan: RunPlan): Promise<CalibrationResult> {
  const started = new Date();
  const t0 = performance.now();
  let calibration: Calibration;
  try {
    calibration = await calibrateCases(ctx, options, plan);
  } catch (e) {
    if (e instanceof Interrupted) return { status: "interrupted", evaluations: ctx.evaluator.evaluated(), dir: options.dir };
    throw e;
  }
  const seconds = (performance.now() - t0) / 1000;
  const manifest = writeCalibration(options.dir, { calibration: toJson(calibration), parameters: parameterFile(calibration) }, {
    command: options.command, workers: options.workers, resumed_from_evaluations: resumedFrom,
    timings: { started: started.toISOString(), finished: new Date(started.getTime() + seconds * 1000).toISOString(), seconds: Math.round(seconds * 1000) / 1000, runs_computed: plan.done },
  });
  return { status: "complete", calibration, manifest, seconds };
}

interface Results {
  shipped: CaseScore[];
  fit: Fit;
  start: CaseScore[];
  fitted: CaseScore[];
  folds: Fold[] | null;
}

async function calibrateCases(ctx: FitContext, options: CalibrateOptions, plan: RunPlan): Promise<Calibration> {
  const all = ctx.set.cases.map((_, k) => k);
  plan.slot();
  const shipped = await scoresAt(ctx, {}, all);
  const fit = await fitCases(ctx, all);
  const start = await scoresAt(ctx, fit.start.values, all);
  const fitted = await scoresAt(ctx, fit.fitted.values, all);
  const folds = options.cv ? await leaveOneOut(ctx) : null;
  return document(ctx, options, { shipped, fit, start, fitted, folds });
}

function document(ctx: FitContext, options: CalibrateOptions, r: Results): Calibration {
  const loo = r.folds?.map((f) => f.score) ?? null;
  const mean = { shipped: meanScore(r.shipped), start: meanScore(r.start), fitted: meanScore(r.fitted), leave_one_out: loo ? meanScore(loo) : null };
  return {
    tool: "bazaar",
    version: VERSION,
    seed: options.seed,
    runs: options.runs,
    score: options.score,
    smoothing: "log score of the add-half smoothed probability (count + 0.5) / (runs + 0.5 × outcomes); P and Brier unsmoothed",
    optimiser: optimiserSettings(options.budget),
    cases: ctx.set.cases.map((c) => ({ file: c.file, id: c.id, sha256: c.sha256, observed: c.observed })),
    parameters: options.parameters.map((p) => ({ ...p, start: r.fit.start.values[p.path], fitted: r.fit.fitted.values[p.path] })),
    objective: {
      shipped: ruleValue(mean.shipped, options.score),
      start: r.fit.start.objective,
      fitted: r.fit.fitted.objective,
      leave_one_out: mean.leave_one_out ? ruleValue(mean.leave_one_out, options.score) : null,
    },
    mean,
    per_case: ctx.set.cases.map((c, k) => ({ id: c.id, observed: c.observed, shipped: r.shipped[k], start: r.start[k], fitted: r.fitted[k], leave_one_out: loo ? loo[k] : null })),
    search: { evaluations: r.fit.path.length, converged: r.fit.converged, path: r.fit.path },
    leave_one_out: r.folds ? { folds: r.folds } : null,
    files: { parameters: PARAMETER_FILE },
  };
}

function optimiserSettings(budget: number): Record<string, string | number> {
  return {
    method: "Nelder–Mead simplex (reflection 1, expansion 2, contraction ½, shrink ½), then restarted once from the best point with a simplex a quarter the size",
    space: "logit of each parameter's position within its bounds",
    budget,
    initial_step: DEFAULT_STEP,
    xtol: DEFAULT_XTOL,
    significant_digits: DEFAULT_DIGITS,
  };
}

function parameterFile(c: Calibration): string {
  const values: Point = Object.fromEntries(c.parameters.map((p) => [p.path, p.fitted]));
  return parameterFileText({ values, seed: c.seed, runs: c.runs, cases: c.cases.length, score: c.score, objective: c.objective });
}

function startPoint(parameters: readonly FitParameter[]): Point {
  return Object.fromEntries(parameters.map((p) => [p.path, p.start]));
}

/**
 * Runs planned, for the progress line: those done, what the current evaluation may still need, and a
 * full evaluation of every simulation for each optimiser evaluation left in the budget. Points found in
 * the cache cost nothing, so the plan (and the ETA) only shrinks as the calibration goes.
 */
class RunPlan {
  done = 0;
  private slots: number;
  private current = 0;
  private readonly perPoint: number;

  constructor(private readonly options: CalibrateOptions, set: CaseSet) {
    this.perPoint = options.runs * set.simulations.length;
    this.slots = 1 + options.budget * (options.cv ? 1 + set.cases.length : 1);
    this.report();
  }

  /** An evaluation starts. */
  slot(): void {
    this.slots = Math.max(0, this.slots - 1);
    this.current = this.perPoint;
    this.report();
  }

  /** A fit ends with `unused` evaluations of its budget left. */
  release(unused: number): void {
    this.slots = Math.max(0, this.slots - unused);
    this.current = 0;
    this.report();
  }

  ran(runs: number): void {
    this.done += runs;
    this.current = Math.max(0, this.current - runs);
    this.report();
  }

  private report(): void {
    this.options.onProgress?.(this.done, this.done + this.current + this.slots * this.perPoint);
  }
}
