// POST /api/run, /api/compare and /api/sweep: batches on the worker pool, streamed to the page.
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { parseOverride } from "../../scenario/overrides.ts";
import { withOverrides } from "../../scenario/load.ts";
import type { CompareView, RunView, SweepView } from "../protocol.ts";
import { compareBatches, runBatch, sweepBatches, sweepValues } from "./api.ts";
import { readJson } from "./body.ts";
import { differenceChart, sweepChart } from "./charts.ts";
import { compareCommand, runArgs, sweepCommand } from "./commands.ts";
import { applyTexts, overrideTexts, type Context } from "./context.ts";
import { BatchRequest, RunRef, SweepRequest } from "./requests.ts";
import { streamBatch } from "./respond.ts";
import { runView } from "./results.ts";
import type { RunRecord } from "./run-store.ts";

type Progress = (done: number, planned: number, stage: string) => void;

export async function handleRun(ctx: Context, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = await readJson(req, BatchRequest);
  const base = ctx.workspace.current();
  const file = ctx.workspace.file;
  const overrides = overrideTexts(body.overrides);
  const edited = applyTexts(base, overrides);
  await streamBatch<RunView>(res, ctx.slot, ctx.log, async (progress, signal) => {
    const record = await keepBatch(ctx, { file, base, edited, overrides, seed: body.seed, runs: body.runs }, "run", progress, signal);
    return record === "cancelled" ? record : runView(record);
  });
}

export async function handleCompare(ctx: Context, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { run } = await readJson(req, RunRef);
  const record = ctx.store.get(run);
  await streamBatch<CompareView>(res, ctx.slot, ctx.log, async (progress, signal) => {
    const baseline = ctx.store.baselineFor(record)
      ?? await keepBatch(ctx, { file: record.file, base: record.base, edited: record.base, overrides: [], seed: record.seed, runs: record.runs }, "baseline", progress, signal);
    if (baseline === "cancelled") return baseline;
    const { outcomes, verdict, warnings } = compareBatches(baseline.runSet, record.runSet);
    const id = record.base.spec.meta.id;
    const dirs = { baseline: path.join("runs", `${id}-s${record.seed}-n${record.runs}`), variant: path.join("runs", `${id}-variant-s${record.seed}-n${record.runs}`) };
    return {
      run: record.id, outcomes, verdict, warnings,
      chart: await differenceChart(outcomes, "the interval bazaar compare gives"),
      command: compareCommand(record.file, record.overrides, record.runs, record.seed, dirs),
    };
  });
}

export async function handleSweep(ctx: Context, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = await readJson(req, SweepRequest);
  const file = ctx.workspace.file;
  const overrides = overrideTexts(body.overrides);
  const edited = applyTexts(ctx.workspace.current(), overrides);
  const values = sweepValues(body.path, body.from, body.to, body.steps);
  for (const value of [values[0], values[values.length - 1]]) withOverrides(edited, [parseOverride(`${body.path}=${value}`)]);
  await streamBatch<SweepView>(res, ctx.slot, ctx.log, async (progress, signal) => {
    const sweep = await sweepBatches(edited, { path: body.path, values, runs: body.runs, seed: body.seed, workers: ctx.workers }, (d, p) => progress(d, p, "sweep"), signal);
    if (sweep === "cancelled") return sweep;
    const vary = { path: body.path, from: body.from, to: body.to, steps: body.steps };
    return { ...sweep, chart: await sweepChart(sweep), command: sweepCommand(file, overrides, vary, body.runs, body.seed) };
  });
}

/** A batch about to run: a run record before it has an id and a run set. */
type Batch = Omit<RunRecord, "id" | "runSet">;

/** Runs a batch into a fresh staging folder and keeps it; a cancelled or failed batch leaves no folder. */
async function keepBatch(ctx: Context, batch: Batch, stage: string, progress: Progress, signal: AbortSignal): Promise<RunRecord | "cancelled"> {
  const { id, dir } = ctx.store.nextDir();
  const command = ["bazaar", ...runArgs(batch.file, batch.overrides, batch.runs, batch.seed)];
  let kept = false;
  try {
    const runSet = await runBatch(batch.edited, { runs: batch.runs, seed: batch.seed, workers: ctx.workers, dir, command }, (d, p) => progress(d, p, stage), signal);
    if (runSet === "cancelled") return runSet;
    const record: RunRecord = { id, ...batch, runSet };
    ctx.store.add(record);
    kept = true;
    return record;
  } finally {
    if (!kept) ctx.store.discard(dir);
  }
}
