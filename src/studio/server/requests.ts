// The shapes of request bodies. Limits keep one request from occupying the machine for hours.
import * as z from "zod";

export const MAX_RUNS = 1_000_000;
export const MAX_SWEEP_STEPS = 41;
export const MAX_SWEEP_RUNS = 2_000_000;
/** Tracing searches at most this many runs for one that ends in a chosen outcome. */
export const MAX_TRACE_SEARCH = 5_000;

const finite = z.number().refine(Number.isFinite, "expected a finite number");
const seed = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const runs = z.number().int().min(1).max(MAX_RUNS);
const path = z.string().max(300).regex(/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/, "expected a dotted path such as actors.sadrists.seats");
const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "expected an id of letters, digits, '_' or '-'");

const Override = z.strictObject({ path, value: finite });
const overrides = z.array(Override).max(1000);

export const BatchRequest = z.strictObject({ overrides, runs, seed });

export const SweepRequest = z
  .strictObject({ overrides, runs, seed, path, from: finite, to: finite, steps: z.number().int().min(2).max(MAX_SWEEP_STEPS) })
  .refine((r) => r.runs * r.steps <= MAX_SWEEP_RUNS, `expected at most ${MAX_SWEEP_RUNS} runs in all (runs × steps)`);

export const TraceRequest = z.strictObject({
  overrides,
  seed,
  run: z.number().int().min(0).max(MAX_RUNS),
  /** Trace the first run from `run` on that ends in this outcome. */
  outcome: id.optional(),
});

export const RunRef = z.strictObject({ run: id });

export const SaveRequest = z.strictObject({
  run: id,
  name: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, "expected a file name of lower-case letters, digits, '_' or '-' (no extension)"),
  overwrite: z.boolean().optional(),
});

export type BatchBody = z.infer<typeof BatchRequest>;
export type SweepBody = z.infer<typeof SweepRequest>;
export type TraceBody = z.infer<typeof TraceRequest>;
export type SaveBody = z.infer<typeof SaveRequest>;
