// Vega-Lite specifications for the report's charts. Data is inlined; nothing is fetched at view time.
import type { Summary } from "../runner/summary.ts";
import type { Sweep } from "../runner/sweep.ts";
import type { Sensitivity } from "../runner/sensitivity.ts";
import { GRID } from "../stats/histogram.ts";
import type { Calibration } from "../stats/reliability.ts";

type Spec = Record<string, unknown>;
const WIDTH = 520;

/** Outcome probabilities with 95% interval bars; one colour per run set when there are several. */
export function outcomeChart(sets: { name: string; summary: Summary }[]): Spec {
  const values = sets.flatMap(({ name, summary }) =>
    summary.outcomes.map((o) => ({ run_set: name, outcome: o.label, probability: o.probability, low: o.ci95[0], high: o.ci95[1] })),
  );
  const order = sets[0].summary.outcomes.map((o) => o.label);
  const y = { field: "outcome", type: "nominal", sort: order, title: null };
  const offset = sets.length > 1 ? { yOffset: { field: "run_set" }, color: { field: "run_set", title: "run set" } } : {};
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    width: WIDTH,
    data: { values },
    layer: [
      { mark: { type: "bar", opacity: 0.85 }, encoding: { y, x: { field: "probability", type: "quantitative", axis: { format: "%" }, scale: { domain: [0, 1] }, title: "probability" }, ...offset } },
      { mark: { type: "rule", color: "black" }, encoding: { y, x: { field: "low", type: "quantitative" }, x2: { field: "high" }, ...("yOffset" in offset ? { yOffset: offset.yOffset } : {}) } },
    ],
  };
}

/** A histogram of one numeric metric from its exact counts. */
export function metricHistogram(label: string, counts: [number, number][]): Spec {
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    width: 240,
    height: 120,
    title: label,
    data: { values: counts.map(([key, count]) => ({ value: key / GRID, count })) },
    mark: "bar",
    encoding: {
      x: { field: "value", type: "quantitative", bin: { maxbins: 20 }, title: null },
      y: { aggregate: "sum", field: "count", type: "quantitative", title: "runs" },
    },
  };
}

/**
 * Outcome probabilities along a sweep: one line per outcome over the first assumption. A 2-D sweep
 * gets one panel per value of the second assumption, each drawn only from its own grid points.
 */
export function sweepChart(sweep: Sweep): Spec {
  const [first, second] = sweep.vary;
  const values = sweep.points.flatMap((p) =>
    p.outcomes.map((o) => ({ x: p.values[first.path], ...(second ? { slice: p.values[second.path] } : {}), outcome: o.label, probability: o.probability, low: o.ci95[0], high: o.ci95[1] })),
  );
  const layer = [
    { mark: { type: "area", opacity: 0.15 }, encoding: { x: { field: "x", type: "quantitative", title: first.path }, y: { field: "low", type: "quantitative", title: "probability (95% band)" }, y2: { field: "high" }, color: { field: "outcome" } } },
    { mark: { type: "line", point: true }, encoding: { x: { field: "x", type: "quantitative" }, y: { field: "probability", type: "quantitative", axis: { format: "%" }, title: "probability (95% band)" }, color: { field: "outcome" } } },
  ];
  const head = { $schema: "https://vega.github.io/schema/vega-lite/v5.json", data: { values } };
  if (!second) return { ...head, width: WIDTH, title: `Sweep over ${first.path}`, layer };
  return {
    ...head,
    title: `Sweep over ${first.path}, one panel per value of ${second.path}`,
    facet: { field: "slice", type: "ordinal", sort: second.values, title: second.path },
    columns: Math.min(3, second.values.length),
    spec: { width: second.values.length === 1 ? WIDTH : 240, height: 160, layer },
  };
}

/** Tornado chart: each input's swing in one outcome's probability, largest first. */
export function tornadoChart(result: Sensitivity, outcome: string): Spec {
  const values = result.rows.map((r) => {
    const o = r.outcomes.find((x) => x.id === outcome)!;
    return { input: r.path, low: o.low, high: o.high, swing: Math.abs(o.swing) };
  });
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    width: WIDTH,
    title: `Sensitivity of ${outcome}: probability with each input at its low and high value`,
    data: { values },
    layer: [
      { mark: { type: "rule", strokeWidth: 8, opacity: 0.6 }, encoding: { y: { field: "input", type: "nominal", sort: { field: "swing", order: "descending" }, title: null, axis: { labelLimit: 320 } }, x: { field: "low", type: "quantitative", axis: { format: "%" }, title: "probability" }, x2: { field: "high" } } },
      { mark: { type: "point", filled: true, color: "#1f77b4" }, encoding: { y: { field: "input", type: "nominal", sort: { field: "swing", order: "descending" } }, x: { field: "low", type: "quantitative" } } },
      { mark: { type: "point", filled: true, color: "#d62728" }, encoding: { y: { field: "input", type: "nominal", sort: { field: "swing", order: "descending" } }, x: { field: "high", type: "quantitative" } } },
    ],
  };
}

/**
 * Reliability diagram: each forecast bin's mean forecast against how often its events happened, with
 * the 95% Wilson interval and a point sized by the bin's count; the diagonal is perfect calibration.
 */
export function reliabilityChart(calibration: Calibration): Spec {
  const values = calibration.bins.map((b) => ({ bin: `${Math.round(b.lo * 100)}–${Math.round(b.hi * 100)}%`, forecast: b.forecast, observed: b.observed, low: b.interval[0], high: b.interval[1], events: b.count }));
  const axis = (title: string) => ({ type: "quantitative", scale: { domain: [0, 1] }, axis: { format: "%" }, title });
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    width: 360,
    height: 360,
    title: "Reliability: forecast probability against how often it happened",
    layer: [
      { data: { values: [{ x: 0, y: 0 }, { x: 1, y: 1 }] }, mark: { type: "line", color: "#999", strokeDash: [4, 4] }, encoding: { x: { field: "x", ...axis("mean forecast probability") }, y: { field: "y", ...axis("observed frequency") } } },
      { data: { values }, mark: { type: "rule", color: "#1f77b4" }, encoding: { x: { field: "forecast", type: "quantitative" }, y: { field: "low", type: "quantitative" }, y2: { field: "high" } } },
      { data: { values }, mark: { type: "point", filled: true, color: "#1f77b4" }, encoding: { x: { field: "forecast", type: "quantitative" }, y: { field: "observed", type: "quantitative" }, size: { field: "events", type: "quantitative", title: "events" }, tooltip: [{ field: "bin" }, { field: "events" }] } },
    ],
  };
}
