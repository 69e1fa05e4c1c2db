// One actor's turn: stay, leave, or propose to join another coalition (docs/model.md, "Negotiation").
import type { Rng } from "../rng/rng.ts";
import type { Model } from "./model.ts";
import { nudgeRelation } from "./dynamics.ts";
import { checkGovernment } from "./government.ts";
import { P } from "./params.ts";
import type { RunState } from "./state.ts";
import { ActorTerms, couldGovern, MemberView, prepareActorTerms, utilityFrom } from "./utility.ts";
import { acceptablePremier, FULL_RECOUNT, LEADER, PremierChoice, premierWith, premierWithNewcomer } from "./premier.ts";
import { CoalitionTotals } from "./coalition-totals.ts";
import type { Tracer } from "./tracer.ts";

const TEMPERATURE = P.temperature;
const OVERTURE = P.overture;
const REBUFF = P.rebuff;
const LEAVE = -1;
const NEGLIGIBLE = 30;

/**
 * Scratch space for one worker, reused by every turn of every run. Index k of each array describes
 * the coalition with label k as the moving actor sees it (structure of arrays).
 */
export class TurnScratch {
  readonly totals: CoalitionTotals;
  readonly sectView: Float64Array;
  readonly affinity: Float64Array;
  readonly enmity: Float64Array;
  readonly optionLabel: Int32Array;
  readonly optionUtility: Float64Array;
  readonly optionWeight: Float64Array;
  /** For each coalition label, the premier (and how he holds the office) once the mover joins it, as worked out for its option. */
  readonly joinedPm: Int32Array;
  readonly joinedKind: Int32Array;
  readonly members: Int32Array;
  readonly gains: Float64Array;
  readonly mover = new ActorTerms();
  readonly member = new ActorTerms();
  readonly memberView = new MemberView();
  /** How the premier of the last coalition asked about (premierJoining) holds the office. */
  readonly choice = new PremierChoice();
  constructor(n: number) {
    this.totals = new CoalitionTotals(n);
    this.sectView = new Float64Array(n);
    this.affinity = new Float64Array(n);
    this.enmity = new Float64Array(n);
    this.optionLabel = new Int32Array(n + 1);
    this.optionUtility = new Float64Array(n + 1);
    this.optionWeight = new Float64Array(n + 1);
    this.joinedPm = new Int32Array(n);
    this.joinedKind = new Int32Array(n);
    this.members = new Int32Array(n + 1);
    this.gains = new Float64Array(n);
  }
}

export function takeTurn(model: Model, s: RunState, rng: Rng, w: TurnScratch, i: number, trace?: Tracer): void {
  if (model.fragmented[i] === 1) return;
  const totals = w.totals.refresh(model, s);
  sumPartners(model, s, w, i);
  const current = s.coalition[i];
  const remembered = s.round <= s.blockedUntil;
  const mine = s.blocked[i] === 1;
  const myShia = model.sect[i] === model.shiaSect ? s.clout[i] : 0;
  const t = prepareActorTerms(model, s, i, w.mover);
  const { size, seats, shia, sects, pm, pmKind, clout } = totals;
  const mySect = 1 << model.sect[i];
  const { sectView, affinity, enmity, optionLabel, optionUtility } = w;
  let options = 0;
  // Stay: i is already counted in its coalition's totals, not among its partners.
  optionLabel[options] = current;
  const sidePayment = current === s.government ? t.wPower * s.transfer[i] : 0;
  optionUtility[options++] = sidePayment + utilityFrom(
    model, t, seats[current], shia[current], sects[current], pm[current], pmKind[current], totals.blocked(s, current),
    size[current] - 1, clout[current] - s.clout[i], sectView[current], affinity[current], enmity[current],
  );
  if (size[current] > 1) {
    optionLabel[options] = LEAVE;
    optionUtility[options++] = utilityFrom(model, t, s.seats[i], myShia, mySect, premierWith(model, s, -1, i), LEADER, remembered && mine, 0, 0, 0, 0, 0);
  }
  for (let label = 0; label < model.n; label++) {
    if (label === current || size[label] === 0 || totals.fragmented[label] === 1) continue;
    optionLabel[options] = label;
    const premier = premierJoiningLabel(model, s, w, pm[label], label, i);
    w.joinedPm[label] = premier;
    w.joinedKind[label] = w.choice.kind;
    optionUtility[options++] = utilityFrom(
      model, t, seats[label] + s.seats[i], shia[label] + myShia, sects[label] | mySect, premier, w.choice.kind, mine && totals.blocked(s, label),
      size[label], clout[label], sectView[label], affinity[label], enmity[label],
    );
  }
  const picked = logitChoice(rng, w.optionUtility, options, s.params[TEMPERATURE], w.optionWeight);
  const target = w.optionLabel[picked];
  if (trace) traceChoice(trace, s, w, i, options, picked);
  if (target === current) return;
  if (target === LEAVE) {
    trace?.add({ kind: "leave", round: s.round, actor: model.ids[i], from: trace.members(s, current) });
    s.coalition[i] = totals.freeLabel();
  } else if (admits(model, s, w, target, i, trace)) s.coalition[i] = target;
  else return;
  s.version++;
  checkGovernment(model, s, trace);
}

