import os from "node:os";
import path from "node:path";
import type { Command } from "commander";
import { DEFAULT_BUDGET, DEFAULT_CALIBRATION_RUNS, startCalibration } from "../../calibrate/calibrate.ts";
import { defaultCalibrationDir } from "../../calibrate/naming.ts";
import { SCORE_RULES, type ScoreRule } from "../../calibrate/objective.ts";
import { parseFit } from "../../calibrate/parameters.ts";
import { historicalScenarios } from "../../backtest/backtest.ts";
import { loadScenarioFile } from "../../scenario/load.ts";
import { UserError } from "../../scenario/problems.ts";
import { toJson } from "../../runner/runset.ts";
import { DEFAULT_SEED } from "../../runner/forecast.ts";
import { PACKAGE_ROOT } from "../../version.ts";
import { formatCalibration } from "../calibrate-text.ts";
import { collect, parseCount, parseSeed } from "../options.ts";
import { progressLine } from "../progress.ts";
import type { Io } from "../io.ts";
import { EXIT_INTERRUPTED, resumeCommand, untilDoneOrInterrupted } from "../interrupt.ts";

interface CalibrateCliOptions {
  fit: string[];
  runs: number;
  budget: number;
  score: ScoreRule;
  cv?: "loo";
  seed: number;
  workers: number;
  out?: string;
  resume?: boolean;
  json?: boolean;
}

export function registerCalibrate(program: Command, io: Io): void {
  program
    .command("calibrate")
    .description("fit model parameters to historical scenarios (mean log score, common random numbers); optionally cross-validate leave-one-out")
    .argument("[scenarios...]", "scenario files with `observed` (default: the training set, every such file in the shipped scenarios/history/)")
    .requiredOption("--fit <path[=lo:hi][,...]>", "model parameters to fit, e.g. model.temperature,model.delay_cost=0.005:0.2 (bounds default to the schema's range; repeatable)", (v: string, previous?: string[]) => collect(v, previous ?? []))
    .option("--runs <n>", "runs per case for each candidate (the same runs for every candidate)", parseCount("--runs", 1_000_000), DEFAULT_CALIBRATION_RUNS)
    .option("--budget <n>", "the most candidate points the optimiser evaluates per fit", parseCount("--budget", 10_000), DEFAULT_BUDGET)
    .option("--score <rule>", "objective: the mean log score (log) or mean Brier score (brier)", parseScore, "log")
    .option("--cv <method>", "cross-validate: loo fits without each case in turn and scores it", parseCv)
    .option("--seed <s>", "master seed, the same for every candidate", parseSeed, DEFAULT_SEED)
    .option("--workers <w>", "worker threads (results do not depend on it)", parseCount("--workers", 256), os.availableParallelism())
    .option("--out <dir>", "calibration folder (default: runs/calibrate-<parameters>-s<seed>-n<runs>)")
    .option("--resume", "continue an interrupted calibration in --out (or the default folder)")
    .option("--json", "print calibration.json on stdout instead of a table")
    .action(async (files: string[], options: CalibrateCliOptions) => {
      const parameters = parseFit(options.fit);
      const loaded = files.length > 0 ? files.map((f) => loadScenarioFile(f)) : historicalScenarios(path.relative(process.cwd(), path.join(PACKAGE_ROOT, "scenarios", "history")) || ".");
      const dir = options.out ?? defaultCalibrationDir(parameters.map((p) => p.path), options);
      const progress = progressLine(process.stderr, process.stderr.isTTY === true && !options.json);
      const control = startCalibration(loaded, {
        parameters, seed: options.seed, runs: options.runs, budget: options.budget, score: options.score, cv: options.cv === "loo",
        workers: options.workers, dir, resume: options.resume === true, command: io.argv,
        onProgress: (done, planned) => progress.update(done, planned),
      });
      const result = await untilDoneOrInterrupted(control.done, () => control.interrupt(), progress);
      if (result.status === "interrupted") {
        io.err(`interrupted after ${result.evaluations} points evaluated; no calibration.json was written.\n`);
        io.err(`resume with: bazaar ${resumeCommand(io.argv, dir)}\n`);
        io.exitCode(EXIT_INTERRUPTED);
        return;
      }
      io.out(options.json ? toJson(result.calibration) : formatCalibration(result.calibration) + "\n");
      io.err(`calibration: ${io.relative(dir)} (calibration.json, model.yaml; ${result.seconds.toFixed(1)} s, ${options.workers} worker${options.workers === 1 ? "" : "s"})\n`);
    });
}

function parseScore(text: string): ScoreRule {
  if (!(SCORE_RULES as readonly string[]).includes(text)) throw new UserError(`--score: expected ${SCORE_RULES.join(" or ")}, found '${text}'`);
  return text as ScoreRule;
}

function parseCv(text: string): "loo" {
  if (text !== "loo") throw new UserError(`--cv: expected loo (leave-one-out), found '${text}'`);
  return "loo";
}

