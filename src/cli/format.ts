// Human-readable tables for stdout.
import type { Summary } from "../runner/summary.ts";

/**
 * A probability as a percentage with one decimal, or with two significant digits of its distance
 * from 0% or 100% where one decimal would hide it: a Wilson bound at 0 of 10,000 runs is 0.038%,
 * not 0.0%, and at 10,000 of 10,000 it is 99.962%, not 100.0%.
 */
export function percent(x: number): string {
  return `${(x * 100).toFixed(decimalsToShow(Math.min(Math.abs(x), Math.abs(1 - x)) * 100))}%`;
}

/** A difference of probabilities in signed percentage points, with the same care for small nonzero values. */
export function points(x: number): string {
  const text = (x * 100).toFixed(decimalsToShow(Math.abs(x) * 100));
  return x < 0 && /[1-9]/.test(text) ? text : `+${text.replace(/^-/, "")}`;
}

/** One decimal, or enough for two significant digits of a nonzero `gap` that one decimal would round to 0. */
function decimalsToShow(gap: number): number {
  if (gap === 0 || gap >= 0.05) return 1;
  return Math.max(1, 1 - Math.floor(Math.log10(gap)));
}

/** A quantile as an English ordinal percentile, free of floating-point residue: 0.07 → "7th", 0.025 → "2.5th". */
export function ordinalPercentile(q: number): string {
  const value = Number((q * 100).toPrecision(10));
  return `${value}${Number.isInteger(value) ? ordinalSuffix(value) : "th"}`;
}

function ordinalSuffix(n: number): string {
  if (n % 100 >= 11 && n % 100 <= 13) return "th";
  return ["th", "st", "nd", "rd"][n % 10] ?? "th";
}

const thousands = (n: number) => n.toLocaleString("en-US");

function pad(text: string, width: number, right = false): string {
  return right ? text.padStart(width) : text.padEnd(width);
}

export function formatSummary(summary: Summary, style: { bold: (s: string) => string }): string {
  const lines: string[] = [];
  lines.push(style.bold(summary.scenario.title));
  lines.push(summary.scenario.question);
  lines.push(`${thousands(summary.runs)} runs · seed ${summary.seed} · scenario sha256 ${summary.scenario.sha256.slice(0, 12)} · bazaar ${summary.version}`);
  lines.push("");
  const labelWidth = Math.max(7, ...summary.outcomes.map((o) => o.label.length));
  lines.push(`  ${pad("outcome", labelWidth)}  ${pad("probability", 11, true)}  95% interval`);
  for (const o of summary.outcomes) {
    lines.push(`  ${pad(o.label, labelWidth)}  ${pad(percent(o.probability), 11, true)}  [${percent(o.ci95[0])}, ${percent(o.ci95[1])}]`);
  }
  const metrics = Object.entries(summary.metrics);
  if (metrics.length > 0) {
    lines.push("");
    const width = Math.max(6, ...metrics.map(([, m]) => m.label.length));
    lines.push(`  ${pad("metric", width)}  ${pad("mean", 8, true)} ${pad("sd", 8, true)} ${pad("p05", 8, true)} ${pad("p50", 8, true)} ${pad("p95", 8, true)}`);
    for (const [, m] of metrics) {
      if (m.type === "numeric") {
        // null: no defined value (no runs define the metric; sd with a single value)
        const f = (x: number | null) => pad(x === null ? "–" : String(Number(x.toFixed(3))), 8, true);
        lines.push(`  ${pad(m.label, width)}  ${f(m.mean)} ${f(m.sd)} ${f(m.p05)} ${f(m.p50)} ${f(m.p95)}${m.missing ? `  (${thousands(m.missing)} runs undefined)` : ""}`);
      } else {
        const shares = Object.entries(m.categories)
          .filter(([, c]) => c.count > 0)
          .sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1))
          .map(([name, c]) => `${name} ${percent(c.share)}`);
        lines.push(`  ${pad(m.label, width)}  ${shares.join(" · ")}`);
      }
    }
  }
  return lines.join("\n");
}
