// The report's sections for Morris and Sobol' sensitivity analyses (`sensitivity --method morris|sobol`):
// a μ*–σ chart and an S1/ST chart per outcome, with the numbers in a table beneath.
import * as z from "zod";
import type { MorrisResult, SobolResult } from "../gsa/global.ts";
import { NOISE_INPUT } from "../gsa/global.ts";
import { escapeHtml as h, type Section } from "./html.ts";
import { renderSvg } from "./render.ts";

type Spec = Record<string, unknown>;
const WIDTH = 520;
const Pair = z.tuple([z.number().nullable(), z.number().nullable()]);
const Common = {
  scenario: z.looseObject({ id: z.string(), title: z.string(), sha256: z.string() }),
  seed: z.number().int().min(0),
  runs_per_point: z.number().int().min(1),
  points: z.number().int().min(0),
  noise_input: z.boolean(),
  inputs: z.array(z.looseObject({ path: z.string(), kind: z.enum(["input", "noise"]) })),
};
const Output = { id: z.string(), label: z.string(), kind: z.enum(["outcome", "metric"]) };

export const MorrisShape = z.looseObject({
  method: z.literal("morris"), ...Common, trajectories: z.number().int().min(1), levels: z.number().int().min(2), delta: z.number(),
  outputs: z.array(z.looseObject({ ...Output, indices: z.array(z.object({ path: z.string(), mu: z.number(), mu_star: z.number(), sigma: z.number(), mu_star_ci95: Pair })) })),
});
export const SobolShape = z.looseObject({
  method: z.literal("sobol"), ...Common, samples: z.number().int().min(1),
  outputs: z.array(z.looseObject({ ...Output, variance: z.number(), sum_s1: z.number().nullable(), indices: z.array(z.object({ path: z.string(), s1: z.number().nullable(), st: z.number().nullable(), s1_ci95: Pair.nullable(), st_ci95: Pair.nullable() })) })),
});
export const MORRIS = { shape: MorrisShape, what: "a bazaar Morris sensitivity analysis", container: "sensitivity analysis" };
export const SOBOL = { shape: SobolShape, what: "a bazaar Sobol' sensitivity analysis", container: "sensitivity analysis" };

const chart = (svg: string) => `<div class="chart">${svg}</div>`;
const fmt = (x: number | null | undefined, scale = 1, digits = 2) => (x === null || x === undefined || !Number.isFinite(x) ? "–" : (x * scale).toFixed(digits));

/** Morris screening chart for one output: μ* against σ, one labelled point per input, μ*'s 95% interval as a bar. */
export function morrisChart(result: MorrisResult, output: string): Spec {
  const out = result.outputs.find((o) => o.id === output)!;
  const scale = out.kind === "outcome" ? 100 : 1;
  const labelled = new Set([...out.indices].sort((a, b) => b.mu_star - a.mu_star).slice(0, 6).map((ix) => ix.path).concat(NOISE_INPUT));
  const values = out.indices.map((ix) => ({
    input: ix.path, label: labelled.has(ix.path) ? ix.path : "", kind: ix.path === NOISE_INPUT ? "noise (re-drawn runs)" : "input",
    mu_star: ix.mu_star * scale, sigma: ix.sigma * scale, low: (ix.mu_star_ci95[0] ?? ix.mu_star) * scale, high: (ix.mu_star_ci95[1] ?? ix.mu_star) * scale,
  }));
  const unit = out.kind === "outcome" ? " (pp)" : "";
  const x = { field: "mu_star", type: "quantitative", title: `μ* = mean |elementary effect|${unit}` };
  const color = { field: "kind", type: "nominal", title: null, legend: { labelLimit: 240, orient: "bottom" }, scale: { domain: ["input", "noise (re-drawn runs)"], range: ["#1f77b4", "#d62728"] } };
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    width: WIDTH, height: 260,
    title: `Morris screening of ${out.id}: μ* (influence) against σ (non-linearity, interactions)`,
    data: { values },
    layer: [
      { mark: { type: "rule", opacity: 0.5 }, encoding: { x: { field: "low", type: "quantitative", title: x.title }, x2: { field: "high" }, y: { field: "sigma", type: "quantitative" }, color } },
      { mark: { type: "point", filled: true, size: 60 }, encoding: { x, y: { field: "sigma", type: "quantitative", title: `σ${unit}` }, color, tooltip: [{ field: "input" }, { field: "mu_star", format: ".2f" }, { field: "sigma", format: ".2f" }] } },
      { mark: { type: "text", align: "left", dx: 6, dy: -6, fontSize: 10 }, encoding: { x, y: { field: "sigma", type: "quantitative" }, text: { field: "label" } } },
    ],
  };
}

