// The story of one run, collected through optional hooks in the model. A batch passes no tracer, so
// tracing changes nothing about a run: the same seed and index give the same run with or without it.
import type { Model } from "./model.ts";
import type { RunState } from "./state.ts";
import { utility } from "./utility.ts";

export interface TermValues { power: number; iran: number; base: number; relations: number; total: number }

export type TraceEntry =
  | { kind: "assumptions"; values: { path: string; value: number }[] }
  | { kind: "round"; round: number }
  | { kind: "event"; round: number; id: string; label: string }
  | { kind: "choice"; round: number; actor: string; options: { option: string; utility: number; probability: number }[]; chosen: string }
  | { kind: "proposal"; round: number; proposer: string; to: string[]; proposerTerms: { now: TermValues; joined: TermValues }; answers: { member: string; gain: number; yes: boolean; without: TermValues; with: TermValues }[]; accepted: boolean }
  | { kind: "leave"; round: number; actor: string; from: string[] }
  | { kind: "vote"; round: number; coalition: string[]; pm: string; step: string; present: number; yes: number; needed: { quorum: number; yes: number }; passed: boolean; outsiders: { actor: string; support: number; attended: boolean | number; yes: boolean }[] }
  | { kind: "formateur"; round: number; actor: string; proposal: string[]; accepted: boolean }
  | { kind: "hold"; round: number; coalition: string[]; standing: number; chance: number }
  | { kind: "offer"; round: number; to: string[]; government: string[]; price: number; accepted: boolean }
  | { kind: "government"; round: number; coalition: string[]; pm: string; how?: string }
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
