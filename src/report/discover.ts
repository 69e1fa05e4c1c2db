// The report's section for a discover folder: the peeling trajectory (coverage against density, the
// chosen box highlighted) as a Vega-Lite chart, and the chosen box with its limits.
import type { Discovery } from "../discover/discover.ts";
import { describeSide, formatP } from "../discover/text.ts";
import { percent } from "../discover/discover.ts";
import { escapeHtml as h, type Section } from "./html.ts";
import { renderSvg } from "./render.ts";

type Spec = Record<string, unknown>;

/**
 * Coverage against density for every box of the trajectory, the chosen box ringed; the chosen box after
 * pasting a diamond, and without its limits that may be noise a square.
 */
export function trajectoryChart(d: Discovery): Spec {
  const values = d.trajectory.map((b) => ({ box: b.index, coverage: b.coverage, density: b.density, mass: b.mass, restricted: b.restrictions.length }));
  const chosen = d.trajectory[d.chosen.index];
  const x = { field: "coverage", type: "quantitative", axis: { format: "%" }, scale: { domain: [0, 1] }, title: `coverage (share of all ${d.outcome.label.toLowerCase()} runs in the box)` };
  const y = { field: "density", type: "quantitative", axis: { format: "%" }, scale: { zero: true }, title: "density (share of the box's runs)" };
  const layers: Spec[] = [
    { data: { values }, mark: { type: "line", color: "#999", strokeWidth: 1 }, encoding: { x, y, order: { field: "box", type: "quantitative" } } },
    {
      data: { values },
      mark: { type: "point", filled: true, size: 45 },
      encoding: { x, y, color: { field: "restricted", type: "quantitative", title: "inputs restricted", scale: { scheme: "viridis" } } },
    },
    {
      data: { values: [{ coverage: chosen.coverage, density: chosen.density, label: `box ${chosen.index}` }] },
      mark: { type: "point", filled: false, size: 260, strokeWidth: 2.5, color: "#d62728" },
      encoding: { x, y },
    },
    {
      data: { values: [{ coverage: chosen.coverage, density: chosen.density, label: `box ${chosen.index} (chosen)` }] },
      mark: { type: "text", align: "left", dx: 12, dy: -10, color: "#d62728", fontWeight: "bold" },
      encoding: { x, y, text: { field: "label" } },
    },
  ];
  if (d.pasting.length > 0) {
    layers.push({
      data: { values: [{ coverage: d.box.coverage, density: d.box.density }] },
      mark: { type: "point", shape: "diamond", filled: true, size: 140, color: "#d62728" },
      encoding: { x, y },
    });
  }
  if (d.pruned.dropped.length > 0) {
    layers.push({
      data: { values: [{ coverage: d.pruned.box.coverage, density: d.pruned.box.density }] },
      mark: { type: "point", shape: "square", filled: true, size: 110, color: "#333" },
      encoding: { x, y },
    });
  }
  const notes = [...(d.pasting.length ? ["◆ after pasting"] : []), ...(d.pruned.dropped.length ? [`■ only limits with quasi-p ≤ ${d.pruned.max_p}`] : [])];
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    width: 520,
    height: 320,
    title: { text: `Peeling trajectory for ${d.outcome.label}: ${d.trajectory.length} boxes`, subtitle: notes.length ? notes.join("   ") : undefined },
    layer: layers,
  };
}

export async function discoverSection(d: Discovery): Promise<Section> {
  const pct1 = (x: number) => `${(x * 100).toFixed(1)}%`;
  const check = (input: string) => d.bootstrap?.inputs.find((c) => c.input === input);
  const rows = d.box.quasi_p.map((q) => {
    const r = d.box.restrictions.find((x) => x.input === q.input)!;
    const c = check(q.input);
    const boot = d.bootstrap ? `<td class="num">${percent(c?.restricted ?? 0)}</td><td class="num">${c?.helps != null ? percent(c.helps) : ""}</td>` : "";
    return `<tr><td><code>${h(describeSide(r, q.side))}</code></td><td class="num">${h(formatP(q.p))}</td><td class="num">${pct1(q.k / q.n)}</td>${boot}</tr>`;
  });
  const bootHead = d.bootstrap ? `<th>restricted in resamples</th><th>helps out of bag</th>` : "";
  const stats = (name: string, b: { coverage: number; density: number; mass: number; restrictions: unknown[] }) =>
    `<tr><td>${h(name)}</td><td class="num">${pct1(b.coverage)}</td><td class="num">${pct1(b.density)}</td><td class="num">${pct1(b.mass)}</td><td class="num">${b.restrictions.length}</td></tr>`;
  const chosen = d.trajectory[d.chosen.index];
  const boxes = [
    stats(`box ${chosen.index} (peeled)`, chosen),
    ...(d.pasting.length ? [stats(`after pasting (${d.pasting.length} step${d.pasting.length === 1 ? "" : "s"})`, d.box)] : []),
    ...(d.pruned.dropped.length ? [stats(`only limits with quasi-p ≤ ${d.pruned.max_p}`, d.pruned.box)] : []),
  ];
  const svg = await renderSvg(trajectoryChart(d));
  const p = d.parameters;
  return {
    title: `Scenario discovery: ${d.outcome.label}`,
    body: `<p class="verdict">${h(d.box.words)}</p>
${d.pruned.dropped.length ? `<p>Keeping only the limits with quasi-p ≤ ${d.pruned.max_p}: ${h(d.pruned.box.words)}</p>` : ""}
<div class="chart">${svg}</div>
<table><tr><th>box</th><th>coverage</th><th>density</th><th>mass</th><th>inputs restricted</th></tr>${boxes.join("")}</table>
${rows.length ? `<table><tr><th>limit</th><th>quasi-p</th><th>density without it</th>${bootHead}</tr>${rows.join("")}</table>` : ""}
<p class="muted">PRIM over ${d.inputs.length} sampled inputs of ${h(d.run_set.name)} (${d.run_set.runs.toLocaleString("en-US")} runs, seed ${d.run_set.seed}); ${h(d.outcome.label)} in ${d.outcome.count.toLocaleString("en-US")} runs (base rate ${pct1(d.outcome.base_rate)}). Peeling ${percent(p.alpha)} at a time to a mass of ${percent(p.min_mass)}; chosen: ${h(d.chosen.rule)}. Quasi-p: one-sided binomial test of the box's density against the box without that limit (as the EMA Workbench).${d.bootstrap ? ` Resamples: PRIM run again on ${d.bootstrap.resamples} bootstrap resamples, each box scored on the runs its resample left out.` : ""}</p>`,
  };
}
