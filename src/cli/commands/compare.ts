import type { Command } from "commander";
import { compareRunSets, DEFAULT_ALPHA, type Comparison } from "../../runner/compare.ts";
import { readRunSet, toJson } from "../../runner/runset.ts";
import { UserError } from "../../scenario/problems.ts";
import type { Io } from "../io.ts";
import { percent as pct, points as pp } from "../format.ts";

export function registerCompare(program: Command, io: Io): void {
  program
    .command("compare")
    .description("per-outcome differences with 95% intervals, a G-test, Jensen–Shannon distance, metric shifts, and which assumptions differ")
    .argument("<runsetA>", "the reference run set folder")
    .argument("<runsetB>", "the run set compared with it")
    .option("--alpha <a>", "significance level of the verdict", parseAlpha, DEFAULT_ALPHA)
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
  lines.push(`  ${"outcome".padEnd(width)}  ${"A".padStart(7)} ${"B".padStart(7)}   B − A (pp)  95% interval`);
  for (const o of c.outcomes) {
    lines.push(`  ${o.label.padEnd(width)}  ${pct(o.a).padStart(7)} ${pct(o.b).padStart(7)}   ${pp(o.difference).padStart(9)}   [${pp(o.ci95[0])}, ${pp(o.ci95[1])}]${o.beyondNoise ? "  *" : ""}`);
  }
  lines.push("", c.verdict);
  const metrics = Object.entries(c.metrics).filter(([, m]) => m.meanShift);
  if (metrics.length > 0) {
    lines.push("", "  metric shifts (B − A), 95% bootstrap intervals:");
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
