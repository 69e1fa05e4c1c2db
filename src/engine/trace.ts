// Tracing one run: the model's hooks collect the story (src/model/tracer.ts); this closes it with the
// outcome and why it matched.
import type { Model } from "../model/compile.ts";
import type { RunState } from "../model/state.ts";
import { Tracer, type TraceEntry } from "../model/tracer.ts";
import type { Rng } from "../rng/rng.ts";
import { explainCondition } from "./explain.ts";

export { Tracer, type TermValues, type TraceEntry } from "../model/tracer.ts";

/** Runs one run with a tracer and closes the story with the outcome and why it matched. */
export function traceRun(engine: { run(rng: Rng, trace?: Tracer): { outcome: number }; state: RunState; model: Model }, rng: Rng): { entries: TraceEntry[]; outcome: number } {
  const tracer = new Tracer(engine.model);
  const { outcome } = engine.run(rng, tracer);
  const s = engine.state;
  const model = engine.model;
  const spec = model.spec.outcomes[outcome];
  const labels = [...new Set(Array.from(s.coalition))].sort((a, b) => a - b);
  tracer.add({
    kind: "outcome", id: spec.id, label: spec.label, rounds: s.round,
    because: spec.when ? explainCondition(spec.when, model, s) : whyNoneEarlier(model, s, outcome),
    coalitions: labels.map((l) => tracer.members(s, l)),
    government: s.government >= 0 ? tracer.members(s, s.government) : null,
    pm: s.pm >= 0 ? model.ids[s.pm] : null,
  });
  return { entries: tracer.entries, outcome };
}

function whyNoneEarlier(model: Model, s: RunState, outcome: number): string {
  const earlier = model.spec.outcomes.slice(0, outcome);
  return `no earlier outcome held: ${earlier.map((o) => `not ${o.label}, as ${explainCondition(o.when!, model, s)}`).join("; ")}`;
}