/** Sobol' chart for one output: S1 and ST per input as bars with their 95% bootstrap intervals, by ST. */
export function sobolChart(result: SobolResult, output: string): Spec {
  const out = result.outputs.find((o) => o.id === output)!;
  const order = [...out.indices].sort((a, b) => (b.st ?? 0) - (a.st ?? 0)).map((ix) => ix.path);
  const values = out.indices.flatMap((ix) => [
    { input: ix.path, index: "S1 (alone)", value: ix.s1, low: ix.s1_ci95?.[0] ?? ix.s1, high: ix.s1_ci95?.[1] ?? ix.s1 },
    { input: ix.path, index: "ST (with interactions)", value: ix.st, low: ix.st_ci95?.[0] ?? ix.st, high: ix.st_ci95?.[1] ?? ix.st },
  ]).filter((v) => v.value !== null);
  const y = { field: "input", type: "nominal", sort: order, title: null, axis: { labelLimit: 320 } };
  const yOffset = { field: "index", sort: ["S1 (alone)", "ST (with interactions)"] };
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    width: WIDTH,
    height: Math.max(120, 26 * out.indices.length),
    title: `Sobol' indices of ${out.id}: share of its variance each input explains`,
    data: { values },
    layer: [
      { mark: { type: "bar", opacity: 0.85 }, encoding: { y, yOffset, x: { field: "value", type: "quantitative", title: "share of variance (95% bootstrap interval)" }, color: { field: "index", type: "nominal", title: null, sort: ["S1 (alone)", "ST (with interactions)"], legend: { labelLimit: 240, orient: "bottom" } } } },
      { mark: { type: "rule", color: "black" }, encoding: { y, yOffset, x: { field: "low", type: "quantitative" }, x2: { field: "high" } } },
    ],
  };
}

export async function morrisSection(result: MorrisResult): Promise<Section> {
  const charts: string[] = [];
  for (const out of result.outputs.filter((o) => o.kind === "outcome")) charts.push(chart(await renderSvg(morrisChart(result, out.id))));
  const rows = result.outputs.filter((o) => o.kind === "outcome").flatMap((out) => {
    const scale = 100;
    return [...out.indices].sort((a, b) => b.mu_star - a.mu_star).map((ix, k) =>
      `<tr>${k === 0 ? `<td rowspan="${out.indices.length}">${h(out.id)}${out.kind === "outcome" ? " (pp)" : ""}</td>` : ""}<td><code>${h(ix.path)}</code></td><td class="num">${fmt(ix.mu_star, scale)}</td><td class="num">[${fmt(ix.mu_star_ci95[0], scale)}, ${fmt(ix.mu_star_ci95[1], scale)}]</td><td class="num">${fmt(ix.mu, scale)}</td><td class="num">${fmt(ix.sigma, scale)}</td></tr>`);
  });
  const note = `Charts and table: outcome probabilities (numeric metrics' means are in sensitivity.json; the six most influential inputs are labelled). ${result.trajectories} trajectories on a ${result.levels}-level grid of each input's quantiles, ${result.runs_per_point.toLocaleString("en-US")} runs per point (${result.points.toLocaleString("en-US")} points), seed ${result.seed}, common random numbers within each trajectory.${result.noise_input ? ` <code>${NOISE_INPUT}</code> re-draws every run: inputs whose μ* is not above its μ* are not told apart from run-to-run noise.` : ""}`;
  return {
    title: "Sensitivity (Morris elementary effects)",
    body: `${charts.join("")}<p class="muted">${note}</p><table><tr><th>output</th><th>input</th><th>μ*</th><th>95% interval</th><th>μ</th><th>σ</th></tr>${rows.join("")}</table>`,
  };
}

export async function sobolSection(result: SobolResult): Promise<Section> {
  const charts: string[] = [];
  for (const out of result.outputs.filter((o) => o.kind === "outcome")) charts.push(chart(await renderSvg(sobolChart(result, out.id))));
  const ci = (c: [number | null, number | null] | null) => (c ? `[${fmt(c[0])}, ${fmt(c[1])}]` : "–");
  const rows = result.outputs.filter((o) => o.kind === "outcome").flatMap((out) =>
    [...out.indices].sort((a, b) => (b.st ?? 0) - (a.st ?? 0)).map((ix, k) =>
      `<tr>${k === 0 ? `<td rowspan="${out.indices.length}">${h(out.id)}<br><span class="muted">ΣS1 ${fmt(out.sum_s1)}</span></td>` : ""}<td><code>${h(ix.path)}</code></td><td class="num">${fmt(ix.s1, 1, 3)}</td><td class="num">${ci(ix.s1_ci95)}</td><td class="num">${fmt(ix.st, 1, 3)}</td><td class="num">${ci(ix.st_ci95)}</td></tr>`));
  const note = `Charts and table: outcome probabilities (numeric metrics' means are in sensitivity.json). Saltelli's design with N = ${result.samples} base samples (${result.points.toLocaleString("en-US")} points), ${result.runs_per_point.toLocaleString("en-US")} runs per point, seed ${result.seed}; S1 by Saltelli et al. (2010), ST by Jansen (1999), 95% bootstrap intervals over the N samples.${result.noise_input ? ` <code>${NOISE_INPUT}</code> chooses which runs are played: its ST is the share of the variance that is run-to-run noise.` : ""}`;
  return {
    title: "Sensitivity (Sobol' indices)",
    body: `${charts.join("")}<p class="muted">${note}</p><table><tr><th>output</th><th>input</th><th>S1</th><th>95% interval</th><th>ST</th><th>95% interval</th></tr>${rows.join("")}</table>`,
  };
}