/** The premier of coalition `label` once i joins it (whose premier is now `pm`); how he holds the office is left in w.choice. */
function premierJoiningLabel(model: Model, s: RunState, w: TurnScratch, pm: number, label: number, i: number): number {
  w.choice.kind = LEADER;
  w.choice.who = -1;
  const totals = w.totals;
  if (!model.premierVeto || !couldGovern(model, s, totals.seats[label] + s.seats[i])) return premierWith(model, s, pm, i);
  const from = totals.memberStart[label];
  const to = totals.memberStart[label + 1];
  if (totals.pmTop[label] === 1) {
    if (pm === s.pm) {
      w.choice.kind = s.pmKind;
      w.choice.who = s.pmWho;
      return pm;
    }
    const quick = premierWithNewcomer(model, s, totals.memberList, from, to, pm, i, w.choice);
    if (quick !== FULL_RECOUNT) return quick;
  }
  let count = 0;
  for (let k = from; k < to; k++) w.members[count++] = totals.memberList[k];
  return premierJoining(model, s, w, count, i);
}

/** The premier once i joins the coalition whose members are w.members[0..count) (the veto worked out in full); how he holds it is left in w.choice. */
function premierJoining(model: Model, s: RunState, w: TurnScratch, count: number, i: number): number {
  w.members[count] = i; // the slot after the members is free scratch (w.members holds n + 1)
  return acceptablePremier(model, s, w.members, 0, count + 1, w.choice);
}

/**
 * The sums over i's partners in every coalition, seen from i's side: its base's view of their sects
 * and its affinity (less policy distance) and enmity toward them. Arrays sit in locals because V8
 * cannot prove that typed-array stores leave object fields alone.
 */
function sumPartners(model: Model, s: RunState, w: TurnScratch, i: number): void {
  const n = model.n;
  const { sectView, affinity, enmity } = w;
  for (let k = 0; k < n; k++) {
    sectView[k] = 0;
    affinity[k] = 0;
    enmity[k] = 0;
  }
  const { coalition, cloutView, rel, policyDistance } = s;
  const row = i * n;
  for (let j = 0; j < n; j++) {
    if (j === i) continue;
    const label = coalition[j];
    sectView[label] += cloutView[row + j];
    const r = rel[row + j];
    affinity[label] += r - policyDistance[row + j];
    if (r < 0) enmity[label] += r * r;
  }
}

/**
 * Bounded-rationality choice: option k is taken with probability ∝ exp(u_k / temperature)
 * (McFadden's conditional logit). Draws one uniform number. `weights` is scratch space. Options more
 * than NEGLIGIBLE temperatures below the best get weight 0 (instead of < 1e-13), sparing an exp.
 */
export function logitChoice(rng: Rng, utilities: Float64Array, count: number, temperature: number, weights: Float64Array = utilities.slice()): number {
  let top = 0;
  for (let k = 1; k < count; k++) if (utilities[k] > utilities[top]) top = k;
  const best = utilities[top];
  let total = 0;
  const floor = best - NEGLIGIBLE * temperature;
  for (let k = 0; k < count; k++) {
    // exp(0) is exactly 1: the best option needs no exp.
    weights[k] = k === top ? 1 : utilities[k] < floor ? 0 : Math.exp((utilities[k] - best) / temperature);
    total += weights[k];
  }
  let target = rng.next() * total;
  for (let k = 0; k < count; k++) {
    target -= weights[k];
    if (target < 0) return k;
  }
  return count - 1;
}

