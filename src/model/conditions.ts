// Compiles declarative conditions into predicates over a run's state.
import type { ConditionSpec } from "../scenario/schema/condition.ts";
import type { RunState } from "./state.ts";
import { INDEPENDENT, LEADER } from "./premier-kind.ts";

export type Test = (s: RunState) => boolean;

export interface ConditionContext {
  actorIndex(id: string): number;
  driverIndex(id: string): number;
  blocMembers(bloc: string): number[];
  candidateIndex(id: string): number;
  n: number;
}

export function compileCondition(c: ConditionSpec, ctx: ConditionContext): Test {
  if (c.together) {
    const [a, b] = c.together.map(ctx.actorIndex);
    return (s) => s.coalition[a] === s.coalition[b];
  }
  if (c.apart) {
    const [a, b] = c.apart.map(ctx.actorIndex);
    return (s) => s.coalition[a] !== s.coalition[b];
  }
  if (c.relation) {
    const [a, b] = c.relation.between.map(ctx.actorIndex);
    const n = ctx.n;
    const mean = (s: RunState) => (s.rel[a * n + b] + s.rel[b * n + a]) / 2;
    const { above, below } = c.relation;
    return above !== undefined ? (s) => mean(s) > above : (s) => mean(s) < below!;
  }
  if (c.governs) {
    const a = ctx.actorIndex(c.governs);
    return (s) => s.government >= 0 && s.coalition[a] === s.government;
  }
  if (c.pm) {
    const a = ctx.actorIndex(c.pm);
    return (s) => s.pm === a && s.pmKind !== INDEPENDENT;
  }
  if (c.pm_in) {
    const set = new Set(c.pm_in.map(ctx.actorIndex));
    return (s) => set.has(s.pm) && s.pmKind !== INDEPENDENT;
  }
  if (c.pm_compromise !== undefined) {
    const compromise = c.pm_compromise;
    return (s) => s.pm >= 0 && (s.pmKind !== LEADER) === compromise;
  }
  if (c.pm_candidate) {
    const k = ctx.candidateIndex(c.pm_candidate);
    return (s) => s.pm >= 0 && s.pmWho === k;
  }
  if (c.government) {
    const formed = c.government === "formed";
    return (s) => (s.government >= 0) === formed;
  }
  if (c.bloc_intact) {
    const members = ctx.blocMembers(c.bloc_intact.bloc);
    const minShare = c.bloc_intact.min_share;
    return (s) => largestBlocShare(s, members) >= minShare;
  }
  if (c.driver) {
    const d = ctx.driverIndex(c.driver.id);
    const { above, below } = c.driver;
    return above !== undefined ? (s) => s.drivers[d] > above : (s) => s.drivers[d] < below!;
  }
  if (c.round) {
    const from = c.round.from ?? 1;
    const to = c.round.to ?? Infinity;
    return (s) => s.round >= from && s.round <= to;
  }
  if (c.all) {
    const parts = c.all.map((p) => compileCondition(p, ctx));
    return (s) => parts.every((t) => t(s));
  }
  if (c.any) {
    const parts = c.any.map((p) => compileCondition(p, ctx));
    return (s) => parts.some((t) => t(s));
  }
  if (c.not) {
    const inner = compileCondition(c.not, ctx);
    return (s) => !inner(s);
  }
  throw new Error("unreachable: the schema admits exactly one condition key");
}

/**
 * The largest share of a bloc's clout that sits in one coalition. Members without clout count
 * equally when the whole bloc has none.
 */
export function largestBlocShare(s: RunState, members: number[]): number {
  let total = 0;
  for (const m of members) total += s.clout[m];
  const useCount = total <= 0;
  if (useCount) total = members.length;
  let best = 0;
  for (const m of members) {
    const label = s.coalition[m];
    let share = 0;
    for (const k of members) if (s.coalition[k] === label) share += useCount ? 1 : s.clout[k];
    if (share > best) best = share;
  }
  return best / total;
}
