// The four utility terms of an actor in a coalition (docs/model.md, "Utility").
import type { Model } from "./model.ts";
import { P } from "./params.ts";
import type { RunState } from "./state.ts";

// Parameter indices as module constants: imported object members compile to accessor calls.
const OFFICE_VALUE = P.office_value;
const PM_BONUS = P.pm_bonus;
const PM_SECT_BONUS = P.pm_sect_bonus;
const OPPOSITION_VALUE = P.opposition_value;
const ENEMY_PENALTY = P.enemy_penalty;
const VETO_BELOW = P.veto_below;
const CARETAKER_VALUE = P.caretaker_value;
const VETO_SHARE = P.veto_share;

/** Term values written by `utility` when asked: [power, iran, base, relations] (unweighted). */
export type Terms = Float64Array;

/**
 * What the utility of one actor needs that does not depend on the coalition: computed once per turn
 * (or per call of `utility`) so that evaluating each option is a handful of operations.
 */
export class ActorTerms {
  actor = -1;
  sect = 0;
  seats = 0;
  /** Seats a coalition needs of its own to govern (the threshold less the fragmented backing). */
  needed = 0;
  officeValue = 0;
  pmBonus = 0;
  pmSectBonus = 0;
  opposition = 0;
  /** What holding the premiership as caretaker is worth to this actor now (0 unless it is the caretaker and no government exists). */
  caretaker = 0;
  /** pressure × alignment / total Shia clout: multiply by a coalition's Shia clout. */
  iranPerShiaClout = 0;
  base = 0;
  enemyPenalty = 0;
  wPower = 0;
  wIran = 0;
  wBase = 0;
  wRel = 0;
}

export function prepareActorTerms(model: Model, s: RunState, i: number, t: ActorTerms): ActorTerms {
  const params = s.params;
  const pressure = model.iranPressure >= 0 ? s.drivers[model.iranPressure] : 0;
  t.actor = i;
  t.sect = model.sect[i];
  t.seats = s.seats[i];
  t.needed = model.minWinning - s.fragmentedBacking;
  t.officeValue = params[OFFICE_VALUE];
  t.pmBonus = params[PM_BONUS];
  t.pmSectBonus = params[PM_SECT_BONUS];
  t.opposition = params[OPPOSITION_VALUE] * s.clout[i];
  t.caretaker = s.caretaker === i && s.government < 0 ? params[PM_BONUS] * params[CARETAKER_VALUE] : 0;
  t.iranPerShiaClout = s.shiaClout > 0 ? (pressure * s.align[i]) / s.shiaClout : 0;
  t.base = s.base[i];
  t.enemyPenalty = params[ENEMY_PENALTY];
  t.wPower = s.wPower[i];
  t.wIran = s.wIran[i];
  t.wBase = s.wBase[i];
  t.wRel = s.wRel[i];
  return t;
}

/**
 * Utility of the actor `t` describes in a coalition C that contains it, from C's totals (`seats`,
 * Shia clout `shia`, premier `pm` or -1, `blocked`: every member lies within the last coalition that
 * failed a vote) and sums over the actor's partners (their number, clout, clout × its base's view of
 * their sect, affinity less policy distance, squared negative affinity). The one formula every
 * caller uses (docs/model.md §3).
 */
export function utilityFrom(
  model: Model, t: ActorTerms,
  seats: number, shia: number, pm: number, blocked: boolean,
  partners: number, partnerClout: number, sectView: number, affinity: number, enmity: number,
  terms?: Terms,
): number {
  const governs = pm >= 0 && !blocked && seats >= t.needed;
  const power = governs ? t.officeValue * (seats > 0 ? t.seats / seats : 0) + (pm === t.actor ? t.pmBonus : 0) : t.opposition + t.caretaker;
  const iran = t.iranPerShiaClout * shia;
  const sectOfPm = governs && model.sect[pm] === t.sect ? t.pmSectBonus : 0;
  const base = t.base * ((partnerClout > 0 ? sectView / partnerClout : 0) + sectOfPm);
  const relations = partners > 0 ? (affinity - t.enemyPenalty * enmity) / partners : 0;
  if (terms) {
    terms[0] = power;
    terms[1] = iran;
    terms[2] = base;
    terms[3] = relations;
  }
  return t.wPower * power + t.wIran * iran + t.wBase * base + t.wRel * relations;
}

