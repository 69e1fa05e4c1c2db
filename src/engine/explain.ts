// Says in words why a condition holds (or not) in a state, with the numbers behind it.
import type { ConditionSpec } from "../scenario/schema/condition.ts";
import type { Model } from "../model/compile.ts";
import type { RunState } from "../model/state.ts";
import { compileCondition, largestBlocShare } from "../model/conditions.ts";
import { describePremier } from "../model/premier.ts";

export function explainCondition(c: ConditionSpec, model: Model, s: RunState): string {
  const n = model.n;
  const ctx = model.conditions;
  const index = ctx.actorIndex;
  const holds = (x: ConditionSpec) => compileCondition(x, ctx)(s);
  const fmt = (x: number) => (Math.round(x * 1000) / 1000).toString();
  if (c.together) return `${c.together[0]} and ${c.together[1]} are ${holds(c) ? "" : "not "}in the same coalition`;
  if (c.apart) return `${c.apart[0]} and ${c.apart[1]} are ${holds(c) ? "in different coalitions" : "in the same coalition"}`;
  if (c.relation) {
    const [a, b] = c.relation.between.map(index);
    const value = (s.rel[a * n + b] + s.rel[b * n + a]) / 2;
    const side = c.relation.above !== undefined ? `above ${c.relation.above}` : `below ${c.relation.below}`;
    return `the affinity of ${c.relation.between.join(" and ")} is ${fmt(value)}, ${holds(c) ? "" : "not "}${side}`;
  }
  if (c.governs) return `${c.governs} is ${holds(c) ? "" : "not "}in the government`;
  if (c.pm || c.pm_in || c.pm_compromise !== undefined || c.pm_candidate) return `the premier is ${describePremier(model, s.pm, s.pmKind, s.pmWho)}`;
  if (c.government) return s.government >= 0 ? "a government has formed" : "no government has formed";
  if (c.bloc_intact) {
    const share = largestBlocShare(s, ctx.blocMembers(c.bloc_intact.bloc));
    return `${fmt(share * 100)}% of bloc ${c.bloc_intact.bloc}'s clout is in one coalition (needed ${fmt(c.bloc_intact.min_share * 100)}%)`;
  }
  if (c.driver) return `driver ${c.driver.id} is ${fmt(s.drivers[ctx.driverIndex(c.driver.id)])}`;
  if (c.round) return `the round is ${s.round}`;
  if (c.all) return c.all.map((x) => explainCondition(x, model, s)).join("; and ");
  if (c.any) {
    const first = c.any.find(holds);
    return first ? explainCondition(first, model, s) : c.any.map((x) => explainCondition(x, model, s)).join("; nor ");
  }
  if (c.not) return `not so that ${explainCondition(c.not, model, s)}`;
  return "";
}
