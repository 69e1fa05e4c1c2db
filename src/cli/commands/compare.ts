import type { Command } from "commander";
import { compareRunSets, DEFAULT_ALPHA, type Comparison } from "../../runner/compare.ts";
import { readRunSet, toJson } from "../../runner/runset.ts";
import { UserError } from "../../scenario/problems.ts";
import { levelText } from "../../stats/multiplicity.ts";
import type { Io } from "../io.ts";
import { percent as pct, points as pp } from "../format.ts";

export function registerCompare(program: Command, io: Io): void {
  program
    .command("compare")
    .description("per-outcome differences with Bonferroni-corrected intervals, a G-test at --alpha, Jensen–Shannon distance, metric shifts, and which assumptions differ; run sets that share runs (same scenario, seed and version) are compared paired")
    .argument("<runsetA>", "the reference run set folder")
    .argument("<runsetB>", "the run set compared with it")
    .option("--alpha <a>", "familywise significance level of the verdict (G-test) and of the stars (per-outcome intervals at 1 − α/k)", parseAlpha, DEFAULT_ALPHA)
    .option("--json", "print the comparison as JSON")
    .action((a: string, b: string, options: { alpha: number; json?: boolean }) => {
      const comparison = compareRunSets(readRunSet(a), readRunSet(b), options.alpha);
      for (const w of comparison.warnings) io.err(`warning: ${w}\n`);
      io.out(options.json ? toJson(comparison) : formatComparison(comparison) + "\n");
    });
}

function parseAlpha(text: string): number {
  const value = Number(text);
  if (!(value > 0 && value < 1)) throw new UserError(`--alpha: expected a number between 0 and 1, found '${text}'`);
  return value;
}

function formatComparison(c: Comparison): string {
  const lines = [
    `A: ${c.a.scenario} (seed ${c.a.seed}, ${c.a.runs.toLocaleString("en-US")} runs)   B: ${c.b.scenario} (seed ${c.b.seed}, ${c.b.runs.toLocaleString("en-US")} runs)`,
    "",
  ];
  const width = Math.max(7, ...c.outcomes.map((o) => o.label.length));
  lines.push(`  ${"outcome".padEnd(width)}  ${"A".padStart(7)} ${"B".padStart(7)}   B − A (pp)  ${levelText(c.intervals.level)} interval`);
  for (const o of c.outcomes) {
    lines.push(`  ${o.label.padEnd(width)}  ${pct(o.a).padStart(7)} ${pct(o.b).padStart(7)}   ${pp(o.difference).padStart(9)}   [${pp(o.interval[0])}, ${pp(o.interval[1])}]${o.beyondNoise ? "  *" : ""}`);
  }
  lines.push("", c.verdict);
  if (c.agreement) lines.push(`Note: ${c.agreement}`);
  lines.push("", intervalFootnote(c));
  const metrics = Object.entries(c.metrics).filter(([, m]) => m.meanShift);
  if (metrics.length > 0) {
    lines.push("", `  metric shifts (B − A), 95% bootstrap intervals (each on its own, not part of the verdict)${c.overlap.method === "paired-nested" ? ", paired" : ""}:`);
    const f = (x: number) => String(Math.round(x * 1000) / 1000);
    for (const [id, m] of metrics) {
      lines.push(`  ${id.padEnd(24)} mean ${f(m.meanShift!.estimate)} [${f(m.meanShift!.ci95[0])}, ${f(m.meanShift!.ci95[1])}]   median ${f(m.medianShift!.estimate)} [${f(m.medianShift!.ci95[0])}, ${f(m.medianShift!.ci95[1])}]`);
    }
  }
  lines.push("", c.assumptions.length === 0 ? "Assumptions: identical." : `Assumptions that differ (${c.assumptions.length}):`);
  const show = (x: unknown) => {
    const text = JSON.stringify(x) ?? "(absent)";
    return text.length > 60 ? `${text.slice(0, 57)}…` : text;
  };
  for (const d of c.assumptions.slice(0, 30)) lines.push(`  ${d.path}: ${show(d.a)} → ${show(d.b)}`);
  if (c.assumptions.length > 30) lines.push(`  … and ${c.assumptions.length - 30} more (--json lists all)`);
  return lines.join("\n");
}

/** What the intervals and stars are, and how they relate to the verdict. */
function intervalFootnote(c: Comparison): string {
  const { alpha, tests, level } = c.intervals;
  if (c.overlap.method === "identical") return "Intervals: zero width, as the runs are the same.";
  const correction = tests === 1
    ? `= 1 − α, α = ${alpha} (${c.outcomes.length === 2 ? "with two outcomes both rows are one test, so" : "one row, so"} no correction is needed)`
    : `each = 1 − α/${tests}, α = ${alpha} (Bonferroni over the ${tests} rows)`;
  const paired = c.overlap.method === "paired-nested" ? " Paired: from the shared runs and the other run set's extra runs, scaled to B − A." : "";
  return `Intervals: Newcombe's hybrid score interval at ${levelText(level)} ${correction}; * marks an interval that excludes 0, and the chance of any false star is at most α. The verdict is the G-test over the whole distribution at the same α.${paired}`;
}
