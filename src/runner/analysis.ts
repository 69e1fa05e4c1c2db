// An analysis as the CLI runs it: a fixed list of design points (sweep grid points, sensitivity
// variants, Morris trajectories, Saltelli rows), each a batch of runs, on the worker pool. Completed
// points are checkpointed atomically in the output folder, so an interrupted analysis resumes with
// `--resume` to exactly the result of a clean one; `--shard K/N` runs every N-th point, and the shards'
// folders merge (`--merge`) into the unsharded result. Results never depend on workers, chunking,
// interruptions or sharding: each point's runs use fixed random streams and add up exactly.
import { existsSync } from "node:fs";
import path from "node:path";
import * as z from "zod";
import type { ScenarioSpec } from "../scenario/schema/scenario.ts";
import { UserError } from "../scenario/problems.ts";
import { VERSION } from "../version.ts";
import { ensureDir, writeFileAtomic } from "./atomic.ts";
import type { Shard } from "./plan.ts";
import { createPointRunner } from "./point-pool.ts";
import { addResult, type PointResult, type PointSpec, type PointTask } from "./points.ts";
import { readSaved } from "./saved-shapes.ts";
import { sha256 } from "./runset.ts";

export const ANALYSIS_CHECKPOINT = "analysis-checkpoint.json";
/**
 * Runs per task. Small enough that a few design points still spread evenly over the workers (a thread
 * that starts late, or a last point, does not hold the others up), large enough that a task's message
 * costs nothing beside its runs. Results never depend on it.
 */
export const ANALYSIS_CHUNK = 250;

export interface Design {
  /** What the analysis is ("sweep", "sensitivity-sobol", …): part of its identity. */
  kind: string;
  /** Everything else that decides the result (options, design parameters), for the identity and for messages. */
  parameters: Record<string, unknown>;
  specs: ScenarioSpec[];
  points: PointSpec[];
  /** Runs per point. */
  runs: number;
  seed: number;
}

export interface AnalysisOptions {
  workers: number;
  /** Runs per task: a point with more runs is split (results do not depend on it). */
  chunkSize?: number;
  /** Folder for the checkpoint; none keeps everything in memory. */
  dir?: string;
  resume?: boolean;
  shard?: Shard;
  /** Folders of shards (or interrupted runs) of the same analysis whose completed points are taken over. */
  merge?: string[];
  onProgress?: (runsDone: number, runsPlanned: number) => void;
  /** Checkpoint at most this often (ms); after every point when 0. Results never depend on it. */
  checkpointInterval?: number;
  /** Test hook: checked after each completed point (with the count completed in this call); true interrupts there. */
  stopAfter?: (pointsCompleted: number) => boolean;
}

export type AnalysisResult =
  | { status: "complete"; results: PointResult[]; resumedPoints: number; mergedPoints: number; seconds: number }
  | { status: "shard"; pointsDone: number; pointsInShard: number; dir?: string }
  | { status: "interrupted"; pointsDone: number; points: number; dir?: string };

export interface AnalysisControl {
  interrupt(): void;
  done: Promise<AnalysisResult>;
}

const PointResultShape = z.object({ runs: z.number().int().min(0), outcomes: z.array(z.number().int().min(0)), numeric: z.array(z.tuple([z.number().int().min(0), z.number().int()])) });
const AnalysisCheckpointShape = z.object({
  format: z.literal(1),
  kind: z.string(),
  version: z.string(),
  identity: z.string(),
  parameters: z.record(z.string(), z.unknown()),
  points: z.number().int().min(0),
  shard: z.object({ index: z.number().int().min(1), count: z.number().int().min(1) }).nullable(),
  complete: z.boolean(),
  done: z.array(z.tuple([z.number().int().min(0), PointResultShape])),
});
type AnalysisCheckpoint = z.infer<typeof AnalysisCheckpointShape>;
const CHECKPOINT_KIND = { shape: AnalysisCheckpointShape, what: "a bazaar analysis checkpoint", container: "analysis folder" };

/** What makes two analyses the same: version, kind, parameters, seed, runs per point, the scenarios and every point. */
export function designIdentity(design: Design): string {
  return sha256(JSON.stringify({ version: VERSION, kind: design.kind, parameters: design.parameters, seed: design.seed, runs: design.runs, specs: design.specs, points: design.points }));
}

export function readAnalysisCheckpoint(dir: string): AnalysisCheckpoint | undefined {
  const file = path.join(dir, ANALYSIS_CHECKPOINT);
  return existsSync(file) ? readSaved(CHECKPOINT_KIND, file) : undefined;
}

/** The points a shard runs: shard K of N takes points K−1, K−1+N, … */
export function shardPoints(points: number, shard?: Shard): number[] {
  const start = shard ? shard.index - 1 : 0;
  const step = shard ? shard.count : 1;
  const chosen: number[] = [];
  for (let p = start; p < points; p += step) chosen.push(p);
  return chosen;
}

