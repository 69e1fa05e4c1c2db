import path from "node:path";
import type { Command } from "commander";
import { loadScenarioFile } from "../../scenario/load.ts";
import { runSensitivity, type Sensitivity } from "../../runner/sensitivity.ts";
import { writeFileAtomic } from "../../runner/atomic.ts";
import { toJson } from "../../runner/runset.ts";
import { DEFAULT_SEED } from "../../runner/forecast.ts";
import { DEFAULT_SCENARIO } from "../../version.ts";
import { collect, parseCount, parseSeed } from "../options.ts";
import type { Io } from "../io.ts";
import { UserError } from "../../scenario/problems.ts";
import { ordinalPercentile } from "../format.ts";

export function registerSensitivity(program: Command, io: Io): void {
  program
    .command("sensitivity")
    .description("every uncertain input pinned at its 10th and 90th percentile (exact quantiles of its distribution); outcomes' swings ranked (tornado data)")
    .argument("[scenario]", "scenario file", DEFAULT_SCENARIO)
    .option("--runs <n>", "runs per pinned variant", parseCount("--runs", 10_000_000), 2000)
    .option("--seed <s>", "master seed, the same for every variant", parseSeed, DEFAULT_SEED)
    .option("--quantiles <low,high>", "where to pin each input, as quantiles of its distribution", parseQuantiles, [0.1, 0.9])
    .option("--set <path=value>", "override an assumption first (repeatable)", collect, [])
    .option("--out <dir>", "folder for sensitivity.json")
    .option("--json", "print sensitivity.json on stdout")
    .action((scenario: string, options: { runs: number; seed: number; quantiles: [number, number]; set: string[]; out?: string; json?: boolean }) => {
      const loaded = loadScenarioFile(scenario, options.set);
      const result = runSensitivity(loaded, options.runs, options.seed, options.quantiles);
      const dir = options.out ?? path.resolve("runs", `${loaded.spec.meta.id}-sensitivity-s${options.seed}-n${options.runs}`);
      writeFileAtomic(path.join(dir, "sensitivity.json"), toJson(result));
      if (options.json) io.out(toJson(result));
      else io.out(formatSensitivity(result) + "\n");
      io.err(`sensitivity: ${io.relative(dir)}/sensitivity.json\n`);
    });
}

function parseQuantiles(text: string): [number, number] {
  const parts = text.split(",").map((x) => Number(x.trim()));
  if (parts.length !== 2 || parts.some((q) => !(q >= 0 && q <= 1)) || parts[0] >= parts[1]) {
    throw new UserError(`--quantiles: expected two quantiles low,high with 0 ≤ low < high ≤ 1 (e.g. 0.1,0.9), found '${text}'`);
  }
  return [parts[0], parts[1]];
}

function formatSensitivity(r: Sensitivity): string {
  const pp = (x: number) => `${x >= 0 ? "+" : ""}${(x * 100).toFixed(1)}`.padStart(7);
  const ids = r.rows[0]?.outcomes.map((o) => o.id) ?? [];
  const width = Math.max(5, ...r.rows.map((row) => row.path.length));
  const lines = [`${r.scenario.title}: each uncertain input at its ${ordinalPercentile(r.quantiles[0])} and ${ordinalPercentile(r.quantiles[1])} percentile, ${r.runs.toLocaleString("en-US")} runs each, seed ${r.seed}`];
  lines.push("Swing in percentage points from low to high, largest first:", "");
  lines.push(`  ${"input".padEnd(width)}  ${"low".padStart(8)} ${"high".padStart(8)}  ${ids.map((id) => id.slice(0, 7).padStart(7)).join(" ")}`);
  for (const row of r.rows) {
    const v = (x: number) => String(Math.round(x * 1000) / 1000).padStart(8);
    lines.push(`  ${row.path.padEnd(width)}  ${v(row.low)} ${v(row.high)}  ${row.outcomes.map((o) => pp(o.swing)).join(" ")}`);
  }
  if (r.rows.length === 0) lines.push("  (no uncertain inputs: every number in the scenario is fixed)");
  else lines.push("", quantileNote(r));
  return lines.join("\n");
}

/** Says how the low and high values were found: exactly, or (where a distribution has no inverse) from draws. */
function quantileNote(r: Sensitivity): string {
  const sampled = r.rows.filter((row) => row.quantileMethod === "sampled").map((row) => row.path);
  const exact = "Low and high are exact quantiles of each input's distribution as sampled for its field (inverse CDF, then kept in range and rounded as the field requires)";
  if (sampled.length === 0) return `  ${exact}.`;
  return `  ${exact}, except ${sampled.join(", ")}: quantiles of 20,001 seeded draws (no inverse available).`;
}
