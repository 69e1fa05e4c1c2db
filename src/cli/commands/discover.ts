import path from "node:path";
import type { Command } from "commander";
import { readRunSet, toJson } from "../../runner/runset.ts";
import { UserError } from "../../scenario/problems.ts";
import { DEFAULTS, discover, MAX_BOOTSTRAP, type DiscoverOptions } from "../../discover/discover.ts";
import { checkDiscoverFolder, defaultDiscoverDir, writeDiscoverFolder } from "../../discover/folder.ts";
import { formatDiscovery } from "../../discover/text.ts";
import { parseWhole } from "../options.ts";
import type { Io } from "../io.ts";

interface Options extends DiscoverOptions {
  out?: string;
  json?: boolean;
}

export function registerDiscover(program: Command, io: Io): void {
  program
    .command("discover")
    .description("scenario discovery (PRIM): which combinations of sampled assumptions lead to an outcome, from a run set with --records")
    .argument("<runset>", "a run set folder written with --records")
    .requiredOption("--outcome <id>", "the outcome to explain")
    .option("--alpha <a>", "share of the box peeled (and pasted) at each step, between 0 and 0.5", fraction("--alpha", 0.5), DEFAULTS.alpha)
    .option("--min-mass <m>", "smallest share of all runs a box may hold", fraction("--min-mass", 1), DEFAULTS.minMass)
    .option("--min-coverage <c>", "the default box is the densest covering at least this share of the outcome's runs", coverage, DEFAULTS.minCoverage)
    .option("--box <n>", "choose box n of the peeling trajectory instead (0 = all runs)", (t: string) => parseWhole("--box", t))
    .option("--inputs <paths>", "only these sampled assumptions, comma-separated (default: all that vary)", (t: string) => t.split(",").map((p) => p.trim()).filter((p) => p !== ""))
    .option("--max-p <p>", "the simpler box keeps only limits whose quasi-p-value is at most p", fraction("--max-p", 1), DEFAULTS.maxP)
    .option("--bootstrap <b>", `bootstrap resamples on which PRIM runs again, each box scored on the runs left out (0 to ${MAX_BOOTSTRAP.toLocaleString("en-US")}; 0: no check)`, bootstrap, DEFAULTS.bootstrap)
    .option("--out <dir>", "folder for discover.json (default: beside the run set, <runset>-discover-<outcome>)")
    .option("--json", "print discover.json on stdout")
    .action((runSetDir: string, options: Options) => {
      const started = new Date();
      const runSet = readRunSet(runSetDir);
      const dir = options.out ?? defaultDiscoverDir(runSetDir, options.outcome);
      checkDiscoverFolder(dir);
      const discovery = discover(runSet, {
        outcome: options.outcome, alpha: options.alpha, minMass: options.minMass, minCoverage: options.minCoverage,
        box: options.box, inputs: options.inputs, maxP: options.maxP, bootstrap: options.bootstrap,
      });
      writeDiscoverFolder(dir, discovery, { command: io.argv, sourceDir: runSetDir, started });
      io.out(options.json ? toJson(discovery) : formatDiscovery(discovery, io.relative(path.resolve(runSetDir))) + "\n");
      io.err(`discover: ${io.relative(path.resolve(dir))}/discover.json\n`);
    });
}

function fraction(name: string, below: number) {
  return (text: string): number => {
    const value = Number(text.trim());
    if (text.trim() === "" || !(value > 0 && value < below) || (below === 1 && value >= 1)) {
      throw new UserError(`${name}: expected a number above 0 and below ${below}, found '${text}'`);
    }
    return value;
  };
}

function coverage(text: string): number {
  const value = Number(text.trim());
  if (text.trim() === "" || !(value >= 0 && value <= 1)) throw new UserError(`--min-coverage: expected a number from 0 to 1, found '${text}'`);
  return value;
}

function bootstrap(text: string): number {
  const value = parseWhole("--bootstrap", text);
  if (value > MAX_BOOTSTRAP) throw new UserError(`--bootstrap: expected at most ${MAX_BOOTSTRAP} resamples, found ${value}`);
  return value;
}