export function startAnalysis(design: Design, options: AnalysisOptions): AnalysisControl {
  const identity = designIdentity(design);
  const done = new Map<number, PointResult>();
  const resumed = options.dir ? openCheckpoint(options.dir, design, identity, options) : undefined;
  for (const [p, r] of resumed?.done ?? []) done.set(p, r);
  const resumedPoints = done.size;
  let mergedPoints = 0;
  for (const dir of options.merge ?? []) {
    const other = readAnalysisCheckpoint(dir);
    if (!other) throw new UserError(`--merge ${dir}: no ${ANALYSIS_CHECKPOINT} there (expected the --out folder of a shard of this analysis)`);
    if (other.identity !== identity) throw new UserError(`--merge ${dir}: a different analysis (${describeDifference(other, design)}); shards merge only with the same scenario, options, seed and bazaar version`);
    for (const [p, r] of other.done) if (!done.has(p)) {
      done.set(p, r);
      mergedPoints++;
    }
  }
  // Threads are started only if some point is left to run (not for a finished analysis resumed, or merged shards).
  const left = shardPoints(design.points.length, options.shard).some((p) => !done.has(p));
  const runner = left ? createPointRunner(design.specs, design.seed, options.workers) : undefined;
  let interrupted = false;
  const result = execute(design, options, identity, done, runner, () => interrupted)
    .then((r) => (r.status === "complete" ? { ...r, resumedPoints, mergedPoints } : r))
    .finally(() => runner?.close());
  return {
    interrupt() {
      interrupted = true;
      runner?.abort();
    },
    done: result,
  };
}

function describeDifference(other: AnalysisCheckpoint, design: Design): string {
  if (other.version !== VERSION) return `bazaar ${other.version} vs ${VERSION}`;
  if (other.kind !== design.kind) return `${other.kind} vs ${design.kind}`;
  const differ = Object.keys({ ...other.parameters, ...design.parameters }).filter((k) => JSON.stringify(other.parameters[k]) !== JSON.stringify(design.parameters[k]));
  return differ.length ? `${differ.map((k) => `${k}: ${JSON.stringify(other.parameters[k])} vs ${JSON.stringify(design.parameters[k])}`).join("; ")}` : "another scenario or seed";
}

function openCheckpoint(dir: string, design: Design, identity: string, options: AnalysisOptions): AnalysisCheckpoint | undefined {
  const existing = readAnalysisCheckpoint(dir);
  if (!existing) return undefined;
  if (!options.resume) {
    if (existing.complete) return undefined; // a finished analysis is simply replaced
    throw new UserError(`${dir} holds an interrupted analysis (${existing.done.length} of ${existing.points} points done): add --resume to continue it, or choose another --out`);
  }
  if (existing.identity !== identity) throw new UserError(`${dir}: cannot resume a different analysis (${describeDifference(existing, design)})`);
  if (JSON.stringify(existing.shard) !== JSON.stringify(options.shard ?? null)) {
    throw new UserError(`${dir}: cannot resume shard ${JSON.stringify(existing.shard)} as ${JSON.stringify(options.shard ?? null)}`);
  }
  return existing;
}

async function execute(
  design: Design, options: AnalysisOptions, identity: string, done: Map<number, PointResult>,
  runner: ReturnType<typeof createPointRunner> | undefined, isInterrupted: () => boolean,
): Promise<AnalysisResult> {
  const t0 = performance.now();
  const chunk = options.chunkSize ?? ANALYSIS_CHUNK;
  const mine = shardPoints(design.points.length, options.shard);
  const todo = mine.filter((p) => !done.has(p));
  const tasks: PointTask[] = [];
  for (const point of todo) {
    for (let from = 0; from < design.runs; from += chunk) {
      tasks.push({ ...design.points[point], task: tasks.length, point, from, to: Math.min(design.runs, from + chunk) });
    }
  }
  const planned = mine.length * design.runs;
  let runsDone = (mine.length - todo.length) * design.runs;
  let completedHere = 0;
  let stopRequested = false;
  let lastCheckpoint = performance.now();
  const complete = () => mine.every((p) => done.has(p));
  const checkpointNow = () => {
    if (!options.dir) return;
    const saved: AnalysisCheckpoint = {
      format: 1, kind: design.kind, version: VERSION, identity, parameters: design.parameters, points: design.points.length,
      shard: options.shard ?? null, complete: complete(), done: [...done.entries()].sort((a, b) => a[0] - b[0]),
    };
    writeFileAtomic(path.join(options.dir, ANALYSIS_CHECKPOINT), JSON.stringify(saved) + "\n");
  };
  if (options.dir) ensureDir(options.dir);
  let current: { point: number; result: PointResult } | undefined;
  options.onProgress?.(runsDone, planned);
  await runner?.run(tasks, ({ task, result }) => {
    const t = tasks[task];
    if (current?.point !== t.point) current = { point: t.point, result: { runs: 0, outcomes: result.outcomes.map(() => 0), numeric: result.numeric.map(() => [0, 0]) } };
    addResult(current.result, result);
    runsDone += result.runs;
    if (t.to === design.runs) {
      done.set(t.point, current.result);
      current = undefined;
      completedHere++;
      if (options.stopAfter?.(completedHere)) stopRequested = true;
      if (performance.now() - lastCheckpoint >= (options.checkpointInterval ?? 1000)) {
        checkpointNow();
        lastCheckpoint = performance.now();
      }
    }
    options.onProgress?.(runsDone, planned);
  }, () => stopRequested || isInterrupted());
  checkpointNow();
  if (!complete()) return { status: "interrupted", pointsDone: mine.filter((p) => done.has(p)).length, points: mine.length, dir: options.dir };
  if (options.shard) return { status: "shard", pointsDone: mine.length, pointsInShard: mine.length, dir: options.dir };
  return { status: "complete", results: design.points.map((_, p) => done.get(p)!), resumedPoints: 0, mergedPoints: 0, seconds: (performance.now() - t0) / 1000 };
}
