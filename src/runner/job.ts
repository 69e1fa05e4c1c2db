// A batch as the CLI runs it: parallel chunks merged in order, streamed records, a checkpoint after
// completed chunks, optional precision target and shard, and a run set at the end.
import { closeSync, ftruncateSync, openSync, renameSync, statSync, existsSync, createReadStream } from "node:fs";
import { createHash } from "node:crypto";
import path from "node:path";
import { compileModel, type Model } from "../model/compile.ts";
import type { LoadedScenario } from "../scenario/load.ts";
import { UserError } from "../scenario/problems.ts";
import { wilsonInterval } from "../stats/wilson.ts";
import { VERSION } from "../version.ts";
import { Aggregate } from "./aggregate.ts";
import { ensureDir, removeFile, writeAll } from "./atomic.ts";
import { CHECKPOINT_FILE, identityDifferences, readCheckpoint, writeCheckpoint, type BatchIdentity, type Checkpoint } from "./checkpoint.ts";
import { chunkRange, isPrecisionCheck, precisionPieces, shardChunks, type ChunkRange, type Shard } from "./plan.ts";
import { createRunner } from "./pool.ts";
import { csvHeader } from "./records.ts";
import { checkRunSetFolder, clearRunSet, platformInfo, sha256, writeRunSet, type Manifest, type RunSet } from "./runset.ts";
import { round6, summarize, type PrecisionResult, type Summary } from "./summary.ts";
import type { ChunkResult } from "./chunk.ts";
import { stopPoint } from "./stop-hook.ts";

export interface JobOptions {
  /** Runs to do, or with `precision` the most runs to do. */
  runs: number;
  seed: number;
  chunkSize: number;
  workers: number;
  precision?: number;
  shard?: Shard;
  records: boolean;
  resume: boolean;
  dir: string;
  command: string[];
  onProgress?: (done: number, planned: number) => void;
  /** Checkpoint at most this often (ms); every chunk when 0. Results never depend on it. */
  checkpointInterval?: number;
}

export interface JobControl {
  /** Stops the batch after the current chunk; its checkpoint allows `--resume`. */
  interrupt(): void;
  done: Promise<JobResult>;
}

export type JobResult =
  | { status: "complete"; summary: Summary; runSet: RunSet; seconds: number }
  | { status: "interrupted"; runsDone: number; dir: string };

export function startJob(loaded: LoadedScenario, options: JobOptions): JobControl {
  const model = compileModel(loaded.spec);
  const identity: BatchIdentity = {
    version: VERSION,
    scenario_sha256: loaded.sha256,
    seed: options.seed,
    runs: options.runs,
    chunk_size: options.chunkSize,
    precision: options.precision ?? null,
    shard: options.shard ?? null,
    records: options.records,
  };
  if (options.precision !== undefined && options.shard) throw new UserError("--precision and --shard cannot be combined: a precision target needs the whole batch");
  checkRunSetFolder(options.dir);
  const plan = planChunks(options);
  const checkpoint = openCheckpoint(options, identity, plan);
  const runner = createRunner({ spec: loaded.spec, seed: options.seed, records: options.records }, options.workers);
  let interrupted = false;
  const done = execute(loaded, model, options, identity, plan, checkpoint, runner, () => interrupted).finally(() => runner.close());
  return {
    interrupt() {
      interrupted = true;
      runner.abort();
    },
    done,
  };
}

/**
 * The chunks the batch runs, in order. A precision batch's chunks are cut at the check points of its
 * target (plan.ts), so where it stops depends neither on the chunk size nor on the worker count.
 */
function planChunks(options: JobOptions): ChunkRange[] {
  if (options.precision !== undefined) return precisionPieces(options.runs, options.chunkSize);
  return shardChunks(options.runs, options.chunkSize, options.shard).map((c) => chunkRange(c, options.runs, options.chunkSize));
}

function openCheckpoint(options: JobOptions, identity: BatchIdentity, plan: ChunkRange[]): Checkpoint | undefined {
  const existing = readCheckpoint(options.dir);
  if (!existing) return undefined;
  if (!options.resume) {
    if (existing.complete) return undefined; // a finished run set is simply replaced
    throw new UserError(`${options.dir} holds an interrupted batch (${existing.runs_done} runs done): add --resume to continue it, or choose another --out`);
  }
  const differences = identityDifferences(existing, identity);
  if (differences.length > 0) {
    throw new UserError(`${options.dir}: cannot resume a different batch (${differences.join("; ")})`);
  }
  checkResumePosition(options.dir, existing, plan);
  checkRecordsToResume(options.dir, existing);
  return existing;
}

