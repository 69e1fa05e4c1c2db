import path from "node:path";
import type { Command } from "commander";
import { DEFAULT_BINS, historicalScenarios, MAX_NOISE, runBacktestJob, type Backtest, type Score } from "../../backtest/backtest.ts";
import { percent } from "../format.ts";
import { LOG_FLOOR } from "../../stats/scores.ts";
import { loadScenarioFile } from "../../scenario/load.ts";
import { toJson } from "../../runner/runset.ts";
import { DEFAULT_SEED } from "../../runner/forecast.ts";
import { PACKAGE_ROOT } from "../../version.ts";
import { parseCount, parseSeed } from "../options.ts";
import type { Io } from "../io.ts";
import { writeFileAtomic } from "../../runner/atomic.ts";
import { progressLine } from "../progress.ts";
import { addPoolOptions, shardOf, shardSuffix, removeStale, type PoolOptions } from "../analysis-run.ts";
import { EXIT_INTERRUPTED, resumeCommand, untilDoneOrInterrupted } from "../interrupt.ts";

export function registerBacktest(program: Command, io: Io): void {
  const command = program
    .command("backtest")
    .description("score forecasts of historical scenarios against what happened (Brier and log scores), beside uniform and largest-list baselines")
    .argument("[scenarios...]", "scenario files with `observed` (default: the training set, every such file in the shipped scenarios/history/)")
    .option("--seed <s>", "master seed", parseSeed, DEFAULT_SEED)
    .option("--bins <n>", "equal-width forecast bins of the reliability diagram", parseCount("--bins", 20), DEFAULT_BINS)
    .option("--out <dir>", "folder for backtest.json and the checkpoint of scored scenarios (default: runs/backtest-s<seed>)")
    .option("--json", "print the backtest as JSON on stdout");
  addPoolOptions(command).action(async (files: string[], options: PoolOptions & { seed: number; bins: number; out?: string; json?: boolean }) => {
    const chosen = files.length > 0 ? files.map((f) => loadScenarioFile(f)) : historicalScenarios(path.join(PACKAGE_ROOT, "scenarios", "history"));
    const shard = shardOf(options);
    const dir = path.resolve(options.out ?? path.join("runs", `backtest-s${options.seed}${shardSuffix(shard)}`));
    const progress = progressLine(process.stderr, process.stderr.isTTY === true && !options.json, undefined, "scenarios");
    let interrupted = false;
    removeStale(path.join(dir, "backtest.json"));
    const job = runBacktestJob(chosen, {
      seed: options.seed, workers: options.workers, bins: options.bins, dir, resume: options.resume === true, shard, merge: options.merge.map((d) => path.resolve(d)),
      interrupted: () => interrupted,
      onScenario: (f) => {
        progress.end();
        io.err(`backtest: ${io.relative(f)}\n`);
      },
      onProgress: (done, planned) => progress.update(done, planned),
    });
    const outcome = await untilDoneOrInterrupted(job, () => (interrupted = true), progress);
    if (outcome.status === "interrupted") {
      io.err(`backtest: interrupted with ${outcome.done} of ${outcome.planned} scenarios scored; they are saved in ${io.relative(dir)}.\n`);
      io.err(`resume with: bazaar ${resumeCommand(io.argv, dir)}\n`);
      io.exitCode(EXIT_INTERRUPTED);
      return;
    }
    if (outcome.status === "shard") {
      io.err(`backtest: shard ${shard!.index}/${shard!.count} done (${outcome.planned} scenario${outcome.planned === 1 ? "" : "s"}) in ${io.relative(dir)}; combine the shards with --merge <each shard's folder>\n`);
      return;
    }
    writeFileAtomic(path.join(dir, "backtest.json"), toJson(outcome.backtest));
    io.out(options.json ? toJson(outcome.backtest) : formatBacktest(outcome.backtest) + "\n");
  });
}

const cells = (s: Score | null) => (s ? [s.p_observed, s.brier, s.log_score].map((x) => x.toFixed(3)) : ["–", "–", "–"]);

