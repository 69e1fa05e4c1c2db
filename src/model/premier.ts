// Who a coalition's premier is (docs/model.md §2): the largest eligible member, or under the
// kingmaker's veto the best-ranked party whose leader, or failing him a compromise figure of the same
// party, no weighty partner refuses; failing every party, an independent.
import type { Model } from "./model.ts";
import { P } from "./params.ts";
import type { RunState } from "./state.ts";

import { COMPROMISE, INDEPENDENT, LEADER } from "./premier-kind.ts";

export { COMPROMISE, INDEPENDENT, LEADER } from "./premier-kind.ts";

/** The way the last premier chosen holds the office, and the named candidate (-1: a party leader or an unnamed figure). */
export class PremierChoice {
  kind = LEADER;
  who = -1;
}

/** Whether j outranks k for the premiership: more seats, ties by the run's tie-break order. */
export function beats(model: Model, s: RunState, j: number, k: number): boolean {
  return s.seats[j] > s.seats[k] || (s.seats[j] === s.seats[k] && s.tieRank[j] < s.tieRank[k]);
}

/** The premier (a party leader) of a coalition whose best eligible member so far is `pm` once `j` joins. */
export function premierWith(model: Model, s: RunState, pm: number, j: number): number {
  return model.pmEligible[j] === 1 && (pm < 0 || beats(model, s, j, pm)) ? j : pm;
}

/**
 * The premier's party in the coalition `members[from..to)` under the kingmaker's veto (pm_rule:
 * acceptable), with how he holds the office written to `out`. A partner holding at least `veto_share`
 * of the coalition's seats refuses a party's leader when its affinity toward the party is below
 * `veto_below`, and a compromise figure of that party when its affinity plus the figure's lift is.
 * Parties are tried in rank order, each with its leader first; if every party is refused, an
 * independent nominated by the best-ranked eligible member (if the procedure allows one), else -1.
 * A sitting premier among the members keeps the office.
 */
export function acceptablePremier(model: Model, s: RunState, members: Int32Array, from: number, to: number, out: PremierChoice): number {
  let seats = 0;
  for (let k = from; k < to; k++) {
    if (members[k] === s.pm) {
      out.kind = s.pmKind;
      out.who = s.pmWho;
      return s.pm;
    }
    seats += s.seats[members[k]];
  }
  const weighty = s.params[P.veto_share] * seats;
  const below = s.params[P.veto_below];
  // Most often the best-ranked eligible member is acceptable: settle that case in one pass.
  let top = -1;
  for (let k = from; k < to; k++) top = premierWith(model, s, top, members[k]);
  if (top < 0) return -1;
  if (accepted(model, s, members, from, to, top, weighty, below, out)) return top;
  let best = -1;
  let nominee = -1;
  for (let a = from; a < to; a++) {
    const c = members[a];
    if (model.pmEligible[c] !== 1) continue;
    if (nominee < 0 || beats(model, s, c, nominee)) nominee = c;
    if ((best < 0 || beats(model, s, c, best)) && accepted(model, s, members, from, to, c, weighty, below, out)) best = c;
  }
  if (best >= 0 || nominee < 0 || !model.independentPremier) return best;
  out.kind = INDEPENDENT;
  out.who = model.independents.length > 0 ? model.independents[0] : -1;
  return nominee;
}

const NONE = -2;

/**
 * Whether party c can hold the premiership in the coalition `members[from..to)`: its leader, if no
 * partner holding `weighty` seats views c below `below`, else a compromise figure whose lift covers
 * the gap. If so, writes how to `out`; if not, leaves `out` alone.
 */
function accepted(model: Model, s: RunState, members: Int32Array, from: number, to: number, c: number, weighty: number, below: number, out: PremierChoice): boolean {
  const worst = worstView(model, s, members, from, to, c, weighty);
  if (worst >= below) {
    out.kind = LEADER;
    out.who = -1;
    return true;
  }
  const who = compromiseFigure(model, s, c, below - worst);
  if (who === NONE) return false;
  out.kind = COMPROMISE;
  out.who = who;
  return true;
}

/**
 * The premier's party once newcomer `i` joins a coalition (members `members[from..to)`, i not among
 * them) whose premier `p` is its best-ranked eligible member's leader, without redoing the whole veto:
 * no member of the coalition refused p, and the newcomer's seats only raise the bar for counting as
 * weighty, so p stays unless i outranks him (then i, if acceptable) or i itself is weighty and refuses
 * p. Returns -3 in that last case, when only acceptablePremier over all the members can tell.
 */
export function premierWithNewcomer(model: Model, s: RunState, members: Int32Array, from: number, to: number, p: number, i: number, out: PremierChoice): number {
  let seats = s.seats[i];
  for (let k = from; k < to; k++) seats += s.seats[members[k]];
  const weighty = s.params[P.veto_share] * seats;
  const below = s.params[P.veto_below];
  if (model.pmEligible[i] === 1 && beats(model, s, i, p) && accepted(model, s, members, from, to, i, weighty, below, out)) return i;
  if (s.seats[i] >= weighty && s.rel[i * model.n + p] < below) return FULL_RECOUNT;
  out.kind = LEADER;
  out.who = -1;
  return p;
}

export const FULL_RECOUNT = -3;

/** The lowest affinity toward c among the weighty partners of c in `members[from..to)` (1 if none). */
function worstView(model: Model, s: RunState, members: Int32Array, from: number, to: number, c: number, weighty: number): number {
  const n = model.n;
  let worst = 1;
  for (let b = from; b < to; b++) {
    const m = members[b];
    if (m !== c && s.seats[m] >= weighty && s.rel[m * n + c] < worst) worst = s.rel[m * n + c];
  }
  return worst;
}

/** Party c's first compromise figure whose lift covers `gap` (a named candidate, or -1 for the unnamed one), or NONE. */
function compromiseFigure(model: Model, s: RunState, c: number, gap: number): number {
  const named = model.candidatesOf[c];
  if (named.length === 0) return s.params[P.compromise_lift] >= gap ? -1 : NONE;
  for (const k of named) {
    const lift = s.candidateLift[k];
    if ((lift === lift ? lift : s.params[P.compromise_lift]) >= gap) return k;
  }
  return NONE;
}

/** The premier in words, e.g. "state_of_law's leader", "abadi (state_of_law)", "an independent nominated by cf". */
export function describePremier(model: Model, pm: number, kind: number, who: number): string {
  if (pm < 0) return "nobody (no government)";
  const named = who >= 0 ? model.candidateIds[who] : "";
  if (kind === LEADER) return `${model.ids[pm]}'s leader`;
  if (kind === COMPROMISE) return named ? `${named} (${model.ids[pm]}), a compromise` : `a compromise figure of ${model.ids[pm]}`;
  return named ? `${named}, an independent nominated by ${model.ids[pm]}` : `an independent nominated by ${model.ids[pm]}`;
}
