// `bazaar compare`: did a change move the forecast, by how much, and is it more than sampling noise?
//
// How the verdict and the stars relate, both at the familywise level α (--alpha, default 0.01):
// - the verdict says "differ" iff the G-test over the whole outcome distribution (the shared outcomes,
//   plus "any other outcome" when the outcome sets differ) rejects at α;
// - each row's interval is Newcombe's at level 1 − α/k (Bonferroni over the k distinct per-outcome
//   tests), and a star marks a row whose interval excludes 0: the chance of any false star is ≤ α.
// Both are level-α tests of "no change" but weigh the evidence differently, so near their thresholds
// they can disagree; `agreement` then says so in a sentence.
import { newcombeDifference } from "../stats/newcombe.ts";
import { gTest } from "../stats/gtest.ts";
import { jensenShannonDistance } from "../stats/jensen-shannon.ts";
import { bonferroni, distinctTests, type Correction } from "../stats/multiplicity.ts";
import { UserError } from "../scenario/problems.ts";
import type { RunSet } from "./runset.ts";
import type { Summary } from "./summary.ts";
import { detectOverlap, runSetIdentity, summaryIdentity, type Overlap } from "./overlap.ts";
import { compareMetrics, type MetricComparison } from "./compare-metrics.ts";
import { allKeyed, itemKey } from "../scenario/item-key.ts";

export const DEFAULT_ALPHA = 0.01;
/** The id of the pooled row when the run sets have different outcome sets. */
export const OTHER_ID = "(other)";

export interface OutcomeComparison {
  id: string;
  label: string;
  a: number;
  b: number;
  /** b − a, with Newcombe's interval at `intervals.level` (Bonferroni-corrected). */
  difference: number;
  interval: [number, number];
  /** The interval excludes 0 (a star): a rejection by the Bonferroni test at familywise level α. */
  beyondNoise: boolean;
}

export interface Comparison {
  a: Side;
  b: Side;
  warnings: string[];
  /** Whether A and B share runs, and how the comparison accounts for it. */
  overlap: OverlapReport;
  intervals: { method: "newcombe-hybrid-score"; correction: "bonferroni"; alpha: number; tests: number; level: number };
  outcomes: OutcomeComparison[];
  /** Outcomes pooled into the "any other outcome" row, or null when A and B have the same outcomes. */
  pooled: { onlyA: string[]; onlyB: string[] } | null;
  /** The omnibus test over the rows' categories; null when there is nothing to test. */
  gTest: { g: number; dof: number; p: number; alpha: number; categories: number; between: string } | null;
  jensenShannon: number;
  exceedsNoise: boolean;
  verdict: string;
  /** A sentence when the verdict and the stars disagree; null when they agree. */
  agreement: string | null;
  metrics: Record<string, MetricComparison>;
  assumptions: { path: string; a: unknown; b: unknown }[];
}

export interface OverlapReport {
  kind: Overlap["kind"];
  /** Runs A and B both hold (null when unknown). */
  sharedRuns: number | null;
  /** How the intervals and test treat the two run sets. */
  method: "independent" | "paired-nested" | "identical";
}

interface Side { dir?: string; scenario: string; sha256: string; seed: number; runs: number; version: string }

interface Category { id: string; label: string; a: number; b: number }

interface Table { categories: Category[]; runsA: number; runsB: number; pooled: Comparison["pooled"] }

/**
 * How the samples relate. Nested: the smaller run set's runs are all in the bigger one, so with
 * n shared runs and m extra ones the difference is p_big − p_small = m/(n+m) · (p_extra − p_small),
 * a difference of two independent samples (shared and extra runs) scaled by m/(n+m).
 */
type Design =
  | { kind: "independent" }
  | { kind: "identical" }
  | { kind: "nested"; bigIsB: boolean; small: number[]; extra: number[]; n: number; m: number };

type OutcomePart = Omit<Comparison, "metrics" | "assumptions" | "a" | "b">;

/** Compares two summaries; without `overlap`, both are taken as unsharded batches (runs 0…n−1). */
export function compareSummaries(a: Summary, b: Summary, alpha = DEFAULT_ALPHA, overlap = detectOverlap(summaryIdentity(a), summaryIdentity(b))): OutcomePart {
  const table = outcomeTable(a, b);
  const warnings = tableWarnings(a, b, table);
  const design = designFor(overlap, table, warnings);
  const correction = bonferroni(alpha, distinctTests(table.categories.length));
  const outcomes = table.categories.map((c, k) => outcomeRow(c, k, table, design, correction));
  const test = omnibus(design, table);
  const jensenShannon = jensenShannonDistance(table.categories.map((c) => c.a), table.categories.map((c) => c.b));
  const exceedsNoise = test !== null && test.dof > 0 && test.p < alpha;
  return {
    warnings,
    overlap: overlapReport(overlap, design),
    intervals: { method: "newcombe-hybrid-score", correction: "bonferroni", alpha, tests: correction.tests, level: correction.level },
    outcomes,
    pooled: table.pooled,
    gTest: test && test.dof > 0 ? { ...test, alpha } : null,
    jensenShannon,
    exceedsNoise,
    verdict: verdictText(design, test, table, alpha, jensenShannon),
    agreement: agreementNote(exceedsNoise, outcomes, alpha),
  };
}

