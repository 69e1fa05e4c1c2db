// The page's charts: Vega-Lite specifications rendered to SVG on the server with the report's renderer
// (vega from node_modules; nothing is fetched, and the page runs no chart code).
import { renderSvg } from "../../report/render.ts";
import { GRID } from "../../stats/histogram.ts";
import type { Summary } from "../../runner/summary.ts";
import type { Chart, OutcomeDifference, SweepView } from "../protocol.ts";

type Spec = Record<string, unknown>;
const SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json";
const WIDTH = 420;

async function chart(id: string, title: string, spec: Spec): Promise<Chart> {
  return { id, title, svg: await renderSvg({ $schema: SCHEMA, description: title, ...spec }) };
}

export function outcomesChart(summary: Summary): Promise<Chart> {
  const values = summary.outcomes.map((o) => ({ outcome: o.label, probability: o.probability, low: o.ci95[0], high: o.ci95[1] }));
  const y = { field: "outcome", type: "nominal", sort: values.map((v) => v.outcome), title: null, axis: { labelLimit: 200 } };
  return chart("outcomes", "Outcome probabilities with 95% intervals", {
    width: WIDTH,
    data: { values },
    layer: [
      { mark: { type: "bar", opacity: 0.8 }, encoding: { y, x: { field: "probability", type: "quantitative", axis: { format: "%" }, scale: { domain: [0, 1] }, title: "probability" } } },
      { mark: { type: "rule", color: "black", strokeWidth: 2 }, encoding: { y, x: { field: "low", type: "quantitative" }, x2: { field: "high" } } },
    ],
  });
}

/** A numeric metric's histogram from its exact counts, or a categorical metric's shares. */
export function metricChart(id: string, metric: Summary["metrics"][string], counts: [number, number][] | undefined): Promise<Chart> {
  const size = { width: 200, height: 110 };
  if (metric.type === "categorical") {
    const values = Object.entries(metric.categories).filter(([, c]) => c.count > 0).map(([category, c]) => ({ category, share: c.share }));
    return chart(id, metric.label, {
      ...size, title: metric.label, data: { values }, mark: "bar",
      encoding: { y: { field: "category", type: "nominal", sort: "-x", title: null }, x: { field: "share", type: "quantitative", axis: { format: "%" }, title: "runs" } },
    });
  }
  const values = (counts ?? []).map(([key, count]) => ({ value: key / GRID, count }));
  return chart(id, metric.label, {
    ...size, title: metric.label, data: { values }, mark: "bar",
    encoding: {
      x: { field: "value", type: "quantitative", bin: { maxbins: 20 }, title: null },
      y: { aggregate: "sum", field: "count", type: "quantitative", title: "runs" },
    },
  });
}

export function differenceChart(outcomes: OutcomeDifference[], intervalName: string): Promise<Chart> {
  const values = outcomes.map((o) => ({ outcome: o.label, difference: o.difference, low: o.interval[0], high: o.interval[1], beyond: o.beyondNoise ? "beyond noise" : "within noise" }));
  const y = { field: "outcome", type: "nominal", sort: values.map((v) => v.outcome), title: null, axis: { labelLimit: 200 } };
  const color = { field: "beyond", type: "nominal", title: null, scale: { domain: ["beyond noise", "within noise"], range: ["#c0392b", "#7f8c8d"] } };
  return chart("difference", `Variant − baseline, percentage points, with ${intervalName}`, {
    width: WIDTH,
    data: { values },
    layer: [
      { mark: { type: "rule", strokeWidth: 3 }, encoding: { y, x: { field: "low", type: "quantitative", axis: { format: "+.1%" }, title: `variant − baseline (${intervalName})` }, x2: { field: "high" }, color } },
      { mark: { type: "point", filled: true, size: 80 }, encoding: { y, x: { field: "difference", type: "quantitative" }, color } },
      { data: { values: [{ zero: 0 }] }, mark: { type: "rule", strokeDash: [4, 3], color: "black" }, encoding: { x: { field: "zero", type: "quantitative" } } },
    ],
  });
}

export function sweepChart(sweep: Omit<SweepView, "chart" | "command">): Promise<Chart> {
  const values = sweep.points.flatMap((p) => p.outcomes.map((o) => ({ x: p.value, outcome: o.label, probability: o.probability, low: o.ci95[0], high: o.ci95[1] })));
  const x = { field: "x", type: "quantitative", title: sweep.path };
  return chart("sweep", `Outcome probabilities across ${sweep.path}`, {
    width: WIDTH,
    data: { values },
    layer: [
      { mark: { type: "area", opacity: 0.15 }, encoding: { x, y: { field: "low", type: "quantitative" }, y2: { field: "high" }, color: { field: "outcome", type: "nominal" } } },
      { mark: { type: "line", point: true }, encoding: { x, y: { field: "probability", type: "quantitative", axis: { format: "%" }, title: "probability (95% band)" }, color: { field: "outcome", type: "nominal" } } },
    ],
  });
}
