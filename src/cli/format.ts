// Human-readable tables for stdout.
import type { Summary } from "../runner/summary.ts";

const percent = (x: number) => `${(x * 100).toFixed(1)}%`;
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
    lines.push(`  ${pad("metric", width)}  ${pad("mean", 8, true)} ${pad("p05", 8, true)} ${pad("p50", 8, true)} ${pad("p95", 8, true)}`);
    for (const [, m] of metrics) {
      if (m.type === "numeric") {
        const f = (x: number | null) => pad(x === null ? "–" : String(Number(x.toFixed(3))), 8, true);
        lines.push(`  ${pad(m.label, width)}  ${f(m.mean)} ${f(m.p05)} ${f(m.p50)} ${f(m.p95)}${m.missing ? `  (${thousands(m.missing)} runs undefined)` : ""}`);
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