export function formatBacktest(b: Backtest): string {
  const rows: string[][] = [
    ["scenario", "what happened", "runs", "P", "Brier", "log", "P", "Brier", "log", "P", "Brier", "log"],
    ...b.scenarios.map((s) => [s.id, s.observed.id, s.runs.toLocaleString("en-US"), ...cells(s.model), ...cells(s.uniform), ...cells(s.largest_list)]),
    ...meanRows(b),
  ];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const line = (r: string[]) => "  " + r.map((cell, c) => (c < 2 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join("  ");
  const group = (label: string, from: number) => label.padEnd(widths.slice(from, from + 3).reduce((a, w) => a + w + 2, 0));
  const header = "  " + " ".repeat(widths[0] + widths[1] + widths[2] + 6) + [group("model", 3), group("uniform", 6), group("largest list", 9)].join("").trimEnd();
  return [
    `Backtest: seed ${b.seed}; P = probability given to what happened (higher is better); Brier (0 to 2) and log = −ln P (P floored at ${LOG_FLOOR}) are lower-is-better.`,
    `Runs grow until the sampling noise in P and in the model's Brier score, as a standard error (1 s.e.), is at most ${MAX_NOISE}.`,
    "",
    header,
    ...rows.map(line),
    "",
    ...b.scenarios.map((s) => `  ${s.id}: ${s.observed.label} (${s.observed.date}). ${s.observed.source}`),
    ...(b.scenarios.some((s) => !s.largest_list) ? ["", "  – the largest-list baseline does not apply: the scenario's outcomes do not name who governs.", ...subsetNote(b)] : []),
    "",
    ...calibrationLines(b),
  ].join("\n");
}

/** The reliability diagram as a table, sharpness, and the Brier decomposition (docs/statistics.md). */
export function calibrationLines(b: Backtest): string[] {
  const c = b.calibration;
  if (c.events === 0) return [];
  const d = c.decomposition;
  const f = (x: number) => x.toFixed(3);
  const rows = c.bins.map((bin) => [`${percent(bin.lo)}–${percent(bin.hi)}`, String(bin.count), percent(bin.forecast), percent(bin.observed), `[${percent(bin.interval[0])}, ${percent(bin.interval[1])}]`]);
  const table = [["forecast bin", "events", "mean forecast", "happened", "95% interval"], ...rows];
  const widths = table[0].map((_, k) => Math.max(...table.map((r) => r[k].length)));
  return [
    `Calibration over ${c.events} events (each case × outcome: did it happen?). Well calibrated: "happened" near "mean forecast".`,
    ...table.map((r) => "  " + r.map((cell, k) => (k === 0 ? cell.padEnd(widths[k]) : cell.padStart(widths[k]))).join("  ")),
    `  Brier per event ${f(d.brier)} = reliability ${f(d.reliability)} − resolution ${f(d.resolution)} + uncertainty ${f(d.uncertainty)} + within-bin ${f(d.withinBinVariance - d.withinBinCovariance)} (Murphy 1973; Stephenson et al. 2008).`,
    `  Reliability: lower is better; resolution: higher is better. Sharpness (variance of the forecasts): ${f(c.sharpness)}.`,
  ];
}

/**
 * The mean over every scenario, and, when the largest-list baseline applies to only some of them, the
 * means of all three forecasts over just those, so that the baseline is compared on its own cases.
 */
function meanRows(b: Backtest): string[][] {
  const n = b.mean.scenarios;
  const subset = b.mean.where_largest_list_applies;
  if (!subset || subset.scenarios === n) return [[`mean (${n})`, "", "", ...cells(b.mean.model), ...cells(b.mean.uniform), ...cells(subset?.largest_list ?? null)]];
  return [
    [`mean (${n})`, "", "", ...cells(b.mean.model), ...cells(b.mean.uniform), ...cells(null)],
    [`mean (${subset.scenarios} of ${n})`, "", "", ...cells(subset.model), ...cells(subset.uniform), ...cells(subset.largest_list)],
  ];
}

function subsetNote(b: Backtest): string[] {
  const subset = b.mean.where_largest_list_applies;
  if (!subset) return [];
  const which = subset.scenarios === 1 ? `the scenario where it applies (${subset.ids[0]})` : `the ${subset.scenarios} scenarios where it applies (those without –)`;
  return [`  mean (${subset.scenarios} of ${b.mean.scenarios}): all three forecasts over ${which}, to compare them with it like for like.`];
}
