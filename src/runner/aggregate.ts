// What a batch accumulates: outcome counts and metric distributions. Merges are exact (integer
// counts), so any split of the runs into chunks, workers or shards gives the same aggregate.
import type { Model } from "../model/compile.ts";
import type { RunResult } from "../engine/run.ts";
import { Histogram } from "../stats/histogram.ts";
import { UserError } from "../scenario/problems.ts";

export interface AggregateJSON {
  runs: number;
  outcomes: number[];
  numeric: Record<string, ReturnType<Histogram["toJSON"]>>;
  categorical: Record<string, number[]>;
}

export class Aggregate {
  runs = 0;
  readonly outcomes: number[];
  readonly numeric = new Map<string, Histogram>();
  readonly categorical = new Map<string, number[]>();

  constructor(readonly model: Model) {
    this.outcomes = model.outcomes.map(() => 0);
    for (const m of model.metrics) {
      if (m.kind === "numeric") this.numeric.set(m.id, new Histogram());
      else this.categorical.set(m.id, m.categories.map(() => 0));
    }
  }

  add(result: RunResult): void {
    this.runs++;
    this.outcomes[result.outcome]++;
    this.model.metrics.forEach((m, k) => {
      const value = result.metrics[k];
      if (m.kind === "numeric") this.numeric.get(m.id)!.add(value);
      else this.categorical.get(m.id)![value]++;
    });
  }

  merge(other: Aggregate): void {
    this.runs += other.runs;
    other.outcomes.forEach((c, k) => (this.outcomes[k] += c));
    for (const [id, h] of other.numeric) this.numeric.get(id)!.merge(h);
    for (const [id, counts] of other.categorical) {
      const mine = this.categorical.get(id)!;
      counts.forEach((c, k) => (mine[k] += c));
    }
  }

  toJSON(): AggregateJSON {
    return {
      runs: this.runs,
      outcomes: [...this.outcomes],
      numeric: Object.fromEntries([...this.numeric].map(([id, h]) => [id, h.toJSON()])),
      categorical: Object.fromEntries([...this.categorical].map(([id, c]) => [id, [...c]])),
    };
  }

  /** Rebuilds an aggregate saved for `model`; a UserError if its outcomes or metrics are not the model's. */
  static fromJSON(model: Model, data: AggregateJSON): Aggregate {
    const a = new Aggregate(model);
    const numericIds = [...a.numeric.keys()].sort().join(",");
    const categoricalIds = [...a.categorical.keys()].sort().join(",");
    const fits = data.outcomes.length === a.outcomes.length
      && Object.keys(data.numeric).sort().join(",") === numericIds
      && Object.keys(data.categorical).sort().join(",") === categoricalIds
      && Object.entries(data.categorical).every(([id, c]) => c.length === a.categorical.get(id)!.length);
    if (!fits) throw new UserError("a saved aggregate does not match its scenario's outcomes and metrics: the run set is corrupt");
    a.runs = data.runs;
    data.outcomes.forEach((c, k) => (a.outcomes[k] = c));
    for (const [id, h] of Object.entries(data.numeric)) a.numeric.set(id, Histogram.fromJSON(h));
    for (const [id, c] of Object.entries(data.categorical)) a.categorical.set(id, [...c]);
    return a;
  }
}
