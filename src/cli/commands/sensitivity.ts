import path from "node:path";
import type { Command } from "commander";
import { loadScenarioFile } from "../../scenario/load.ts";
import { analyzeSensitivity, sensitivityDesign, type Sensitivity } from "../../runner/sensitivity.ts";
import { analyzeMorris, analyzeSobol, morrisPlan, NOISE_INPUT, sobolPlan, type MorrisResult, type SobolResult } from "../../gsa/global.ts";
import { writeFileAtomic } from "../../runner/atomic.ts";
import { toJson } from "../../runner/runset.ts";
import { DEFAULT_SEED } from "../../runner/forecast.ts";
import { DEFAULT_SCENARIO } from "../../version.ts";
import { collect, parseCount, parseSeed } from "../options.ts";
import type { Io } from "../io.ts";
import { UserError } from "../../scenario/problems.ts";
import { ordinalPercentile } from "../format.ts";
import { addPoolOptions, runDesign, shardOf, shardSuffix, removeStale, type PoolOptions } from "../analysis-run.ts";

const METHODS = ["oat", "morris", "sobol"] as const;
type Method = (typeof METHODS)[number];
const DEFAULT_RUNS: Record<Method, number> = { oat: 2000, morris: 200, sobol: 200 };

interface SensitivityOptions extends PoolOptions {
  method: Method;
  runs?: number;
  runsPerPoint?: number;
  seed: number;
  quantiles: [number, number];
  trajectories: number;
  levels: number;
  samples: number;
  noiseInput: boolean;
  set: string[];
  out?: string;
}

export function registerSensitivity(program: Command, io: Io): void {
  const command = program
    .command("sensitivity")
    .description("which uncertain inputs move the outcomes: one at a time at two percentiles (oat, a tornado), Morris elementary effects (morris: μ*, σ), or Sobol' first-order and total indices (sobol)")
    .argument("[scenario]", "scenario file", DEFAULT_SCENARIO)
    .option("--method <m>", "oat | morris | sobol", parseMethod, "oat")
    .option("--runs-per-point <n>", "runs per design point, the same run indices (common random numbers) at each (default: 2000 for oat, 200 for morris and sobol)", parseCount("--runs-per-point", 10_000_000))
    .option("--runs <n>", "same as --runs-per-point", parseCount("--runs", 10_000_000))
    .option("--seed <s>", "master seed, the same for every point", parseSeed, DEFAULT_SEED)
    .option("--quantiles <low,high>", "oat: where to pin each input, as quantiles of its distribution", parseQuantiles, [0.1, 0.9])
    .option("--trajectories <r>", "morris: number of trajectories", parseCount("--trajectories", 10_000), 10)
    .option("--levels <p>", "morris: grid levels per input (even)", parseLevels, 4)
    .option("--samples <n>", "sobol: base samples N (rows of Saltelli's design; N(k + 2) points for k inputs)", parseCount("--samples", 1_000_000), 64)
    .option("--no-noise-input", "morris, sobol: leave out the noise input (then every point uses the same run indices)")
    .option("--set <path=value>", "override an assumption first (repeatable)", collect, [])
    .option("--out <dir>", "folder for sensitivity.json and the analysis checkpoint")
    .option("--json", "print sensitivity.json on stdout");
  addPoolOptions(command).action(async (scenario: string, options: SensitivityOptions) => {
    const loaded = loadScenarioFile(scenario, options.set);
    const runs = options.runsPerPoint ?? options.runs ?? DEFAULT_RUNS[options.method];
    const shard = shardOf(options);
    const tag = options.method === "oat" ? "sensitivity" : `sensitivity-${options.method}`;
    const dir = path.resolve(options.out ?? path.join("runs", `${loaded.spec.meta.id}-${tag}-s${options.seed}-n${runs}${shardSuffix(shard)}`));
    const common = { runs, seed: options.seed, noiseInput: options.noiseInput };
    let result: Sensitivity | MorrisResult | SobolResult | undefined;
    if (options.method === "oat") {
      const { design, pinned } = sensitivityDesign(loaded, runs, options.seed, options.quantiles);
      removeStale(path.join(dir, "sensitivity.json"));
      const results = await runDesign(io, design, dir, options, "sensitivity");
      if (results) result = analyzeSensitivity(loaded, design, pinned, results, options.quantiles);
    } else if (options.method === "morris") {
      const plan = morrisPlan(loaded, { ...common, trajectories: options.trajectories, levels: options.levels });
      removeStale(path.join(dir, "sensitivity.json"));
      const results = await runDesign(io, plan.design, dir, options, "sensitivity");
      if (results) result = analyzeMorris(loaded, plan, results);
    } else {
      const plan = sobolPlan(loaded, { ...common, samples: options.samples });
      removeStale(path.join(dir, "sensitivity.json"));
      const results = await runDesign(io, plan.design, dir, options, "sensitivity");
      if (results) result = analyzeSobol(loaded, plan, results);
    }
    if (!result) return;
    writeFileAtomic(path.join(dir, "sensitivity.json"), toJson(result));
    if (options.json) io.out(toJson(result));
    else io.out(formatAny(result) + "\n");
    io.err(`sensitivity: ${io.relative(dir)}/sensitivity.json\n`);
  });
}

function parseMethod(text: string): Method {
  if (!(METHODS as readonly string[]).includes(text)) throw new UserError(`--method: expected one of ${METHODS.join(", ")}, found '${text}'`);
  return text as Method;
}

function parseLevels(text: string): number {
  const p = parseCount("--levels", 64)(text);
  if (p < 2 || p % 2 !== 0) throw new UserError(`--levels: expected an even number between 2 and 64, found ${text}`);
  return p;
}

