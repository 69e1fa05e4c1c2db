// The four utility terms of an actor in a coalition (docs/model.md, "Utility").
import type { Model } from "./model.ts";
import { P } from "./params.ts";
import type { RunState } from "./state.ts";
import { acceptablePremier, COMPROMISE, LEADER, PremierChoice, premierWith } from "./premier.ts";

// Parameter indices as module constants: imported object members compile to accessor calls.
const OFFICE_VALUE = P.office_value;
const PM_BONUS = P.pm_bonus;
const PM_SECT_BONUS = P.pm_sect_bonus;
const OPPOSITION_VALUE = P.opposition_value;
const ENEMY_PENALTY = P.enemy_penalty;
const VETO_BELOW = P.veto_below;
const CARETAKER_VALUE = P.caretaker_value;
const VETO_SHARE = P.veto_share;
const DELAY_COST = P.delay_cost;
const SHARING = P.office_sharing;
const INCLUSION = P.office_inclusion;
const UNSECURED = P.office_unsecured;
const CUSHION = P.office_cushion;
const COMPROMISE_LIFT = P.compromise_lift;
const COMPROMISE_BONUS = P.compromise_bonus_share;


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
  /** Own seats at which a coalition is safe: every quorum met by its members, with a cushion against defection. */
  secure = 0;
  /** Standing of a coalition that has just `needed` seats, and its rise per seat up to `secure`. */
  unsecured = 0;
  securePerSeat = 0;
  inclusion = 0;
  /** The run's coverage table (RunState.coverage): the share of components present, by bitmask of sects. */
  coverage: Float64Array = new Float64Array(0);
  /** Office value × this actor's seats, split into the part shared within the government (Gamson) and the part allotted by seats in parliament (muhasasa). */
  withinGovernment = 0;
  byParliament = 0;
  /** The premier's bonus to this actor for each way its party can hold the office (LEADER, COMPROMISE, INDEPENDENT). */
  pmBonus = 0;
  pmBonusCompromise = 0;
  pmSectBonus = 0;
  opposition = 0;
  /** What the bargaining without a government has cost so far (delay_cost × rounds). */
  delay = 0;
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
  // Security counts the coalition's own seats: fragmented backing helps reach the bare threshold but
  // is no cushion against defection and cannot be relied on for a quorum.
  const cushioned = model.minWinning + params[CUSHION] * model.totalSeats;
  t.secure = model.secureSeats > cushioned ? model.secureSeats : cushioned;
  t.unsecured = params[UNSECURED];
  t.securePerSeat = t.secure > t.needed ? (1 - t.unsecured) / (t.secure - t.needed) : 0;
  t.inclusion = params[INCLUSION];
  t.coverage = s.coverage;
  const office = params[OFFICE_VALUE] * s.seats[i];
  t.withinGovernment = office * (1 - params[SHARING]);
  t.byParliament = (office * params[SHARING]) / model.totalSeats;
  t.pmBonus = params[PM_BONUS];
  t.pmBonusCompromise = params[PM_BONUS] * params[COMPROMISE_BONUS];
  t.pmSectBonus = params[PM_SECT_BONUS];
  t.opposition = params[OPPOSITION_VALUE] * s.clout[i];
  t.caretaker = s.caretaker === i && s.government < 0 ? params[PM_BONUS] * params[CARETAKER_VALUE] : 0;
  t.delay = s.government < 0 && s.round > s.bargainingSince ? params[DELAY_COST] * (s.round - s.bargainingSince) : 0;
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
 * Shia clout `shia`, the bitmask of its members' `sects`, premier `pm` or -1 and how he holds the
 * office `pmKind`, `blocked`: every member lies within the last coalition that failed a vote) and
 * sums over the actor's partners (their number, clout, clout × its base's view of their sect,
 * affinity less policy distance, squared negative affinity). The one formula every caller uses
 * (docs/model.md §3).
 */
