// `bazaar report`: one self-contained report.html from run sets, sweeps and sensitivity analyses.
import { existsSync } from "node:fs";
import path from "node:path";
import * as z from "zod";
import { UserError } from "../scenario/problems.ts";
import { readRunSet, type RunSet } from "../runner/runset.ts";
import { BACKTEST, readSaved, SENSITIVITY, SWEEP } from "../runner/saved-shapes.ts";
import type { Backtest } from "../backtest/backtest.ts";
import { compareRunSets } from "../runner/compare.ts";
import { levelText } from "../stats/multiplicity.ts";
import type { Sweep } from "../runner/sweep.ts";
import type { Sensitivity } from "../runner/sensitivity.ts";
import { VERSION } from "../version.ts";
import { escapeHtml as h, page, type Section } from "./html.ts";
import { renderSvg } from "./render.ts";
import { ordinalPercentile, percent as pct, points } from "../cli/format.ts";
import { metricHistogram, outcomeChart, reliabilityChart, sweepChart, tornadoChart } from "./specs.ts";
import { isDiscoverFolder, readDiscoverFolder } from "../discover/folder.ts";
import type { Discovery } from "../discover/discover.ts";
import { discoverSection } from "./discover.ts";
import { MORRIS, morrisSection, SOBOL, sobolSection } from "./gsa.ts";
import type { MorrisResult, SobolResult } from "../gsa/global.ts";
import { parseSaved, readSavedText } from "../runner/saved-shapes.ts";

type Input =
  | { kind: "runset"; dir: string; runSet: RunSet }
  | { kind: "sweep"; dir: string; sweep: Sweep }
  | { kind: "sensitivity"; dir: string; result: Sensitivity }
  | { kind: "morris"; dir: string; result: MorrisResult }
  | { kind: "sobol"; dir: string; result: SobolResult }
  | { kind: "backtest"; dir: string; backtest: Backtest }
  | { kind: "discover"; dir: string; discovery: Discovery };

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
  const backtestFile = path.join(dir, "backtest.json");
  if (existsSync(backtestFile)) return { kind: "backtest", dir, backtest: readSaved(BACKTEST, backtestFile) as unknown as Backtest };
  if (isDiscoverFolder(dir)) return { kind: "discover", dir, discovery: readDiscoverFolder(dir) };
  return { kind: "runset", dir, runSet: readRunSet(dir) };
}

/** The `method` of a saved sensitivity analysis (undefined for the one-at-a-time analysis of earlier versions). */
function sensitivityMethod(file: string): unknown {
  const data = parseSaved({ shape: z.looseObject({ method: z.unknown().optional() }), what: "a bazaar sensitivity analysis", container: "sensitivity analysis" }, file, readSavedText(file, "sensitivity analysis"));
  return data.method;
}

/** What the report is about when no run set is given: the first input's scenario (a backtest spans several). */
function scenarioOf(input: Input): { title: string } | undefined {
  if (input.kind === "runset") return undefined;
  if (input.kind === "sweep") return input.sweep.scenario;
  if (input.kind === "discover") return input.discovery.run_set.scenario;
  if (input.kind === "backtest") return { title: "Backtest" };
  return input.result.scenario;
}

const chart = (svg: string) => `<div class="chart">${svg}</div>`;

