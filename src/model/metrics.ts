// Compiles the scenario's metrics into functions of the final state.
import type { MetricSpec } from "../scenario/schema/metric.ts";
import { compileCondition, type ConditionContext } from "./conditions.ts";
import type { RunState } from "./state.ts";
import { INDEPENDENT } from "./premier-kind.ts";

export interface CompiledMetric {
  id: string;
  label: string;
  kind: "numeric" | "categorical";
  /** For categorical metrics, the category names indexed by the metric's value. */
  categories: string[];
  /** Numeric value, a category index, or NaN when the metric is undefined for the run. */
  value(s: RunState): number;
}

export interface MetricContext extends ConditionContext {
  ids: string[];
  blocIds: string[];
  blocOf: Int32Array;
}

export function compileMetric(m: MetricSpec, ctx: MetricContext): CompiledMetric {
  const meta = { id: m.id, label: m.label ?? m.id };
  const numeric = (value: (s: RunState) => number): CompiledMetric => ({ ...meta, kind: "numeric", categories: [], value });
  switch (m.type) {
    case "rounds_to_formation":
      return numeric((s) => (s.government >= 0 ? s.formedRound : NaN));
    case "government_seats":
      return numeric((s) => governmentSeats(s));
    case "relation": {
      const [a, b] = m.between.map(ctx.actorIndex);
      return numeric((s) => (s.rel[a * ctx.n + b] + s.rel[b * ctx.n + a]) / 2);
    }
    case "blocs":
      return numeric((s) => countBlocs(s));
    case "condition": {
      const test = compileCondition(m.when, ctx);
      return numeric((s) => (test(s) ? 1 : 0));
    }
    case "pm": {
      const none = ctx.ids.length;
      const independent = none + 1;
      return { ...meta, kind: "categorical", categories: [...ctx.ids, "none", "independent"], value: (s) => (s.pm < 0 ? none : s.pmKind === INDEPENDENT ? independent : s.pm) };
    }
    case "pm_bloc": {
      const unaligned = ctx.blocIds.length;
      const none = unaligned + 1;
      return {
        ...meta,
        kind: "categorical",
        categories: [...ctx.blocIds, "unaligned", "none"],
        value: (s) => (s.pm < 0 ? none : ctx.blocOf[s.pm] >= 0 ? ctx.blocOf[s.pm] : unaligned),
      };
    }
  }
}

function governmentSeats(s: RunState): number {
  if (s.government < 0) return 0;
  let seats = 0;
  for (let i = 0; i < s.coalition.length; i++) if (s.coalition[i] === s.government) seats += s.seats[i];
  return seats;
}

function countBlocs(s: RunState): number {
  const n = s.coalition.length;
  const size = new Int32Array(n);
  for (let i = 0; i < n; i++) size[s.coalition[i]]++;
  let blocs = 0;
  for (let k = 0; k < n; k++) if (size[k] >= 2) blocs++;
  return blocs;
}