export function compareRunSets(a: RunSet, b: RunSet, alpha = DEFAULT_ALPHA): Comparison {
  const overlap = detectOverlap(runSetIdentity(a), runSetIdentity(b));
  const base = compareSummaries(a.summary, b.summary, alpha, overlap);
  return {
    a: side(a), b: side(b), ...base,
    metrics: compareMetrics(a, b, base.overlap.method === "independent" ? { kind: "independent" } : overlap),
    assumptions: diffAssumptions(a.manifest.scenario.resolved, b.manifest.scenario.resolved),
  };
}

function side(r: RunSet): Side {
  return { dir: r.dir, scenario: r.summary.scenario.id, sha256: r.summary.scenario.sha256, seed: r.summary.seed, runs: r.summary.runs, version: r.summary.version };
}

/**
 * The categories compared: the outcomes A and B share, plus "any other outcome" (each side's runs in
 * outcomes the other lacks) when the outcome sets differ. Without a shared outcome there is nothing
 * to compare: with one, the test asks whether its share moved (shared vs any other, 1 df).
 */
export function outcomeTable(a: Summary, b: Summary): Table {
  const inB = new Map(b.outcomes.map((o) => [o.id, o]));
  const inA = new Set(a.outcomes.map((o) => o.id));
  const shared = a.outcomes.filter((o) => inB.has(o.id));
  const onlyA = a.outcomes.filter((o) => !inB.has(o.id)).map((o) => o.id);
  const onlyB = b.outcomes.filter((o) => !inA.has(o.id)).map((o) => o.id);
  if (shared.length === 0) {
    throw new UserError(`compare: A and B have no outcome in common (A: ${onlyA.join(", ")}; B: ${onlyB.join(", ")}), so no outcome share can be compared; compare run sets of scenarios with at least one outcome id in common`);
  }
  const categories: Category[] = shared.map((o) => ({ id: o.id, label: o.label, a: o.count, b: inB.get(o.id)!.count }));
  const pooled = onlyA.length > 0 || onlyB.length > 0 ? { onlyA, onlyB } : null;
  if (pooled) {
    const rest = (runs: number, side: "a" | "b") => runs - categories.reduce((s, c) => s + c[side], 0);
    categories.push({ id: OTHER_ID, label: "Any other outcome", a: rest(a.runs, "a"), b: rest(b.runs, "b") });
  }
  return { categories, runsA: a.runs, runsB: b.runs, pooled };
}

function tableWarnings(a: Summary, b: Summary, table: Table): string[] {
  const warnings: string[] = [];
  if (table.pooled) {
    const shared = table.categories.length - 1;
    warnings.push(`the run sets have different outcomes (only in A: ${table.pooled.onlyA.join(", ") || "none"}; only in B: ${table.pooled.onlyB.join(", ") || "none"}); they are pooled as "any other outcome", and the test runs over the ${shared} shared outcome${shared === 1 ? "" : "s"} plus that one`);
  }
  if (a.seed === b.seed && a.scenario.sha256 !== b.scenario.sha256) warnings.push("both use the same seed: common random numbers make the test conservative (real differences are, if anything, understated)");
  return warnings;
}

function designFor(overlap: Overlap, table: Table, warnings: string[]): Design {
  const runs = (n: number) => `${n.toLocaleString("en-US")} run${n === 1 ? "" : "s"}`;
  const same = "same scenario, seed and bazaar version";
  switch (overlap.kind) {
    case "identical":
      warnings.push(`A and B hold the same ${runs(overlap.runs)} (${same}): every difference is zero by construction`);
      return { kind: "identical" };
    case "nested": {
      const design = nestedDesign(overlap, table);
      const [small, big] = overlap.small === "a" ? ["A", "B"] : ["B", "A"];
      if (!design) {
        warnings.push(`A and B have the ${same}, but their outcome counts do not nest as their run indices say; compared as if independent`);
        return { kind: "independent" };
      }
      warnings.push(`${small}'s ${runs(overlap.shared)} are also ${big}'s (${same}): the comparison is paired — ${big} − ${small} = (${big}'s ${runs(overlap.extra)} beyond them − the shared runs) × ${overlap.extra.toLocaleString("en-US")}/${(overlap.shared + overlap.extra).toLocaleString("en-US")}, with intervals and the test from those two independent groups`);
      return design;
    }
    case "partial":
      warnings.push(overlap.shared === null
        ? `A and B have the ${same}, but a shard's runs cannot be located without its checkpoint: they may share runs, and are compared as if independent (too wide and conservative if they do)`
        : `A and B share ${runs(overlap.shared)} (${same}) but neither holds all of the other's: they are compared as if independent, which overstates the noise (intervals too wide, test conservative)`);
      return { kind: "independent" };
    case "independent":
      if (overlap.sameInputsOtherVersion) warnings.push("A and B have the same scenario and seed but were made by different bazaar versions: if the model did not change between them their runs coincide, and this comparison (as if independent) is conservative");
      return { kind: "independent" };
    case "disjoint":
      return { kind: "independent" };
  }
}

