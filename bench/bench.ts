// `npm run bench`: throughput, worker scaling, memory and cost growth, measured on this machine.
// Prints a table and writes bench/results.json. A script, not a test: timings vary with the machine.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { produce } from "immer";
import { loadScenarioFile } from "../src/scenario/load.ts";
import { compileModel } from "../src/model/compile.ts";
import { runBatch } from "../src/runner/batch.ts";
import type { ScenarioSpec } from "../src/scenario/schema/scenario.ts";
import { DEFAULT_SCENARIO, VERSION } from "../src/version.ts";
import { generatedScenario } from "./generate.ts";
import { startAnalysis, type Design } from "../src/runner/analysis.ts";
import { parseVary, sweepDesign } from "../src/runner/sweep.ts";
import { morrisPlan } from "../src/gsa/global.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
const quick = process.argv.includes("--quick");
const scale = quick ? 0.1 : 1;

interface BatchMeasure { runs: number; workers: number; seconds: number; peakRssMB: number }

function batchInChild(runs: number, workers: number): BatchMeasure {
  const out = execFileSync(process.execPath, ["--import", "tsx", path.join(here, "rss-child.ts"), String(runs), String(workers)], { encoding: "utf8" });
  return JSON.parse(out.trim().split("\n").pop()!);
}

/** Microseconds per run, single thread, best of three batches of `runs`. */
function perRunMicros(spec: ScenarioSpec, runs: number): number {
  const model = compileModel(spec);
  runBatch(model, { seed: 2, runs: Math.max(50, runs / 10) });
  let best = Infinity;
  for (let k = 0; k < 3; k++) {
    const t0 = performance.now();
    runBatch(model, { seed: 1, runs });
    best = Math.min(best, performance.now() - t0);
  }
  return (best * 1000) / runs;
}

const log = (s: string) => process.stderr.write(s + "\n");
const rate = (m: BatchMeasure) => Math.round(m.runs / m.seconds);

log(`bazaar ${VERSION} bench on ${os.cpus()[0]?.model ?? "unknown cpu"}, ${os.availableParallelism()} cores, node ${process.version}${quick ? " (quick)" : ""}`);
const throughputRuns = Math.round(200_000 * scale);
log(`throughput: ${throughputRuns} runs with 1 and 2 workers...`);
const one = batchInChild(throughputRuns, 1);
const two = batchInChild(throughputRuns, 2);
const memory: BatchMeasure[] = [];
for (const runs of [10_000, 100_000, 1_000_000].map((r) => Math.round(r * scale))) {
  log(`memory and time: ${runs} runs with 2 workers...`);
  memory.push(batchInChild(runs, 2));
}
const base = loadScenarioFile(DEFAULT_SCENARIO).spec;
const costRuns = Math.round(2000 * scale);
const actors = [6, 12, 24, 48].map((n) => {
  log(`cost per run: ${n} generated actors...`);
  return { actors: n, microsPerRun: perRunMicros(generatedScenario(n), costRuns) };
});
const rounds = [6, 12, 24, 48].map((r) => {
  log(`cost per run: default scenario, ${r} rounds...`);
  const spec = produce(base, (d) => {
    d.rounds.max = r;
  });
  return { rounds: r, microsPerRun: perRunMicros(spec, costRuns) };
});

/** Seconds for an analysis design with `workers` workers, and its point results as JSON (to check they agree). */
async function analysisTime(design: Design, workers: number): Promise<{ seconds: number; json: string }> {
  const t0 = performance.now();
  const r = await startAnalysis(design, { workers }).done;
  if (r.status !== "complete") throw new Error("analysis did not complete");
  return { seconds: (performance.now() - t0) / 1000, json: JSON.stringify(r.results) };
}
const analyses: { name: string; design: Design }[] = [
  { name: "sweep, 6 points", design: sweepDesign(loadScenarioFile(DEFAULT_SCENARIO), [parseVary("drivers.iran_pressure=0:1:6")], Math.round(5000 * scale), 1) },
  { name: "sensitivity --method morris", design: morrisPlan(loadScenarioFile(DEFAULT_SCENARIO), { trajectories: 4, levels: 4, noiseInput: true, runs: Math.round(1000 * scale), seed: 1 }).design },
];
const analysisScaling: { name: string; points: number; runs: number; oneWorker: number; twoWorkers: number; scaling: number; identical: boolean }[] = [];
for (const { name, design } of analyses) {
  log(`analysis: ${name} with 1 and 2 workers...`);
  const a = await analysisTime(design, 1);
  const b = await analysisTime(design, 2);
  analysisScaling.push({
    name, points: design.points.length, runs: design.points.length * design.runs,
    oneWorker: Math.round(a.seconds * 10) / 10, twoWorkers: Math.round(b.seconds * 10) / 10, scaling: Math.round((a.seconds / b.seconds) * 100) / 100, identical: a.json === b.json,
  });
}

const results = {
  version: VERSION,
  machine: { cpus: os.availableParallelism(), cpu: os.cpus()[0]?.model, node: process.version, platform: `${os.type()} ${os.release()}` },
  throughput: { runs: throughputRuns, oneWorker: rate(one), twoWorkers: rate(two), scaling: Math.round((rate(two) / rate(one)) * 100) / 100 },
  memory: memory.map((m) => ({ runs: m.runs, seconds: Math.round(m.seconds * 10) / 10, runsPerSecond: rate(m), peakRssMB: Math.round(m.peakRssMB) })),
  costByActors: actors.map((a) => ({ ...a, microsPerRun: Math.round(a.microsPerRun) })),
  costByRounds: rounds.map((r) => ({ ...r, microsPerRun: Math.round(r.microsPerRun) })),
  analyses: analysisScaling,
};
writeFileSync(path.join(here, "results.json"), JSON.stringify(results, null, 2) + "\n");

const rows: string[] = [];
rows.push(`default scenario (${base.meta.id}), ${throughputRuns.toLocaleString("en-US")} runs`);
rows.push(`  1 worker   ${results.throughput.oneWorker.toLocaleString("en-US").padStart(8)} runs/s`);
rows.push(`  2 workers  ${results.throughput.twoWorkers.toLocaleString("en-US").padStart(8)} runs/s   scaling ${results.throughput.scaling}×`);
rows.push("");
rows.push("  runs        seconds   runs/s   peak RSS (2 workers)");
for (const m of results.memory) rows.push(`  ${m.runs.toLocaleString("en-US").padEnd(10)} ${String(m.seconds).padStart(8)} ${m.runsPerSecond.toLocaleString("en-US").padStart(8)}   ${m.peakRssMB} MB`);
rows.push("");
rows.push("  actors  µs/run (1 thread)      rounds  µs/run (1 thread)");
for (let k = 0; k < 4; k++) rows.push(`  ${String(actors[k].actors).padEnd(6)}  ${String(results.costByActors[k].microsPerRun).padStart(8)}               ${String(rounds[k].rounds).padEnd(6)}  ${String(results.costByRounds[k].microsPerRun).padStart(8)}`);
rows.push("");
rows.push("  analysis (default scenario)            runs    1 worker   2 workers   scaling   same result");
for (const a of analysisScaling) rows.push(`  ${a.name.padEnd(36)} ${a.runs.toLocaleString("en-US").padStart(8)} ${`${a.oneWorker} s`.padStart(10)} ${`${a.twoWorkers} s`.padStart(10)}   ${`${a.scaling}×`.padStart(6)}   ${a.identical ? "yes" : "NO"}`);
console.log(rows.join("\n"));
console.log(`\nwrote ${path.relative(process.cwd(), path.join(here, "results.json"))}`);