/**
 * Whether coalition `label` admits proposer i: each member compares its utility with and without i;
 * the proposal passes by seat-weighted majority of members who gain (or unanimity). Accepting members
 * warm to the proposer, refusing members cool.
 */
function admits(model: Model, s: RunState, w: TurnScratch, label: number, i: number, trace?: Tracer): boolean {
  const joinedPm = w.joinedPm[label]; // worked out for this option in takeTurn; nothing has moved since
  const joinedKind = w.joinedKind[label];
  let count = 0;
  for (let j = 0; j < model.n; j++) if (s.coalition[j] === label) w.members[count++] = j;
  const coalitionSeats = w.totals.seats[label];
  let yesWeight = 0;
  let totalWeight = 0;
  let allYes = true;
  for (let k = 0; k < count; k++) {
    const m = w.members[k];
    w.gains[k] = gainFromJoining(model, s, w, label, m, count, i, joinedPm, joinedKind);
    const weight = coalitionSeats > 0 ? s.seats[m] : 1;
    totalWeight += weight;
    if (w.gains[k] > 0) yesWeight += weight;
    else allYes = false;
  }
  const accepted = model.unanimity ? allYes : yesWeight * 2 > totalWeight;
  if (trace) traceProposal(trace, s, w, i, count, accepted);
  const overture = s.params[OVERTURE];
  const rebuff = s.params[REBUFF];
  for (let k = 0; k < count; k++) nudgeRelation(s, model.n, i, w.members[k], w.gains[k] > 0 ? overture : -rebuff);
  return accepted;
}

/**
 * U_m(K ∪ {i}) − U_m(K) for member m of K = coalition `label`, whose members are w.members[0..count).
 * K's totals come from the turn's CoalitionTotals (still current: nothing has moved since the refresh);
 * only the sums over m's partners are added up here.
 */
function gainFromJoining(model: Model, s: RunState, w: TurnScratch, label: number, m: number, count: number, i: number, joinedPm: number, joinedKind: number): number {
  const totals = w.totals;
  const t = prepareActorTerms(model, s, m, w.member);
  const view = w.memberView.clear(s);
  const row = m * model.n;
  for (let k = 0; k < count; k++) if (w.members[k] !== m) view.addPartner(s, row, w.members[k]);
  view.seats = totals.seats[label];
  view.shia = totals.shia[label];
  view.sects = totals.sects[label];
  view.pm = totals.pm[label];
  view.pmKind = totals.pmKind[label];
  view.blocked = totals.blocked(s, label);
  const before = view.utility(model, t);
  view.add(model, s, m, i);
  view.pm = joinedPm;
  view.pmKind = joinedKind;
  return view.utility(model, t) - before;
}

function optionName(trace: Tracer, s: RunState, i: number, label: number): string {
  if (label === LEAVE) return "leave and stand alone";
  if (label === s.coalition[i]) return "stay";
  return `join ${trace.members(s, label).join(" + ")}`;
}

function traceChoice(trace: Tracer, s: RunState, w: TurnScratch, i: number, count: number, picked: number): void {
  let total = 0;
  for (let k = 0; k < count; k++) total += w.optionWeight[k];
  trace.add({
    kind: "choice", round: s.round, actor: trace.model.ids[i], chosen: optionName(trace, s, i, w.optionLabel[picked]),
    options: Array.from({ length: count }, (_, k) => ({ option: optionName(trace, s, i, w.optionLabel[k]), utility: w.optionUtility[k], probability: w.optionWeight[k] / total })),
  });
}

function traceProposal(trace: Tracer, s: RunState, w: TurnScratch, i: number, count: number, accepted: boolean): void {
  const members = Array.from(w.members.subarray(0, count));
  const ids = trace.model.ids;
  const mine: number[] = [];
  for (let j = 0; j < trace.model.n; j++) if (s.coalition[j] === s.coalition[i]) mine.push(j);
  trace.add({
    kind: "proposal", round: s.round, proposer: ids[i], to: members.map((m) => ids[m]), accepted,
    proposerTerms: { now: trace.terms(s, i, mine), joined: trace.terms(s, i, [...members, i]) },
    answers: members.map((m, k) => ({
      member: ids[m], gain: w.gains[k], yes: w.gains[k] > 0,
      without: trace.terms(s, m, members), with: trace.terms(s, m, [...members, i]),
    })),
  });
}
