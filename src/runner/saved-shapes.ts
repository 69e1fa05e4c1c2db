// The shapes of the JSON files bazaar writes (run sets, sweeps, sensitivity analyses), checked whenever
// one is read back. They may come from a stranger or be edited by hand: a checksum proves a run set's
// files agree with its manifest, not that the manifest is sane, so every field the program relies on
// is validated before use. One reader turns every way such a file can be wrong into a UserError.
import * as z from "zod";
import { readFileSync } from "node:fs";
import { describeReadError, formatPath, UserError } from "../scenario/problems.ts";
import { explainIssues } from "../scenario/zod-issues.ts";

const count = z.number().int().min(0);

export const AggregateShape = z.object({
  runs: count,
  outcomes: z.array(count),
  numeric: z.record(z.string(), z.object({ missing: count, counts: z.array(z.tuple([z.number(), count])) })),
  categorical: z.record(z.string(), z.array(count)),
});

const Shard = z.object({ index: z.number().int().min(1), count: z.number().int().min(1) });

export const CheckpointShape = z.object({
  format: z.literal(1),
  version: z.string(),
  scenario_sha256: z.string(),
  seed: count,
  runs: z.number().int().min(1),
  chunk_size: z.number().int().min(1),
  precision: z.number().gt(0).nullable(),
  shard: Shard.nullable(),
  records: z.boolean(),
  chunks_done: count,
  runs_done: count,
  records_bytes: z.object({ jsonl: count, csv: count }).nullable(),
  complete: z.boolean(),
  aggregate: AggregateShape,
});

export const ManifestShape = z.looseObject({
  tool: z.literal("bazaar"),
  version: z.string(),
  command: z.array(z.string()),
  scenario: z.looseObject({ file: z.string(), id: z.string(), sha256: z.string(), overrides: z.array(z.string()).optional(), resolved: z.record(z.string(), z.unknown()) }),
  seed: count,
  runs: count,
  chunk_size: z.number().int().min(1),
  timings: z.looseObject({ started: z.string(), finished: z.string(), seconds: z.number().min(0), runs_per_second: z.number().min(0) }),
  files: z.record(z.string(), z.object({ sha256: z.string() })),
});

const Probability = z.number().min(0).max(1);
const OutcomeShape = z.looseObject({ id: z.string(), label: z.string(), count, probability: Probability, ci95: z.tuple([Probability, Probability]) });
const ScenarioRef = z.looseObject({ id: z.string(), title: z.string(), sha256: z.string() });

export const SweepShape = z.looseObject({
  scenario: ScenarioRef,
  seed: count,
  runs: count,
  vary: z.array(z.object({ path: z.string(), values: z.array(z.number()) })).min(1).max(2),
  points: z.array(z.object({ values: z.record(z.string(), z.number()), outcomes: z.array(OutcomeShape).min(1) })).min(1),
  crossings: z.array(z.object({ path: z.string(), outcomes: z.tuple([z.string(), z.string()]), at: z.number() })),
});

export const SensitivityShape = z.looseObject({
  scenario: ScenarioRef,
  seed: count,
  runs: count,
  quantiles: z.tuple([Probability, Probability]),
  rows: z.array(z.object({
    path: z.string(), low: z.number(), high: z.number(), maxSwing: z.number(), quantileMethod: z.enum(["exact", "sampled"]).optional(),
    outcomes: z.array(z.object({ id: z.string(), low: Probability, high: Probability, swing: z.number() })),
  })),
});

const Fraction = z.number().min(0).max(1);
const ScoreShape = z.looseObject({ p_observed: Fraction, brier: z.number().min(0), log_score: z.number().min(0) });

export const BacktestShape = z.looseObject({
  seed: count,
  scenarios: z.array(z.looseObject({ id: z.string(), title: z.string(), runs: count, observed: z.looseObject({ id: z.string(), label: z.string(), date: z.string() }), model: ScoreShape, uniform: ScoreShape, largest_list: ScoreShape.nullable() })).min(1),
  mean: z.looseObject({ model: ScoreShape, uniform: ScoreShape }),
  calibration: z.looseObject({
    events: count,
    sharpness: z.number(),
    bins: z.array(z.object({ lo: Fraction, hi: Fraction, count, forecast: Fraction, observed: Fraction, interval: z.tuple([Fraction, Fraction]) })),
    decomposition: z.object({ brier: z.number(), reliability: z.number(), resolution: z.number(), uncertainty: z.number(), withinBinVariance: z.number(), withinBinCovariance: z.number() }),
  }),
});

export const SummaryShape = z.looseObject({
  scenario: z.looseObject({ id: z.string(), title: z.string(), question: z.string(), sha256: z.string() }),
  seed: count,
  runs: count,
  outcomes: z.array(OutcomeShape).min(1),
  metrics: z.record(z.string(), z.looseObject({ label: z.string(), type: z.enum(["numeric", "categorical"]) })),
  version: z.string(),
});

/** A kind of saved file: its shape, what to call it, and the folder it belongs to (for messages). */
export interface SavedKind<T> {
  shape: z.ZodType<T>;
  what: string;
  container: string;
}

export const MANIFEST = { shape: ManifestShape, what: "a bazaar manifest", container: "run set" };
export const SUMMARY = { shape: SummaryShape, what: "a bazaar summary", container: "run set" };
export const CHECKPOINT = { shape: CheckpointShape, what: "a bazaar checkpoint", container: "run set" };
export const SWEEP = { shape: SweepShape, what: "a bazaar sweep", container: "sweep" };
export const BACKTEST = { shape: BacktestShape, what: "a bazaar backtest", container: "backtest" };
export const SENSITIVITY = { shape: SensitivityShape, what: "a bazaar sensitivity analysis", container: "sensitivity analysis" };

/** Reads `file` as a saved file of `kind`, or throws a UserError saying what is wrong with it. */
export function readSaved<T>(kind: SavedKind<T>, file: string): T {
  return parseSaved(kind, file, readSavedText(file, kind.container));
}

/** Text already read (and perhaps checksummed) as a saved file of `kind`. */
export function parseSaved<T>(kind: SavedKind<T>, file: string, text: string): T {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new UserError(`${file}: expected JSON, found ${(e as Error).message}: the ${kind.container} is corrupt`);
  }
  const result = kind.shape.safeParse(data, { reportInput: true });
  if (result.success) return result.data;
  const [issue] = explainIssues(result.error.issues, new Set());
  throw new UserError(`${file}: expected ${kind.what}; ${formatPath(issue.path)}: ${issue.message}`);
}

export function readSavedText(file: string, container: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (e) {
    throw new UserError(`${file}: cannot read it (${describeReadError(e)}): the ${container} is corrupt or incomplete`);
  }
}
