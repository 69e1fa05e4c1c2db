import os from "node:os";
import { EXIT_INTERRUPTED, resumeCommand, untilDoneOrInterrupted } from "../interrupt.ts";
import type { Command } from "commander";
import { loadScenarioFile } from "../../scenario/load.ts";

import { DEFAULT_RUNS, DEFAULT_SEED } from "../../runner/forecast.ts";
import { DEFAULT_CHUNK } from "../../runner/batch.ts";
import { startJob } from "../../runner/job.ts";
import { parseShard, type Shard } from "../../runner/plan.ts";
import { defaultRunSetDir } from "../../runner/naming.ts";
import { toJson } from "../../runner/runset.ts";
import type { Summary } from "../../runner/summary.ts";
import { DEFAULT_SCENARIO } from "../../version.ts";
import { formatSummary } from "../format.ts";
import { collect, MAX_RUNS, parseCount, parseFraction, parseSeed } from "../options.ts";
import { progressLine } from "../progress.ts";
import type { Io } from "../io.ts";

interface RunOptions {
  runs: number;
  seed: number;
  out?: string;
  json?: boolean;
  chunkSize: number;
  workers: number;
  precision?: number;
  maxRuns: number;
  shard?: string;
  shards?: number;
  resume?: boolean;
  records?: boolean;
  set: string[];
}

export function registerRun(program: Command, io: Io): void {
  program
    .command("run")
    .description("forecast a scenario: outcome probabilities with 95% intervals; writes a run set")
    .argument("[scenario]", "scenario file (YAML or JSON)", DEFAULT_SCENARIO)
    .option("--runs <n>", `number of runs (1 to ${MAX_RUNS})`, parseCount("--runs", MAX_RUNS), DEFAULT_RUNS)
    .option("--seed <s>", "master seed, a whole number", parseSeed, DEFAULT_SEED)
    .option("--precision <e>", "run until every outcome's 95% Wilson interval half-width (about 1.96 standard errors) is at most e (e.g. 0.005), checked at 100, 110, …, 990, 1,000, 1,100, … runs, whatever --workers and --chunk-size", parseFraction("--precision"))
    .option("--max-runs <n>", "with --precision, the most runs to do (a warning says if the target was not reached by then)", parseCount("--max-runs", MAX_RUNS), 10_000_000)
    .option("--workers <w>", "worker threads (results do not depend on it)", parseCount("--workers", 256), os.availableParallelism())
    .option("--chunk-size <n>", "runs per chunk (results do not depend on it)", parseCount("--chunk-size", 1_000_000), DEFAULT_CHUNK)
    .option("--shard <k/n>", "run only shard k of n ('auto': from Kubernetes or Slurm job-array variables)")
    .option("--shards <n>", "shard count for --shard auto under a Kubernetes Indexed Job", parseCount("--shards", 100000))
    .option("--records", "also write per-run records: runs.jsonl and runs.csv")
    .option("--resume", "continue an interrupted batch in --out (or the default folder)")
    .option("--out <dir>", "run set folder (default: runs/<scenario>-s<seed>-n<runs>)")
    .option("--json", "print summary.json on stdout instead of a table")
    .option("--set <path=value>", "override an assumption (repeatable): actors.sadrists.seats=73", collect, [])
    .action(async (scenario: string, options: RunOptions) => {
      const loaded = loadScenarioFile(scenario, options.set);
      const shard: Shard | undefined = options.shard ? parseShard(options.shard, process.env, options.shards) : undefined;
      const runs = options.precision !== undefined ? options.maxRuns : options.runs;
      const dir = options.out ?? defaultRunSetDir(loaded.spec.meta.id, options.seed, runs, options.precision, shard);
      if (shard && options.precision === undefined) warnIfShardIsEmpty(io, shard, runs, options.chunkSize);
      const progress = progressLine(process.stderr, process.stderr.isTTY === true && !options.json);
      const job = startJob(loaded, {
        runs, seed: options.seed, chunkSize: options.chunkSize, workers: options.workers, precision: options.precision,
        shard, records: options.records === true, resume: options.resume === true, dir, command: io.argv,
        onProgress: (done, planned) => progress.update(done, planned),
      });
      const result = await untilDoneOrInterrupted(job.done, () => job.interrupt(), progress);
      if (result.status === "interrupted") {
        io.err(`interrupted after ${result.runsDone.toLocaleString("en-US")} runs; nothing partial was written as a result.\n`);
        io.err(`resume with: bazaar ${resumeCommand(io.argv, dir)}\n`);
        io.exitCode(EXIT_INTERRUPTED);
        return;
      }
      if (options.json) {
        io.out(toJson(result.summary));
        reportPrecision(io, result.summary);
        return;
      }
      io.out(formatSummary(result.summary, io.style) + "\n");
      reportPrecision(io, result.summary);
      const rate = Math.round((result.runSet.manifest.timings.runs_per_second));
      io.err(`run set: ${io.relative(result.runSet.dir)} (${result.seconds.toFixed(2)} s, ${rate.toLocaleString("en-US")} runs/s, ${options.workers} worker${options.workers === 1 ? "" : "s"})\n`);
    });
}

/** A --precision batch says where it stopped, and warns when that is --max-runs short of the target (exit code stays 0: the result is valid, only less precise than asked). */
function reportPrecision(io: Io, summary: Summary): void {
  const precision = summary.precision;
  if (!precision) return;
  const runs = summary.runs.toLocaleString("en-US");
  const width = Number(precision.half_width.toPrecision(3));
  if (precision.reached) {
    io.err(`--precision ${precision.target} reached after ${runs} runs: the largest 95% interval half-width is ${width}\n`);
    return;
  }
  io.err(`warning: --precision ${precision.target} not reached: stopped at --max-runs ${runs} with a largest 95% interval half-width of ${width}; ${runsNeeded(summary.runs, precision.half_width, precision.target)}\n`);
}

/** Runs needed for the half-width to shrink from `width` to `target`, as 1/√n predicts. */
function runsNeeded(runs: number, width: number, target: number): string {
  const needed = runs * (width / target) ** 2;
  if (needed > MAX_RUNS) return `reaching it would take more than the ${MAX_RUNS.toLocaleString("en-US")} runs --max-runs allows`;
  return `about ${Number(needed.toPrecision(2)).toLocaleString("en-US")} runs would reach it`;
}

function warnIfShardIsEmpty(io: Io, shard: Shard, runs: number, chunkSize: number): void {
  const chunks = Math.ceil(runs / chunkSize);
  if (shard.index > chunks) {
    io.err(`note: shard ${shard.index}/${shard.count} has no runs: ${runs.toLocaleString("en-US")} runs make ${chunks} chunk${chunks === 1 ? "" : "s"} of ${chunkSize.toLocaleString("en-US")}; a smaller --chunk-size spreads them over more shards\n`);
  }
}