/** The nested design, or null if the counts contradict it (a category with fewer runs in the bigger set). */
function nestedDesign(overlap: Extract<Overlap, { kind: "nested" }>, table: Table): Design | null {
  const bigIsB = overlap.small === "a";
  const small = table.categories.map((c) => (bigIsB ? c.a : c.b));
  const extra = table.categories.map((c, k) => (bigIsB ? c.b : c.a) - small[k]);
  const m = extra.reduce((s, x) => s + x, 0);
  if (extra.some((x) => x < 0) || m !== overlap.extra) return null;
  return { kind: "nested", bigIsB, small, extra, n: overlap.shared, m };
}

function overlapReport(overlap: Overlap, design: Design): OverlapReport {
  const sharedRuns = overlap.kind === "identical" ? overlap.runs
    : overlap.kind === "nested" || overlap.kind === "partial" ? overlap.shared
    : 0;
  const method = design.kind === "nested" ? "paired-nested" : design.kind;
  return { kind: overlap.kind, sharedRuns, method };
}

function outcomeRow(c: Category, k: number, table: Table, design: Design, correction: Correction): OutcomeComparison {
  const [a, b] = [c.a / table.runsA, c.b / table.runsB];
  const interval = rowInterval(c, k, table, design, correction.z);
  return { id: c.id, label: c.label, a: round6(a), b: round6(b), difference: b - a, interval, beyondNoise: interval[0] > 0 || interval[1] < 0 };
}

/** Newcombe's interval for B − A at the corrected z; for nested run sets, the scaled paired one. */
function rowInterval(c: Category, k: number, table: Table, design: Design, z: number): [number, number] {
  if (design.kind === "identical") return [0, 0];
  if (design.kind === "independent") return newcombeDifference(c.b, table.runsB, c.a, table.runsA, z).interval;
  const { small, extra, n, m, bigIsB } = design;
  const [lo, hi] = newcombeDifference(extra[k], m, small[k], n, z).interval.map((x) => (x * m) / (n + m));
  return bigIsB ? [lo, hi] : [-hi, -lo];
}

function omnibus(design: Design, table: Table): { g: number; dof: number; p: number; categories: number; between: string } | null {
  if (design.kind === "identical") return null;
  const categories = table.categories.length;
  if (design.kind === "nested") {
    return { ...gTest(design.small, design.extra), categories, between: `the ${design.bigIsB ? "B" : "A"} runs beyond the shared ones and the shared runs` };
  }
  return { ...gTest(table.categories.map((c) => c.a), table.categories.map((c) => c.b)), categories, between: "A and B" };
}

function verdictText(design: Design, test: ReturnType<typeof omnibus>, table: Table, alpha: number, js: number): string {
  if (design.kind === "identical" || !test) {
    return "Identical runs: A and B hold the same runs (same scenario, seed and bazaar version), so every difference is zero by construction and there is nothing to test.";
  }
  if (test.dof === 0) {
    const only = table.categories.find((c) => c.a + c.b > 0)?.label ?? "one outcome";
    return `No difference to test: every run compared ended in the same outcome (${only}), so the distributions are the same.`;
  }
  const p = test.p < 1e-15 ? "< 1e-15" : test.p < 1e-4 ? `= ${test.p.toExponential(1)}` : `= ${test.p.toFixed(4)}`;
  const over = `over ${test.categories} outcomes${table.pooled ? ", any other pooled" : ""}${design.kind === "nested" ? ", paired" : ""}`;
  return test.p < alpha
    ? `The outcome distributions differ beyond sampling noise (G = ${test.g.toFixed(2)} on ${test.dof} df ${over}, p ${p} < ${alpha}; Jensen–Shannon distance ${js.toFixed(3)}).`
    : `No difference beyond sampling noise (G = ${test.g.toFixed(2)} on ${test.dof} df ${over}, p ${p} ≥ ${alpha}; Jensen–Shannon distance ${js.toFixed(3)}).`;
}

/** A sentence when the verdict (the G-test) and the stars (Bonferroni) disagree. */
export function agreementNote(exceedsNoise: boolean, outcomes: OutcomeComparison[], alpha: number): string | null {
  const starred = outcomes.filter((o) => o.beyondNoise);
  if (exceedsNoise && starred.length === 0) {
    return "No single outcome's interval excludes 0 at the corrected level, although the distribution as a whole differs: the G-test pools the evidence over all outcomes, so a change spread over several of them can be detected without any one standing out.";
  }
  if (!exceedsNoise && starred.length > 0) {
    const names = starred.map((o) => o.label).join(", ");
    return `${names} stand${starred.length === 1 ? "s" : ""} out at the corrected level although the G-test over the whole distribution does not reject at α = ${alpha}: the two tests weigh the evidence differently and both are near their thresholds; the verdict follows the G-test.`;
  }
  return null;
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

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
