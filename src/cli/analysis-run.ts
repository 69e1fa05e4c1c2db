// Runs an analysis (sweep, sensitivity) for the CLI: progress line, Ctrl-C and SIGTERM to a clean
// checkpoint with a resume hint, and the messages for shards and merges.
import { EXIT_INTERRUPTED, resumeCommand, untilDoneOrInterrupted } from "./interrupt.ts";
import path from "node:path";
import type { Command } from "commander";
import { startAnalysis, type Design } from "../runner/analysis.ts";
import { parseShard, type Shard } from "../runner/plan.ts";
import type { PointResult } from "../runner/points.ts";
import { progressLine } from "./progress.ts";
import { collect, parseCount } from "./options.ts";
import type { Io } from "./io.ts";
import os from "node:os";
import { existsSync } from "node:fs";
import { removeFile } from "../runner/atomic.ts";

export interface PoolOptions {
  workers: number;
  resume?: boolean;
  shard?: string;
  shards?: number;
  merge: string[];
  json?: boolean;
}

/** The options every analysis shares: workers, resume, shard and merge. */
export function addPoolOptions(command: Command): Command {
  return command
    .option("--workers <w>", "worker threads (results do not depend on it)", parseCount("--workers", 256), os.availableParallelism())
    .option("--resume", "continue an interrupted analysis in --out (or the default folder)")
    .option("--shard <k/n>", "run only every n-th design point, starting with the k-th ('auto': from Kubernetes or Slurm job-array variables); combine the shards' folders with --merge")
    .option("--shards <n>", "shard count for --shard auto under a Kubernetes Indexed Job", parseCount("--shards", 100000))
    .option("--merge <dir>", "take the completed points of a shard's (or an interrupted run's) folder of the same analysis (repeatable)", collect, []);
}

export function shardOf(options: PoolOptions): Shard | undefined {
  return options.shard ? parseShard(options.shard, process.env, options.shards) : undefined;
}

/** Removes a result file left by an earlier analysis in the folder (creating nothing if the folder is new). */
export function removeStale(file: string): void {
  if (existsSync(file)) removeFile(file);
}

/** The default folder name's shard suffix. */
export function shardSuffix(shard: Shard | undefined): string {
  return shard ? `-shard${shard.index}of${shard.count}` : "";
}

/** Runs the design; the point results when complete, otherwise undefined after saying what happened. */
export async function runDesign(io: Io, design: Design, dir: string, options: PoolOptions, command: string): Promise<PointResult[] | undefined> {
  const shard = shardOf(options);
  const progress = progressLine(process.stderr, process.stderr.isTTY === true && !options.json);
  const job = startAnalysis(design, {
    workers: options.workers, dir, resume: options.resume === true, shard, merge: options.merge.map((d) => path.resolve(d)),
    onProgress: (done, planned) => progress.update(done, planned),
  });
  const result = await untilDoneOrInterrupted(job.done, () => job.interrupt(), progress);
  if (result.status === "interrupted") {
    io.err(`${command}: interrupted with ${result.pointsDone} of ${result.points} design points done; they are saved in ${io.relative(dir)}.\n`);
    io.err(`resume with: bazaar ${resumeCommand(io.argv, dir)}\n`);
    io.exitCode(EXIT_INTERRUPTED);
    return undefined;
  }
  if (result.status === "shard") {
    io.err(`${command}: shard ${shard!.index}/${shard!.count} done (${result.pointsInShard} design points) in ${io.relative(dir)}; combine all shards with: bazaar ${mergeCommand(io.argv)} --merge <each shard's folder>\n`);
    return undefined;
  }
  if (result.mergedPoints > 0) io.err(`${command}: ${result.mergedPoints} design points taken from --merge folders${result.mergedPoints + result.resumedPoints < design.points.length ? `, ${design.points.length - result.mergedPoints - result.resumedPoints} run here` : ""}\n`);
  return result.results;
}

function quote(args: string[]): string {
  return args.map((a) => (/\s/.test(a) ? JSON.stringify(a) : a)).join(" ");
}


/** The command without its shard options, to merge the shards with. */
function mergeCommand(argv: string[]): string {
  const args: string[] = [];
  const rest = argv.slice(1);
  for (let k = 0; k < rest.length; k++) {
    if (rest[k] === "--shard" || rest[k] === "--shards" || rest[k] === "--out") k++;
    else if (!/^--(shard|shards|out)=/.test(rest[k]) && rest[k] !== "--resume") args.push(rest[k]);
  }
  return quote(args);
}
