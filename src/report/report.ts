// `bazaar report`: one self-contained report.html from run sets, sweeps and sensitivity analyses.
import { existsSync } from "node:fs";
import path from "node:path";
import * as z from "zod";
import { UserError } from "../scenario/problems.ts";
import { readRunSet, type RunSet } from "../runner/runset.ts";
import { readSaved, SENSITIVITY, SWEEP } from "../runner/saved-shapes.ts";
import { compareRunSets } from "../runner/compare.ts";
import type { Sweep } from "../runner/sweep.ts";
import type { Sensitivity } from "../runner/sensitivity.ts";
import { VERSION } from "../version.ts";
import { escapeHtml as h, page, type Section } from "./html.ts";
import { renderSvg } from "./render.ts";
import { ordinalPercentile, percent as pct, points } from "../cli/format.ts";
import { metricHistogram, outcomeChart, sweepChart, tornadoChart } from "./specs.ts";
import { MORRIS, morrisSection, SOBOL, sobolSection } from "./gsa.ts";
import type { MorrisResult, SobolResult } from "../gsa/global.ts";
import { parseSaved, readSavedText } from "../runner/saved-shapes.ts";

type Input = { kind: "runset"; dir: string; runSet: RunSet } | { kind: "sweep"; dir: string; sweep: Sweep } | { kind: "sensitivity"; dir: string; result: Sensitivity }
  | { kind: "morris"; dir: string; result: MorrisResult } | { kind: "sobol"; dir: string; result: SobolResult };

export function readInput(dir: string): Input {
  const sweepFile = path.join(dir, "sweep.json");
  if (existsSync(sweepFile)) return { kind: "sweep", dir, sweep: readSaved(SWEEP, sweepFile) as unknown as Sweep };
  const sensitivityFile = path.join(dir, "sensitivity.json");
  if (existsSync(sensitivityFile)) {
    const method = sensitivityMethod(sensitivityFile);
    if (method === "morris") return { kind: "morris", dir, result: readSaved(MORRIS, sensitivityFile) as unknown as MorrisResult };
    if (method === "sobol") return { kind: "sobol", dir, result: readSaved(SOBOL, sensitivityFile) as unknown as SobolResult };
    return { kind: "sensitivity", dir, result: readSaved(SENSITIVITY, sensitivityFile) as unknown as Sensitivity };
  }
  return { kind: "runset", dir, runSet: readRunSet(dir) };
}

/** The `method` of a saved sensitivity analysis (undefined for the one-at-a-time analysis of earlier versions). */
function sensitivityMethod(file: string): unknown {
  const data = parseSaved({ shape: z.looseObject({ method: z.unknown().optional() }), what: "a bazaar sensitivity analysis", container: "sensitivity analysis" }, file, readSavedText(file, "sensitivity analysis"));
  return data.method;
}

const chart = (svg: string) => `<div class="chart">${svg}</div>`;

export async function buildReport(dirs: string[]): Promise<string> {
  if (dirs.length === 0) throw new UserError("report: expected at least one run set, sweep or sensitivity folder");
  const inputs = dirs.map(readInput);
  const runSets = inputs.flatMap((i) => (i.kind === "runset" ? [i.runSet] : []));
  const names = runSets.map((r, k) => `${String.fromCharCode(65 + k)}: ${r.summary.scenario.id}`);
  const first = runSets[0]?.summary.scenario ?? (inputs[0].kind === "sweep" ? inputs[0].sweep.scenario : inputs[0].kind !== "runset" ? inputs[0].result.scenario : undefined);
  const sections: Section[] = [];
  if (runSets.length > 0) sections.push(await forecastSection(runSets, names));
  if (runSets.length === 2) sections.push(comparisonSection(runSets[0], runSets[1]));
  if (runSets.length > 0) {
    const histograms = await metricsSection(runSets[0]);
    if (histograms) sections.push(histograms);
  }
  for (const input of inputs) {
    if (input.kind === "sweep") sections.push(await sweepSection(input.sweep));
    if (input.kind === "sensitivity") sections.push(await sensitivitySection(input.result));
    if (input.kind === "morris") sections.push(await morrisSection(input.result));
    if (input.kind === "sobol") sections.push(await sobolSection(input.result));
  }
  if (runSets.length > 0) sections.push(provenanceSection(runSets, names));
  const question = runSets[0]?.summary.scenario.question;
  const header = question ? `<p class="question">${h(question)}</p>` : "";
  return page(first ? first.title : "bazaar report", header, sections, `Made by bazaar ${h(VERSION)}. Charts are Vega-Lite specifications rendered to SVG; the page loads nothing from the network.`);
}