export function utilityFrom(
  model: Model, t: ActorTerms,
  seats: number, shia: number, sects: number, pm: number, pmKind: number, blocked: boolean,
  partners: number, partnerClout: number, sectView: number, affinity: number, enmity: number,
  terms?: Terms,
): number {
  const governs = pm >= 0 && !blocked && seats >= t.needed;
  const power = governs ? officeValue(t, seats, sects, pm, pmKind) : t.opposition + t.caretaker - t.delay;
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

/**
 * The office payoff of governing: a share of the offices (part shared within the government by seats,
 * part allotted by seats in parliament) plus the premier's bonus, scaled by the government's standing:
 * how safely it passes the procedure and how many components it includes (docs/model.md §3).
 */
function officeValue(t: ActorTerms, seats: number, sects: number, pm: number, pmKind: number): number {
  const share = t.withinGovernment / seats + t.byParliament;
  const bonus = pm !== t.actor ? 0 : pmKind === LEADER ? t.pmBonus : pmKind === COMPROMISE ? t.pmBonusCompromise : 0;
  return (share + bonus) * standing(t, seats, sects);
}

/**
 * A government's standing in [0, 1]: how safely it passes the procedure and survives defections
 * (security, rising from `unsecured` at the bare threshold to 1 at its own quorum plus a cushion),
 * times how fully it includes the components (1 − inclusion × the share of components left out).
 */
export function standing(t: ActorTerms, seats: number, sects: number): number {
  const security = seats >= t.secure ? 1 : t.unsecured + t.securePerSeat * (seats - t.needed);
  return security * (1 - t.inclusion * (1 - t.coverage[sects]));
}


/** A coalition as one member sees it: its totals, and sums over that member's partners. */
export class MemberView {
  seats = 0;
  shia = 0;
  /** Bitmask of the members' sects. */
  sects = 0;
  pm = -1;
  pmKind = LEADER;
  blocked = false;
  partners = 0;
  partnerClout = 0;
  sectView = 0;
  affinity = 0;
  enmity = 0;

  /** Resets to an empty coalition (blocked, while a failure is remembered, until an unblocked member joins). */
  clear(s: RunState): this {
    this.seats = this.shia = this.partnerClout = this.sectView = this.affinity = this.enmity = 0;
    this.sects = 0;
    this.pm = -1;
    this.pmKind = LEADER;
    this.partners = 0;
    this.blocked = s.round <= s.blockedUntil;
    return this;
  }

  /** Adds member j, as actor i (a member too) sees the coalition. */
  add(model: Model, s: RunState, i: number, j: number): this {
    this.addMember(model, s, j);
    return j === i ? this : this.addPartner(s, i * model.n, j);
  }

  /** Adds member j to the coalition's totals (not to any viewer's partner sums). */
  addMember(model: Model, s: RunState, j: number): this {
    this.seats += s.seats[j];
    if (model.sect[j] === model.shiaSect) this.shia += s.clout[j];
    this.sects |= 1 << model.sect[j];
    this.pm = premierWith(model, s, this.pm, j);
    if (s.blocked[j] === 0) this.blocked = false;
    return this;
  }

  /** Empties the sums over the viewer's partners, keeping the coalition's totals. */
  clearPartners(): this {
    this.partners = this.partnerClout = this.sectView = this.affinity = this.enmity = 0;
    return this;
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
    return utilityFrom(model, t, this.seats, this.shia, this.sects, this.pm, this.pmKind, this.blocked, this.partners, this.partnerClout, this.sectView, this.affinity, this.enmity, terms);
  }
}

/**
 * Whether a coalition with these seats reaches the threshold: below it, who would be premier does not
 * matter (its members' power is the opposition payoff), so the veto need not be worked out.
 */
export function couldGovern(model: Model, s: RunState, seats: number): boolean {
  return seats + s.fragmentedBacking >= model.minWinning;
}

const scratchTerms = new ActorTerms();
const scratchView = new MemberView();
const scratchChoice = new PremierChoice();

/**
 * Utility of actor `i` in the coalition whose members are `members[0..count)` (which include i).
 * Used for traces and tests; a turn's options use per-coalition sums, consent uses MemberView.
 */
export function utility(model: Model, s: RunState, i: number, members: Int32Array, count: number, terms?: Terms): number {
  const view = scratchView.clear(s);
  for (let k = 0; k < count; k++) view.add(model, s, i, members[k]);
  if (model.premierVeto && couldGovern(model, s, view.seats)) {
    view.pm = acceptablePremier(model, s, members, 0, count, scratchChoice);
    view.pmKind = scratchChoice.kind;
  }
  return view.utility(model, prepareActorTerms(model, s, i, scratchTerms), terms);
}