export async function buildReport(dirs: string[]): Promise<string> {
  if (dirs.length === 0) throw new UserError("report: expected at least one run set, sweep, sensitivity, backtest or discover folder");
  const inputs = dirs.map(readInput);
  const runSets = inputs.flatMap((i) => (i.kind === "runset" ? [i.runSet] : []));
  const names = runSets.map((r, k) => `${String.fromCharCode(65 + k)}: ${r.summary.scenario.id}`);
  const first = runSets[0]?.summary.scenario ?? scenarioOf(inputs[0]);
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
    if (input.kind === "backtest") sections.push(await backtestSection(input.backtest));
    if (input.kind === "discover") sections.push(await discoverSection(input.discovery));
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
  const rows = c.outcomes.map((o) => `<tr><td>${h(o.label)}</td><td class="num">${pct(o.a)}</td><td class="num">${pct(o.b)}</td><td class="num">${points(o.difference)} pp</td><td class="num">[${points(o.interval[0])}, ${points(o.interval[1])}]${o.beyondNoise ? " *" : ""}</td></tr>`);
  const diffs = c.assumptions.slice(0, 40).map((d) => `<tr><td><code>${h(d.path)}</code></td><td>${h(JSON.stringify(d.a) ?? "(absent)")}</td><td>${h(JSON.stringify(d.b) ?? "(absent)")}</td></tr>`);
  return {
    title: "Comparison of A and B",
    body: `<p class="verdict">${h(c.verdict)}</p>${c.warnings.map((w) => `<p class="muted">Note: ${h(w)}</p>`).join("")}
${c.agreement ? `<p class="muted">Note: ${h(c.agreement)}</p>` : ""}
<table><tr><th>outcome</th><th>A</th><th>B</th><th>B − A</th><th>${levelText(c.intervals.level)} interval (Newcombe, 1 − α/k with α = ${c.intervals.alpha}, k = ${c.intervals.tests}; * excludes 0)</th></tr>${rows.join("")}</table>
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

async function backtestSection(b: Backtest): Promise<Section> {
  const f = (x: number) => x.toFixed(3);
  const rows = b.scenarios.map((s) => `<tr><td>${h(s.id)}</td><td>${h(s.observed.label)}</td><td class="num">${f(s.model.p_observed)}</td><td class="num">${f(s.model.brier)}</td><td class="num">${f(s.model.log_score)}</td><td class="num">${f(s.uniform.p_observed)}</td></tr>`);
  const mean = `<tr><th>mean (${b.scenarios.length})</th><th></th><th class="num">${f(b.mean.model.p_observed)}</th><th class="num">${f(b.mean.model.brier)}</th><th class="num">${f(b.mean.model.log_score)}</th><th class="num">${f(b.mean.uniform.p_observed)}</th></tr>`;
  const d = b.calibration.decomposition;
  const decomposition = `<table><tr><th>Brier per event</th><th>reliability (lower is better)</th><th>resolution (higher is better)</th><th>uncertainty</th><th>within-bin</th><th>sharpness</th></tr>
<tr>${[d.brier, d.reliability, d.resolution, d.uncertainty, d.withinBinVariance - d.withinBinCovariance, b.calibration.sharpness].map((x) => `<td class="num">${f(x)}</td>`).join("")}</tr></table>`;
  return {
    title: `Backtest (${b.scenarios.length} cases, seed ${b.seed})`,
    body: `<table><tr><th>case</th><th>what happened</th><th>P</th><th>Brier</th><th>log</th><th>P (uniform)</th></tr>${rows.join("")}${mean}</table>
${chart(await renderSvg(reliabilityChart(b.calibration)))}${decomposition}
<p class="muted">Calibration over ${b.calibration.events} events (each case × outcome). Bars: 95% Wilson intervals of the observed frequency; point size: events in the bin. Brier per event = reliability − resolution + uncertainty + within-bin terms (Murphy 1973; Stephenson, Coelho &amp; Jolliffe 2008).</p>`,
  };
}

function provenanceSection(runSets: RunSet[], names: string[]): Section {
  const rows = runSets.map((r, k) => {
    const m = r.manifest;
    return `<tr><td>${h(names[k])}</td><td><code>${h(m.scenario.sha256.slice(0, 16))}…</code></td><td class="num">${m.seed}</td><td class="num">${m.runs.toLocaleString("en-US")}</td><td>${h(m.version)}</td><td>${(m.scenario.overrides ?? []).map((o) => `<code>${h(o)}</code>`).join("<br>") || "none"}</td></tr>`;
  });
  return { title: "Provenance", body: `<table><tr><th>run set</th><th>scenario sha256</th><th>seed</th><th>runs</th><th>bazaar</th><th>overrides</th></tr>${rows.join("")}</table>` };
}