async function forecastSection(runSets: RunSet[], names: string[]): Promise<Section> {
  const svg = await renderSvg(outcomeChart(runSets.map((r, k) => ({ name: names[k], summary: r.summary }))));
  const rows = runSets[0].summary.outcomes.map((o) => {
    const cells = runSets.map((r) => {
      const x = r.summary.outcomes.find((y) => y.id === o.id);
      return x ? `<td class="num">${pct(x.probability)}</td><td class="num">[${pct(x.ci95[0])}, ${pct(x.ci95[1])}]</td>` : "<td></td><td></td>";
    });
    return `<tr><td>${h(o.label)}</td>${cells.join("")}</tr>`;
  });
  const head = runSets.map((_, k) => `<th>${h(names[k])}</th><th>95% interval</th>`).join("");
  return { title: "Outcome probabilities", body: `${chart(svg)}<table><tr><th>outcome</th>${head}</tr>${rows.join("")}</table>` };
}

function comparisonSection(a: RunSet, b: RunSet): Section {
  const c = compareRunSets(a, b);
  const rows = c.outcomes.map((o) => `<tr><td>${h(o.label)}</td><td class="num">${pct(o.a)}</td><td class="num">${pct(o.b)}</td><td class="num">${points(o.difference)} pp</td><td class="num">[${points(o.ci95[0])}, ${points(o.ci95[1])}]</td></tr>`);
  const diffs = c.assumptions.slice(0, 40).map((d) => `<tr><td><code>${h(d.path)}</code></td><td>${h(JSON.stringify(d.a) ?? "(absent)")}</td><td>${h(JSON.stringify(d.b) ?? "(absent)")}</td></tr>`);
  return {
    title: "Comparison of A and B",
    body: `<p class="verdict">${h(c.verdict)}</p>${c.warnings.map((w) => `<p class="muted">Note: ${h(w)}</p>`).join("")}
<table><tr><th>outcome</th><th>A</th><th>B</th><th>B − A</th><th>95% interval (Newcombe)</th></tr>${rows.join("")}</table>
<p>${c.assumptions.length === 0 ? "The two scenarios make the same assumptions." : `Assumptions that differ (${c.assumptions.length}):`}</p>${diffs.length ? `<table><tr><th>path</th><th>A</th><th>B</th></tr>${diffs.join("")}</table>` : ""}`,
  };
}

async function metricsSection(runSet: RunSet): Promise<Section | undefined> {
  const checkpoint = runSet.checkpoint;
  if (!checkpoint) return undefined;
  const charts: string[] = [];
  for (const [id, hist] of Object.entries(checkpoint.aggregate.numeric)) {
    if (hist.counts.length === 0) continue;
    charts.push(chart(await renderSvg(metricHistogram(runSet.summary.metrics[id]?.label ?? id, hist.counts))));
  }
  return charts.length ? { title: `Metrics (${runSet.summary.scenario.id})`, body: `<div class="grid">${charts.join("")}</div>` } : undefined;
}

async function sweepSection(sweep: Sweep): Promise<Section> {
  const crossings = sweep.crossings.map((c) => `<li>${h(c.outcomes[1])} overtakes ${h(c.outcomes[0])} at ${h(c.path)} ≈ ${c.at}</li>`).join("");
  return { title: `Sweep: ${sweep.vary.map((v) => v.path).join(" × ")}`, body: `${chart(await renderSvg(sweepChart(sweep)))}<p class="muted">${sweep.runs.toLocaleString("en-US")} runs per point, seed ${sweep.seed} at every point (common random numbers).</p>${crossings ? `<ul>${crossings}</ul>` : ""}` };
}

async function sensitivitySection(result: Sensitivity): Promise<Section> {
  const outcomes = result.rows[0]?.outcomes.map((o) => o.id) ?? [];
  const charts: string[] = [];
  for (const o of outcomes) charts.push(chart(await renderSvg(tornadoChart(result, o))));
  return { title: "Sensitivity (tornado)", body: `${charts.join("")}<p class="muted">Each input pinned at its ${ordinalPercentile(result.quantiles[0])} (blue) and ${ordinalPercentile(result.quantiles[1])} (red) percentile, ${result.runs.toLocaleString("en-US")} runs each.</p>` };
}

function provenanceSection(runSets: RunSet[], names: string[]): Section {
  const rows = runSets.map((r, k) => {
    const m = r.manifest;
    return `<tr><td>${h(names[k])}</td><td><code>${h(m.scenario.sha256.slice(0, 16))}…</code></td><td class="num">${m.seed}</td><td class="num">${m.runs.toLocaleString("en-US")}</td><td>${h(m.version)}</td><td>${(m.scenario.overrides ?? []).map((o) => `<code>${h(o)}</code>`).join("<br>") || "none"}</td></tr>`;
  });
  return { title: "Provenance", body: `<table><tr><th>run set</th><th>scenario sha256</th><th>seed</th><th>runs</th><th>bazaar</th><th>overrides</th></tr>${rows.join("")}</table>` };
}