/** The premier of a coalition whose best eligible member so far is `pm` once `j` joins. */
export function premierWith(model: Model, s: RunState, pm: number, j: number): number {
  return model.pmEligible[j] === 1 && (pm < 0 || beats(model, s, j, pm)) ? j : pm;
}

/**
 * The premier of the coalition `members[from..to)` under the kingmaker's veto (pm_rule: acceptable):
 * the best-ranked eligible member that no partner holding at least `veto_share` of the coalition's
 * seats views below `veto_below`, or -1 if every candidate is refused. A sitting premier among the
 * members keeps the office.
 */
export function acceptablePremier(model: Model, s: RunState, members: Int32Array, from: number, to: number): number {
  const n = model.n;
  let seats = 0;
  for (let k = from; k < to; k++) {
    if (members[k] === s.pm) return s.pm;
    seats += s.seats[members[k]];
  }
  const below = s.params[VETO_BELOW];
  const weighty = s.params[VETO_SHARE] * seats;
  let best = -1;
  for (let a = from; a < to; a++) {
    const c = members[a];
    if (model.pmEligible[c] !== 1 || (best >= 0 && !beats(model, s, c, best))) continue;
    let refused = false;
    for (let b = from; b < to && !refused; b++) {
      const m = members[b];
      refused = m !== c && s.seats[m] >= weighty && s.rel[m * n + c] < below;
    }
    if (!refused) best = c;
  }
  return best;
}

/** A coalition as one member sees it: its totals, and sums over that member's partners. */
export class MemberView {
  seats = 0;
  shia = 0;
  pm = -1;
  blocked = false;
  partners = 0;
  partnerClout = 0;
  sectView = 0;
  affinity = 0;
  enmity = 0;

  /** Resets to an empty coalition (blocked, while a failure is remembered, until an unblocked member joins). */
  clear(s: RunState): this {
    this.seats = this.shia = this.partnerClout = this.sectView = this.affinity = this.enmity = 0;
    this.pm = -1;
    this.partners = 0;
    this.blocked = s.round <= s.blockedUntil;
    return this;
  }

  /** Adds member j, as actor i (a member too) sees the coalition. */
  add(model: Model, s: RunState, i: number, j: number): this {
    this.seats += s.seats[j];
    if (model.sect[j] === model.shiaSect) this.shia += s.clout[j];
    this.pm = premierWith(model, s, this.pm, j);
    if (s.blocked[j] === 0) this.blocked = false;
    return j === i ? this : this.addPartner(s, i * model.n, j);
  }

  /** Adds j to the sums over the viewing actor's partners (`row`: the viewer's index × n). */
  addPartner(s: RunState, row: number, j: number): this {
    const r = s.rel[row + j];
    this.partners++;
    this.partnerClout += s.clout[j];
    this.sectView += s.cloutView[row + j];
    this.affinity += r - s.policyDistance[row + j];
    if (r < 0) this.enmity += r * r;
    return this;
  }

  utility(model: Model, t: ActorTerms, terms?: Terms): number {
    return utilityFrom(model, t, this.seats, this.shia, this.pm, this.blocked, this.partners, this.partnerClout, this.sectView, this.affinity, this.enmity, terms);
  }
}

const scratchTerms = new ActorTerms();
const scratchView = new MemberView();

/**
 * Utility of actor `i` in the coalition whose members are `members[0..count)` (which include i).
 * Used for traces and tests; a turn's options use per-coalition sums, consent uses MemberView.
 */
export function utility(model: Model, s: RunState, i: number, members: Int32Array, count: number, terms?: Terms): number {
  const view = scratchView.clear(s);
  for (let k = 0; k < count; k++) view.add(model, s, i, members[k]);
  if (model.premierVeto) view.pm = acceptablePremier(model, s, members, 0, count);
  return view.utility(model, prepareActorTerms(model, s, i, scratchTerms), terms);
}

/** Whether j outranks k for the premiership: more seats, ties to the smaller id. */
export function beats(model: Model, s: RunState, j: number, k: number): boolean {
  return s.seats[j] > s.seats[k] || (s.seats[j] === s.seats[k] && model.idRank[j] < model.idRank[k]);
}
