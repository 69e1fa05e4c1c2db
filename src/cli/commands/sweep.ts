import path from "node:path";
import type { Command } from "commander";
import { loadScenarioFile } from "../../scenario/load.ts";
import { analyzeSweep, parseVary, sweepCsv, sweepDesign, type Sweep } from "../../runner/sweep.ts";
import { writeFileAtomic } from "../../runner/atomic.ts";
import { toJson } from "../../runner/runset.ts";
import { DEFAULT_SEED } from "../../runner/forecast.ts";
import { DEFAULT_SCENARIO } from "../../version.ts";
import { collect, parseCount, parseSeed } from "../options.ts";
import type { Io } from "../io.ts";
import { percent } from "../format.ts";
import { addPoolOptions, runDesign, shardOf, shardSuffix, removeStale, type PoolOptions } from "../analysis-run.ts";

export function registerSweep(program: Command, io: Io): void {
  const command = program
    .command("sweep")
    .description("outcome probabilities across a grid of one or two assumptions (same seeds at every point)")
    .argument("[scenario]", "scenario file", DEFAULT_SCENARIO)
    .requiredOption("--vary <path=from:to:steps>", "an assumption to vary, e.g. drivers.iran_pressure=0:1:11 (once or twice)", collect, [])
    .option("--runs <n>", "runs per grid point", parseCount("--runs", 10_000_000), 2000)
    .option("--seed <s>", "master seed, the same at every point", parseSeed, DEFAULT_SEED)
    .option("--set <path=value>", "override an assumption first (repeatable)", collect, [])
    .option("--out <dir>", "folder for sweep.json, sweep.csv and the analysis checkpoint")
    .option("--json", "print sweep.json on stdout");
  addPoolOptions(command).action(async (scenario: string, options: PoolOptions & { vary: string[]; runs: number; seed: number; set: string[]; out?: string; json?: boolean }) => {
    const loaded = loadScenarioFile(scenario, options.set);
    const vary = options.vary.map(parseVary);
    const design = sweepDesign(loaded, vary, options.runs, options.seed);
    const shard = shardOf(options);
    const dir = path.resolve(options.out ?? path.join("runs", `${loaded.spec.meta.id}-sweep-${vary.map((v) => v.path.replace(/[^a-z0-9_-]+/gi, "_")).join("-")}-s${options.seed}-n${options.runs}${shardSuffix(shard)}`));
    // sweep.json is what report reads, so it goes last: present means its sweep.csv is current too.
    removeStale(path.join(dir, "sweep.json"));
    const results = await runDesign(io, design, dir, options, "sweep");
    if (!results) return;
    const sweep = analyzeSweep(loaded, vary, design, results);
    writeFileAtomic(path.join(dir, "sweep.csv"), sweepCsv(sweep));
    writeFileAtomic(path.join(dir, "sweep.json"), toJson(sweep));
    if (options.json) io.out(toJson(sweep));
    else io.out(formatSweep(sweep) + "\n");
    io.err(`sweep: ${io.relative(dir)}/sweep.json and sweep.csv\n`);
  });
}

function formatSweep(sweep: Sweep): string {
  const pct = (x: number) => percent(x).padStart(8);
  const ids = sweep.points[0].outcomes.map((o) => o.id);
  const keyWidth = Math.max(...sweep.vary.map((v) => v.path.length), 6);
  const lines = [`${sweep.scenario.title}: ${sweep.runs.toLocaleString("en-US")} runs per point, seed ${sweep.seed} at every point`, ""];
  lines.push(`  ${sweep.vary.map((v) => v.path.padStart(keyWidth)).join("  ")}  ${ids.map((id) => id.slice(0, 8).padStart(8)).join(" ")}`);
  for (const p of sweep.points) {
    lines.push(`  ${sweep.vary.map((v) => String(p.values[v.path]).padStart(keyWidth)).join("  ")}  ${p.outcomes.map((o) => pct(o.probability)).join(" ")}`);
  }
  if (sweep.crossings.length > 0) {
    lines.push("");
    for (const c of sweep.crossings) lines.push(`  ${c.outcomes[1]} overtakes ${c.outcomes[0]} at ${c.path} ≈ ${c.at}`);
  }
  return lines.join("\n");
}
