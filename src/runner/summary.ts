// summary.json: the deterministic result of a batch (no timestamps, no paths, no machine details).
import type { Model } from "../model/compile.ts";
import type { LoadedScenario } from "../scenario/load.ts";
import { wilsonInterval } from "../stats/wilson.ts";
import type { NumericSummary } from "../stats/histogram.ts";
import { VERSION } from "../version.ts";
import type { Aggregate } from "./aggregate.ts";

export interface OutcomeSummary {
  id: string;
  label: string;
  count: number;
  probability: number;
  ci95: [number, number];
}

export interface NumericMetricSummary extends NumericSummary {
  label: string;
  type: "numeric";
}

export interface CategoricalMetricSummary {
  label: string;
  type: "categorical";
  n: number;
  /** Categories in declaration order, each with its count and share of runs. */
  categories: Record<string, { count: number; share: number }>;
}

/** A `--precision` batch's target, the most runs it allowed, and what it achieved where it stopped. */
export interface PrecisionResult {
  target: number;
  max_runs: number;
  /** Whether every outcome's 95% Wilson half-width is at most `target` after `runs` runs. */
  reached: boolean;
  /** The largest 95% Wilson half-width over the outcomes after `runs` runs. */
  half_width: number;
}

export interface Summary {
  scenario: { id: string; title: string; question: string; sha256: string };
  seed: number;
  runs: number;
  /** Present only for a `--precision` batch. */
  precision?: PrecisionResult;
  outcomes: OutcomeSummary[];
  metrics: Record<string, NumericMetricSummary | CategoricalMetricSummary>;
  version: string;
}

export const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

export function summarize(loaded: LoadedScenario, model: Model, aggregate: Aggregate, seed: number, precision?: PrecisionResult): Summary {
  const runs = aggregate.runs;
  const outcomes = model.outcomes.map((o, k): OutcomeSummary => {
    const count = aggregate.outcomes[k];
    const [lo, hi] = wilsonInterval(count, runs);
    return { id: o.id, label: o.label, count, probability: round6(runs ? count / runs : 0), ci95: [round6(lo), round6(hi)] };
  });
  const metrics: Summary["metrics"] = {};
  for (const m of model.metrics) {
    if (m.kind === "numeric") {
      metrics[m.id] = { label: m.label, type: "numeric", ...aggregate.numeric.get(m.id)!.summary() };
    } else {
      const counts = aggregate.categorical.get(m.id)!;
      metrics[m.id] = {
        label: m.label,
        type: "categorical",
        n: runs,
        categories: Object.fromEntries(m.categories.map((c, k) => [c, { count: counts[k], share: round6(runs ? counts[k] / runs : 0) }])),
      };
    }
  }
  const { meta } = loaded.spec;
  return {
    scenario: { id: meta.id, title: meta.title, question: meta.question, sha256: loaded.sha256 },
    seed,
    runs,
    ...(precision && { precision }),
    outcomes,
    metrics,
    version: VERSION,
  };
}