function parseQuantiles(text: string): [number, number] {
  const parts = text.split(",").map((x) => Number(x.trim()));
  if (parts.length !== 2 || parts.some((q) => !(q >= 0 && q <= 1)) || parts[0] >= parts[1]) {
    throw new UserError(`--quantiles: expected two quantiles low,high with 0 ≤ low < high ≤ 1 (e.g. 0.1,0.9), found '${text}'`);
  }
  return [parts[0], parts[1]];
}

function formatAny(r: Sensitivity | MorrisResult | SobolResult): string {
  if ("rows" in r) return formatSensitivity(r);
  return r.method === "morris" ? formatMorris(r) : formatSobol(r);
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

const num = (x: number | null, scale: number, digits: number) => (x === null || !Number.isFinite(x) ? "–" : (x * scale).toFixed(digits));

function formatMorris(r: MorrisResult): string {
  const width = Math.max(5, ...r.inputs.map((i) => i.path.length));
  const lines = [
    `${r.scenario.title}: Morris elementary effects, ${r.trajectories} trajectories on a ${r.levels}-level grid of each input's quantiles, ${r.runs_per_point.toLocaleString("en-US")} runs per point (${r.points.toLocaleString("en-US")} points, ${r.runs_total.toLocaleString("en-US")} runs), seed ${r.seed}`,
    `An elementary effect is the change in the output when one input moves by Δ = ${r.delta.toFixed(3)} of its quantile range, per unit of that range; outcome probabilities in percentage points.`,
    `μ* = mean |effect| (ranking), μ = mean effect (direction), σ = spread (non-linearity or interaction); μ* with a 95% bootstrap interval over trajectories.`,
  ];
  if (r.noise_input) lines.push(`${NOISE_INPUT} re-draws every run, a conservative noise floor: inputs marked "≤ noise" move the output no more than playing other runs does, at this run count.`);
  for (const out of r.outputs) {
    const scale = out.kind === "outcome" ? 100 : 1;
    const noise = out.indices.find((ix) => ix.path === NOISE_INPUT);
    lines.push("", `  ${out.id} (${out.kind === "outcome" ? "probability, pp" : "mean"}):`);
    lines.push(`    ${"input".padEnd(width)}  ${"μ*".padStart(8)}  ${"95% interval".padEnd(19)} ${"μ".padStart(8)} ${"σ".padStart(8)}`);
    for (const ix of [...out.indices].sort((a, b) => b.mu_star - a.mu_star || (a.path < b.path ? -1 : 1))) {
      const mark = noise && ix !== noise && ix.mu_star <= noise.mu_star ? "  ≤ noise" : "";
      const ci = `[${num(ix.mu_star_ci95[0], scale, 2)}, ${num(ix.mu_star_ci95[1], scale, 2)}]`;
      lines.push(`    ${ix.path.padEnd(width)}  ${num(ix.mu_star, scale, 2).padStart(8)}  ${ci.padEnd(19)} ${num(ix.mu, scale, 2).padStart(8)} ${num(ix.sigma, scale, 2).padStart(8)}${mark}`);
    }
  }
  for (const s of r.skipped) lines.push("", `  ${s.id}: left out, ${s.reason}`);
  return lines.join("\n");
}

function formatSobol(r: SobolResult): string {
  const width = Math.max(5, ...r.inputs.map((i) => i.path.length));
  const lines = [
    `${r.scenario.title}: Sobol' indices from Saltelli's design, N = ${r.samples} base samples, ${r.inputs.length} inputs, ${r.runs_per_point.toLocaleString("en-US")} runs per point (${r.points.toLocaleString("en-US")} points, ${r.runs_total.toLocaleString("en-US")} runs), seed ${r.seed}`,
    `S1 = share of the output's variance an input explains alone (Saltelli 2010); ST = share with all its interactions (Jansen). 95% bootstrap intervals over the N samples.`,
  ];
  if (r.noise_input) lines.push(`${NOISE_INPUT} chooses which runs are played: its ST is the share of the variance that is run-to-run noise; inputs marked "≤ noise" explain no more of it than that.`);
  for (const out of r.outputs) {
    lines.push("", `  ${out.id} (${out.kind === "outcome" ? "probability" : "mean"}; variance over the design ${out.variance.toPrecision(3)}; sum of S1 over the inputs ${num(out.sum_s1, 1, 2)}):`);
    lines.push(`    ${"input".padEnd(width)}  ${"S1".padStart(6)}  ${"95% interval".padEnd(15)} ${"ST".padStart(6)}  95% interval`);
    const noise = out.indices.find((ix) => ix.path === NOISE_INPUT);
    for (const ix of [...out.indices].sort((a, b) => (b.st ?? 0) - (a.st ?? 0) || (a.path < b.path ? -1 : 1))) {
      const ci = (c: [number, number] | null) => (c ? `[${num(c[0], 1, 2)}, ${num(c[1], 1, 2)}]` : "–");
      const mark = noise && ix !== noise && (ix.st ?? 0) <= (noise.st ?? 0) ? "  ≤ noise" : "";
      lines.push(`    ${ix.path.padEnd(width)}  ${num(ix.s1, 1, 3).padStart(6)}  ${ci(ix.s1_ci95).padEnd(15)} ${num(ix.st, 1, 3).padStart(6)}  ${ci(ix.st_ci95).padEnd(15)}${mark}`.trimEnd());
    }
  }
  for (const s of r.skipped) lines.push("", `  ${s.id}: left out, ${s.reason}`);
  return lines.join("\n");
}
