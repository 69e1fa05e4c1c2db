// Metric shifts for `bazaar compare`: B − A in each numeric metric's mean and median, with 95%
// bootstrap intervals (each on its own: not part of the verdict, not corrected for multiplicity).
// Nested run sets (one holds the other's runs) are bootstrapped as shared runs plus extra runs.
import { bootstrapNestedShift, bootstrapShift, type Shift, type Shifts } from "../stats/bootstrap.ts";
import type { RunSet } from "./runset.ts";
import type { Overlap } from "./overlap.ts";

export interface MetricComparison { a: number | null; b: number | null; meanShift: Shift | null; medianShift: Shift | null }

type Histogram = [number, number][];

export function compareMetrics(a: RunSet, b: RunSet, overlap: Overlap | { kind: "independent" }): Record<string, MetricComparison> {
  const out: Record<string, MetricComparison> = {};
  for (const [id, ma] of Object.entries(a.summary.metrics)) {
    const mb = b.summary.metrics[id];
    if (!mb || ma.type !== "numeric" || mb.type !== "numeric") continue;
    const ha = a.checkpoint?.aggregate.numeric[id]?.counts;
    const hb = b.checkpoint?.aggregate.numeric[id]?.counts;
    const shift = ha && hb ? metricShift(ha, hb, overlap, a.summary.seed, id) : null;
    out[id] = { a: ma.mean, b: mb.mean, meanShift: shift?.mean ?? null, medianShift: shift?.median ?? null };
  }
  return out;
}

function metricShift(ha: Histogram, hb: Histogram, overlap: Overlap | { kind: "independent" }, seed: number, id: string): Shifts | null {
  if (overlap.kind === "identical") return ha.length > 0 ? { mean: zero(), median: zero() } : null;
  if (overlap.kind !== "nested") return bootstrapShift(ha, hb, seed, id);
  const [small, big] = overlap.small === "a" ? [ha, hb] : [hb, ha];
  const extra = subtract(big, small);
  return extra ? bootstrapNestedShift(small, extra, seed, id, overlap.small === "a") : null;
}

const zero = (): Shift => ({ estimate: 0, ci95: [0, 0] });

/** The histogram of the runs in `big` and not in `small`, or null if `small` is not inside `big`. */
function subtract(big: Histogram, small: Histogram): Histogram | null {
  const counts = new Map(big);
  for (const [key, c] of small) {
    const left = (counts.get(key) ?? 0) - c;
    if (left < 0) return null;
    counts.set(key, left);
  }
  return [...counts].filter(([, c]) => c > 0).sort((x, y) => x[0] - y[0]);
}
