// The story of one run, collected through optional hooks in the engine. A batch passes no tracer, so
// tracing changes nothing about a run: the same seed and index give the same run with or without it.
import type { Model } from "../model/compile.ts";
import type { RunState } from "../model/state.ts";
import { utility } from "../model/utility.ts";
import { explainCondition } from "./explain.ts";

export interface TermValues { power: number; iran: number; base: number; relations: number; total: number }

export type TraceEntry =
  | { kind: "assumptions"; values: { path: string; value: number }[] }
  | { kind: "round"; round: number }
  | { kind: "event"; round: number; id: string; label: string }
  | { kind: "choice"; round: number; actor: string; options: { option: string; utility: number; probability: number }[]; chosen: string }
  | { kind: "proposal"; round: number; proposer: string; to: string[]; proposerTerms: { now: TermValues; joined: TermValues }; answers: { member: string; gain: number; yes: boolean; without: TermValues; with: TermValues }[]; accepted: boolean }
  | { kind: "leave"; round: number; actor: string; from: string[] }
  | { kind: "vote"; round: number; coalition: string[]; pm: string; step: string; present: number; yes: number; needed: { quorum: number; yes: number }; passed: boolean; outsiders: { actor: string; support: number; attended: boolean | number; yes: boolean }[] }
  | { kind: "government"; round: number; coalition: string[]; pm: string }
  | { kind: "fall"; round: number; coalition: string[]; reason: string }
  | { kind: "outcome"; id: string; label: string; because: string; rounds: number; coalitions: string[][]; government: string[] | null; pm: string | null };

/** Receives what happens in a run. Every method is optional work done only when tracing. */
export class Tracer {
  readonly entries: TraceEntry[] = [];
  constructor(readonly model: Model) {}

  members(s: RunState, label: number): string[] {
    return this.model.ids.filter((_, i) => s.coalition[i] === label);
  }

  /** An actor's utility terms in a coalition given by member indices (i among them). */
  terms(s: RunState, i: number, members: number[]): TermValues {
    const t = new Float64Array(4);
    const total = utility(this.model, s, i, Int32Array.from(members), members.length, t);
    return { power: t[0], iran: t[1], base: t[2], relations: t[3], total };
  }

  add(entry: TraceEntry): void {
    this.entries.push(entry);
  }
}

/** Runs one run with a tracer and closes the story with the outcome and why it matched. */
export function traceRun(engine: { run(rng: import("../rng/rng.ts").Rng, trace?: Tracer): { outcome: number }; state: RunState; model: Model }, rng: import("../rng/rng.ts").Rng): { entries: TraceEntry[]; outcome: number } {
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