/** A checkpoint's chunk count must mean its run count in this batch's plan (a checkpoint from an older runner may not). */
function checkResumePosition(dir: string, checkpoint: Checkpoint, plan: ChunkRange[]): void {
  const runs = runsIn(plan.slice(0, checkpoint.chunks_done));
  if (checkpoint.chunks_done > plan.length || runs !== checkpoint.runs_done) {
    throw new UserError(`${path.join(dir, CHECKPOINT_FILE)}: expected ${runs} runs done after ${checkpoint.chunks_done} chunks of this batch, found ${checkpoint.runs_done}: it was written by another version of the runner; start the batch again without --resume`);
  }
}

function runsIn(chunks: ChunkRange[]): number {
  return chunks.reduce((sum, c) => sum + c.to - c.from, 0);
}

async function execute(
  loaded: LoadedScenario, model: Model, options: JobOptions, identity: BatchIdentity, plan: ChunkRange[],
  resumed: Checkpoint | undefined, runner: ReturnType<typeof createRunner>, isInterrupted: () => boolean,
): Promise<JobResult> {
  const started = new Date();
  const t0 = performance.now();
  ensureDir(options.dir);
  if (resumed) removeFile(path.join(options.dir, "manifest.json")); // no run set until this one is finished again
  else clearRunSet(options.dir);
  const aggregate = resumed ? Aggregate.fromJSON(model, resumed.aggregate) : new Aggregate(model);
  const planned = runsIn(plan);
  let chunksDone = resumed?.chunks_done ?? 0;
  const records = options.records ? RecordFiles.open(options.dir, model, resumed?.records_bytes ?? null, resumed?.complete === true) : undefined;
  const targetMet = () => options.precision !== undefined && isPrecisionCheck(aggregate.runs) && maxHalfWidth(aggregate) <= options.precision;
  let reached = targetMet();
  let lastCheckpoint = performance.now();
  const checkpointNow = (complete: boolean) =>
    writeCheckpoint(options.dir, {
      ...identity, format: 1, chunks_done: chunksDone, runs_done: aggregate.runs,
      records_bytes: records?.bytes() ?? null, complete, aggregate: aggregate.toJSON(),
    });

  const onResult = (result: ChunkResult) => {
    aggregate.merge(Aggregate.fromJSON(model, result.aggregate));
    records?.append(result.records!);
    chunksDone++;
    stopPoint("chunk-merged");
    reached = targetMet();
    if (performance.now() - lastCheckpoint >= (options.checkpointInterval ?? 1000)) {
      checkpointNow(false);
      lastCheckpoint = performance.now();
    }
    options.onProgress?.(aggregate.runs, planned);
  };
  options.onProgress?.(aggregate.runs, planned);
  stopPoint("batch-started");
  await runner.run(resumed?.complete ? [] : plan.slice(chunksDone), onResult, () => reached || isInterrupted());

  if (isInterrupted()) {
    checkpointNow(false);
    records?.close();
    return { status: "interrupted", runsDone: aggregate.runs, dir: options.dir };
  }
  stopPoint("runs-done");
  const checkpointText = checkpointNow(true);
  stopPoint("checkpoint-complete");
  const recordHashes = records ? await records.finish() : {};
  const seconds = (performance.now() - t0) / 1000;
  const precision = options.precision !== undefined ? precisionResult(aggregate, options.precision, options.runs) : undefined;
  const summary = summarize(loaded, model, aggregate, options.seed, precision);
  const manifest: Omit<Manifest, "files"> = {
    tool: "bazaar",
    version: VERSION,
    command: options.command,
    scenario: { file: loaded.file, id: summary.scenario.id, sha256: loaded.sha256, overrides: loaded.overrides ?? [], resolved: loaded.spec },
    seed: options.seed,
    runs: aggregate.runs,
    chunk_size: options.chunkSize,
    workers: options.workers,
    precision: precision ?? null,
    shard: options.shard ?? null,
    resumed_from_runs: resumed?.runs_done ?? null,
    timings: {
      started: started.toISOString(),
      finished: new Date(started.getTime() + seconds * 1000).toISOString(),
      seconds: Math.round(seconds * 1000) / 1000,
      runs_per_second: Math.round((aggregate.runs - (resumed?.runs_done ?? 0)) / Math.max(seconds, 1e-9)),
    },
    platform: platformInfo(),
  };
  const runSet = writeRunSet(options.dir, manifest, summary, { "checkpoint.json": { sha256: sha256(checkpointText) }, ...recordHashes });
  stopPoint("manifest-written");
  return { status: "complete", summary, runSet, seconds };
}

/** Largest 95% Wilson half-width over the outcomes. */
export function maxHalfWidth(aggregate: Aggregate): number {
  let worst = 0;
  for (const count of aggregate.outcomes) {
    const [lo, hi] = wilsonInterval(count, aggregate.runs);
    worst = Math.max(worst, (hi - lo) / 2);
  }
  return worst;
}

