import type { Command } from "commander";
import { loadScenarioFile } from "../../scenario/load.ts";
import { compileModel } from "../../model/compile.ts";
import { Engine } from "../../engine/run.ts";
import { traceRun } from "../../engine/trace.ts";
import { runRng } from "../../rng/rng.ts";
import { toJson } from "../../runner/runset.ts";
import { DEFAULT_SEED } from "../../runner/forecast.ts";
import { DEFAULT_SCENARIO } from "../../version.ts";
import { collect, parseSeed, parseWhole } from "../options.ts";
import { renderTrace } from "../trace-text.ts";
import type { Io } from "../io.ts";

export function registerTrace(program: Command, io: Io): void {
  program
    .command("trace")
    .description("the story of one run, round by round: events, choices, proposals, votes, the outcome and why")
    .argument("[scenario]", "scenario file", DEFAULT_SCENARIO)
    .option("--seed <s>", "master seed of the batch", parseSeed, DEFAULT_SEED)
    .option("--run <i>", "run index within the batch (0-based)", parseRunIndex, 0)
    .option("--set <path=value>", "override an assumption (repeatable)", collect, [])
    .option("--all", "also list the turns in which an actor stayed put with near certainty")
    .option("--json", "print the trace as JSON")
    .action((scenario: string, options: { seed: number; run: number; set: string[]; all?: boolean; json?: boolean }) => {
      const loaded = loadScenarioFile(scenario, options.set);
      const engine = new Engine(compileModel(loaded.spec));
      const { entries } = traceRun(engine, runRng(options.seed, options.run));
      if (options.json) {
        io.out(toJson({ scenario: { id: loaded.spec.meta.id, sha256: loaded.sha256 }, seed: options.seed, run: options.run, entries }));
        return;
      }
      io.out(`Run ${options.run} of seed ${options.seed}: ${loaded.spec.meta.title}\n${renderTrace(entries, options.all)}\n`);
    });
}

function parseRunIndex(text: string): number {
  return parseWhole("--run", text);
}
