import type { Command } from "commander";
import { loadScenarioFile } from "../../scenario/load.ts";
import { forecast, saveForecast, DEFAULT_RUNS, DEFAULT_SEED } from "../../runner/forecast.ts";
import { toJson } from "../../runner/runset.ts";
import { DEFAULT_SCENARIO } from "../../version.ts";
import { formatSummary } from "../format.ts";
import { MAX_RUNS, parseCount, parseSeed } from "../options.ts";
import type { Io } from "../io.ts";

interface RunOptions {
  runs: number;
  seed: number;
  out?: string;
  json?: boolean;
  chunkSize?: number;
}

export function registerRun(program: Command, io: Io): void {
  program
    .command("run")
    .description("forecast a scenario: outcome probabilities with 95% intervals; writes a run set")
    .argument("[scenario]", "scenario file (YAML or JSON)", DEFAULT_SCENARIO)
    .option("--runs <n>", `number of runs (1 to ${MAX_RUNS})`, parseCount("--runs", MAX_RUNS), DEFAULT_RUNS)
    .option("--seed <s>", "master seed, a whole number", parseSeed, DEFAULT_SEED)
    .option("--out <dir>", "run set folder (default: runs/<scenario>-s<seed>-n<runs>)")
    .option("--chunk-size <n>", "runs per chunk (results do not depend on it)", parseCount("--chunk-size", 1_000_000))
    .option("--json", "print summary.json on stdout instead of a table")
    .action((scenario: string, options: RunOptions) => {
      const loaded = loadScenarioFile(scenario);
      const result = forecast(loaded, { runs: options.runs, seed: options.seed, chunkSize: options.chunkSize });
      const runSet = saveForecast(loaded, result, io.argv, options.out);
      if (options.json) {
        io.out(toJson(result.summary));
        return;
      }
      io.out(formatSummary(result.summary, io.style) + "\n");
      io.err(`run set: ${io.relative(runSet.dir)} (${result.seconds.toFixed(2)} s, ${Math.round(result.summary.runs / Math.max(result.seconds, 1e-9)).toLocaleString("en-US")} runs/s)\n`);
    });
}