/** Whether the batch met its target where it stopped (a check point, or the most runs allowed). */
function precisionResult(aggregate: Aggregate, target: number, maxRuns: number): PrecisionResult {
  const halfWidth = maxHalfWidth(aggregate);
  return { target, max_runs: maxRuns, reached: halfWidth <= target, half_width: round6(halfWidth) };
}

/**
 * runs.jsonl and runs.csv, appended in run order under `.partial` names and renamed when the batch
 * completes, so a finished name always means a finished file. On resume they are cut back to the
 * length the checkpoint recorded.
 */
class RecordFiles {
  private constructor(
    private readonly dir: string,
    private readonly fds: { jsonl: number; csv: number },
    private sizes: RecordBytes,
  ) {}

  /** New record files, or (`resumeAt`) the files checkRecordsToResume accepted, cut back to the checkpoint's length. */
  static open(dir: string, model: Model, resumeAt: RecordBytes | null, batchComplete: boolean): RecordFiles {
    const open = (kind: keyof RecordBytes) => {
      const file = path.join(dir, `${RECORD_FILES[kind]}.partial`);
      if (!resumeAt) return openSync(file, "w");
      if (batchComplete) reclaimFinished(dir, RECORD_FILES[kind]);
      const fd = openSync(file, "r+");
      ftruncateSync(fd, resumeAt[kind]);
      return fd;
    };
    const files = new RecordFiles(dir, { jsonl: open("jsonl"), csv: open("csv") }, resumeAt ?? { jsonl: 0, csv: 0 });
    if (!resumeAt) files.append({ jsonl: "", csv: csvHeader(model) });
    return files;
  }

  append(text: { jsonl: string; csv: string }): void {
    this.sizes = {
      jsonl: this.sizes.jsonl + writeAll(this.fds.jsonl, text.jsonl, this.sizes.jsonl),
      csv: this.sizes.csv + writeAll(this.fds.csv, text.csv, this.sizes.csv),
    };
  }

  bytes(): RecordBytes {
    return { ...this.sizes };
  }

  close(): void {
    closeSync(this.fds.jsonl);
    closeSync(this.fds.csv);
  }

  async finish(): Promise<Record<string, { sha256: string }>> {
    this.close();
    const hashes: Record<string, { sha256: string }> = {};
    for (const name of Object.values(RECORD_FILES)) {
      const from = path.join(this.dir, `${name}.partial`);
      hashes[name] = { sha256: await hashFile(from) };
      renameSync(from, path.join(this.dir, name));
      stopPoint(`${name}-renamed`);
    }
    return hashes;
  }
}

type RecordBytes = { jsonl: number; csv: number };

const RECORD_FILES = { jsonl: "runs.jsonl", csv: "runs.csv" } as const;

/**
 * Refuses to resume, before anything in the folder changes, when records the checkpoint counted are
 * missing or shorter than it recorded.
 */
function checkRecordsToResume(dir: string, checkpoint: Checkpoint): void {
  if (!checkpoint.records_bytes) return;
  for (const [kind, name] of Object.entries(RECORD_FILES) as [keyof RecordBytes, string][]) {
    const file = recordsToResume(dir, name, checkpoint.complete);
    if (!file) {
      throw new UserError(`${dir}: the checkpoint expects ${name}.partial${checkpoint.complete ? ` or ${name}` : ""}, which is missing; start the batch again without --resume`);
    }
    const size = statSync(file).size;
    if (size < checkpoint.records_bytes[kind]) {
      throw new UserError(`${file}: holds ${size} bytes, fewer than the ${checkpoint.records_bytes[kind]} the checkpoint recorded: the records are incomplete; start the batch again without --resume`);
    }
  }
}

/** A resumed batch's records: under `.partial`, or renamed already when its checkpoint is complete (killed while finishing). */
function recordsToResume(dir: string, name: string, batchComplete: boolean): string | undefined {
  const partial = path.join(dir, `${name}.partial`);
  if (existsSync(partial)) return partial;
  const finished = path.join(dir, name);
  return batchComplete && existsSync(finished) ? finished : undefined;
}

/** Records a complete batch renamed before it was killed go back under `.partial`, to be finished with the others. */
function reclaimFinished(dir: string, name: string): void {
  const finished = path.join(dir, name);
  if (!existsSync(`${finished}.partial`) && existsSync(finished)) renameSync(finished, `${finished}.partial`);
}

function hashFile(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash("sha256");
    createReadStream(file).on("data", (d) => hash.update(d)).on("end", () => resolve(hash.digest("hex"))).on("error", reject);
  });
}

/** Runs a batch to completion (or interruption) and writes its run set. */
export function runJob(loaded: LoadedScenario, options: JobOptions): Promise<JobResult> {
  return startJob(loaded, options).done;
}
