// `bazaar compare`: did a change move the forecast, by how much, and is it more than sampling noise?
import { newcombeDifference } from "../stats/newcombe.ts";
import { gTest } from "../stats/gtest.ts";
import { jensenShannonDistance } from "../stats/jensen-shannon.ts";
import { bootstrapShift, type Shift } from "../stats/bootstrap.ts";
import type { RunSet } from "./runset.ts";
import type { Summary } from "./summary.ts";
import { allKeyed, itemKey } from "../scenario/item-key.ts";

export const DEFAULT_ALPHA = 0.01;

export interface OutcomeComparison {
  id: string;
  label: string;
  a: number;
  b: number;
  /** b − a, with Newcombe's 95% interval. */
  difference: number;
  ci95: [number, number];
  /** The interval excludes 0. */
  beyondNoise: boolean;
}

export interface Comparison {
  a: Side;
  b: Side;
  warnings: string[];
  outcomes: OutcomeComparison[];
  gTest: { g: number; dof: number; p: number; alpha: number };
  jensenShannon: number;
  exceedsNoise: boolean;
  verdict: string;
  metrics: Record<string, { a: number | null; b: number | null; meanShift: Shift | null; medianShift: Shift | null }>;
  assumptions: { path: string; a: unknown; b: unknown }[];
}

interface Side { dir?: string; scenario: string; sha256: string; seed: number; runs: number }

/** Compares two summaries on the outcomes they share. */
export function compareSummaries(a: Summary, b: Summary, alpha = DEFAULT_ALPHA): Omit<Comparison, "metrics" | "assumptions" | "a" | "b"> {
  const warnings: string[] = [];
  const bIds = new Set(b.outcomes.map((o) => o.id));
  const shared = a.outcomes.filter((o) => bIds.has(o.id));
  const onlyA = a.outcomes.filter((o) => !bIds.has(o.id)).map((o) => o.id);
  const onlyB = b.outcomes.filter((o) => !a.outcomes.some((x) => x.id === o.id)).map((o) => o.id);
  if (onlyA.length || onlyB.length) warnings.push(`the run sets have different outcomes; comparing the ${shared.length} they share (only in A: ${onlyA.join(", ") || "none"}; only in B: ${onlyB.join(", ") || "none"})`);
  if (a.seed === b.seed && a.scenario.sha256 !== b.scenario.sha256) warnings.push("both use the same seed: common random numbers make the test conservative (real differences are, if anything, understated)");
  const outcomes = shared.map((oa): OutcomeComparison => {
    const ob = b.outcomes.find((o) => o.id === oa.id)!;
    const { difference, interval: ci95 } = newcombeDifference(ob.count, b.runs, oa.count, a.runs);
    return { id: oa.id, label: oa.label, a: oa.probability, b: ob.probability, difference, ci95, beyondNoise: ci95[0] > 0 || ci95[1] < 0 };
  });
  const countsA = shared.map((o) => o.count);
  const countsB = shared.map((o) => b.outcomes.find((x) => x.id === o.id)!.count);
  const test = gTest(countsA, countsB);
  const jensenShannon = jensenShannonDistance(countsA, countsB);
  const exceedsNoise = test.p < alpha;
  const p = test.p < 1e-15 ? "< 1e-15" : test.p < 1e-4 ? `= ${test.p.toExponential(1)}` : `= ${test.p.toFixed(4)}`;
  const verdict = exceedsNoise
    ? `The outcome distributions differ beyond sampling noise (G = ${test.g.toFixed(2)} on ${test.dof} df, p ${p} < ${alpha}; Jensen–Shannon distance ${jensenShannon.toFixed(3)}).`
    : `No difference beyond sampling noise (G = ${test.g.toFixed(2)} on ${test.dof} df, p ${p} ≥ ${alpha}; Jensen–Shannon distance ${jensenShannon.toFixed(3)}).`;
  return { warnings, outcomes, gTest: { ...test, alpha }, jensenShannon, exceedsNoise, verdict };
}

export function compareRunSets(a: RunSet, b: RunSet, alpha = DEFAULT_ALPHA): Comparison {
  const base = compareSummaries(a.summary, b.summary, alpha);
  return {
    a: side(a), b: side(b), ...base,
    metrics: compareMetrics(a, b),
    assumptions: diffAssumptions(a.manifest.scenario.resolved, b.manifest.scenario.resolved),
  };
}

function side(r: RunSet): Side {
  return { dir: r.dir, scenario: r.summary.scenario.id, sha256: r.summary.scenario.sha256, seed: r.summary.seed, runs: r.summary.runs };
}

function compareMetrics(a: RunSet, b: RunSet): Comparison["metrics"] {
  const [ca, cb] = [a.checkpoint, b.checkpoint];
  const out: Comparison["metrics"] = {};
  for (const [id, ma] of Object.entries(a.summary.metrics)) {
    const mb = b.summary.metrics[id];
    if (!mb || ma.type !== "numeric" || mb.type !== "numeric") continue;
    const ha = ca?.aggregate.numeric[id];
    const hb = cb?.aggregate.numeric[id];
    const shift = ha && hb ? bootstrapShift(ha.counts, hb.counts, a.summary.seed, id) : null;
    out[id] = { a: ma.mean, b: mb.mean, meanShift: shift?.mean ?? null, medianShift: shift?.median ?? null };
  }
  return out;
}

/** Paths where two resolved scenarios differ; lists of items with ids (or relation pairs) are matched by key. */
export function diffAssumptions(a: unknown, b: unknown, path = ""): { path: string; a: unknown; b: unknown }[] {
  if (JSON.stringify(a) === JSON.stringify(b)) return [];
  if (Array.isArray(a) && Array.isArray(b) && allKeyed(a, b)) {
    const keys = [...new Set([...a.map(itemKey), ...b.map(itemKey)])] as string[];
    return keys.flatMap((k) => diffAssumptions(a.find((x) => itemKey(x) === k), b.find((x) => itemKey(x) === k), `${path}${path ? "." : ""}${k}`));
  }
  if (a && b && typeof a === "object" && typeof b === "object" && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    return keys.flatMap((k) => diffAssumptions((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}${path ? "." : ""}${k}`));
  }
  return [{ path, a, b }];
}
