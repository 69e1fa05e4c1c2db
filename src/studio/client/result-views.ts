// The results of a run, a comparison, a sweep and a trace, each with its command line.
import type { CompareView, RunView, SweepView, TraceView } from "../protocol.ts";
import { chartFigure, commandBlock, el } from "./dom.ts";
import { count, interval, pct, pp } from "./format.ts";

function table(caption: string, head: string[], rows: (string | number)[][], rowAttributes: (k: number) => Record<string, string> = () => ({})): HTMLTableElement {
  return el("table", {},
    el("caption", { text: caption }),
    el("thead", {}, el("tr", {}, ...head.map((h) => el("th", { scope: "col", text: h })))),
    el("tbody", {}, ...rows.map((r, k) => el("tr", rowAttributes(k), ...r.map((cell, j) => (j === 0 ? el("th", { scope: "row", text: String(cell) }) : el("td", { text: String(cell) })))))),
  );
}

export function runResult(run: RunView): HTMLElement[] {
  const s = run.summary;
  const changes = run.overrides.length === 0 ? "no changes (the baseline)" : `${run.overrides.length} change${run.overrides.length === 1 ? "" : "s"}`;
  return [
    el("p", { class: "summary-line", text: `${count(s.runs)} runs · seed ${s.seed} · ${changes} · scenario sha256 ${s.scenario.sha256.slice(0, 12)}` }),
    table("Outcome probabilities", ["Outcome", "Probability", "95% interval"],
      s.outcomes.map((o) => [o.label, pct(o.probability), interval(o.ci95[0], o.ci95[1])]),
      (k) => ({ "data-outcome": s.outcomes[k].id, "data-probability": String(s.outcomes[k].probability), "data-count": String(s.outcomes[k].count) })),
    chartFigure(run.charts.outcomes),
    el("details", { class: "metrics", open: true }, el("summary", { text: "Metrics" }), el("div", { class: "chart-grid" }, ...run.charts.metrics.map(chartFigure))),
    commandBlock(run.command),
  ];
}

export function compareResult(c: CompareView): HTMLElement[] {
  return [
    table("Per outcome: variant − baseline", ["Outcome", "Baseline", "Variant", "Difference (pp)", "Interval (pp)", "Beyond noise"],
      c.outcomes.map((o) => [o.label, pct(o.a), pct(o.b), pp(o.difference), interval(o.interval[0], o.interval[1], pp), o.beyondNoise ? "yes" : "no"]),
      (k) => ({ "data-outcome": c.outcomes[k].id, "data-difference": String(c.outcomes[k].difference) })),
    chartFigure(c.chart),
    el("p", { class: "verdict", text: c.verdict }),
    ...c.warnings.map((w) => el("p", { class: "warning", text: `Note: ${w}` })),
    commandBlock(c.command),
  ];
}

export function sweepResult(s: SweepView): HTMLElement[] {
  const labels = s.points[0]?.outcomes.map((o) => o.label) ?? [];
  return [
    chartFigure(s.chart),
    table(`Outcome probabilities across ${s.path} (${count(s.runs)} runs per step, seed ${s.seed})`, [s.path, ...labels],
      s.points.map((p) => [p.value, ...p.outcomes.map((o) => pct(o.probability))])),
    ...s.crossings.map((c) => el("p", { text: `${c.outcomes[1]} overtakes ${c.outcomes[0]} at ${s.path} ≈ ${c.at}` })),
    commandBlock(s.command),
  ];
}

export function traceResult(t: TraceView): HTMLElement[] {
  return [
    el("p", { class: "trace-head", text: `Run ${t.run} of seed ${t.seed} ended in ${t.outcome.label}.` }),
    el("pre", { class: "story", tabindex: 0, "aria-label": `The story of run ${t.run}` }, t.story),
    commandBlock(t.command),
  ];
}
