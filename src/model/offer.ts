// The package deal: before its vote, a forming government offers office to the coalitions outside it
// (docs/model.md §4, "Formation"). Surplus partners join when the offer pays both sides.
import type { Model } from "./model.ts";
import type { RunState } from "./state.ts";
import type { Tracer } from "./tracer.ts";
import { supportFor } from "./support.ts";
import { GroupView, TermsCache } from "./group-view.ts";
import { priceOf } from "./side-payment.ts";

/** Scratch space for the offers, reused by every formation attempt of a worker. */
export class OfferScratch {
  /** Outsider coalition labels, in the order offers are made. */
  readonly order: Int32Array;
  readonly support: Float64Array;
  readonly members: Int32Array;
  /** The members of the coalition being offered office. */
  readonly newcomers: Int32Array;
  readonly price: Float64Array;
  readonly now: Float64Array;
  readonly terms = new Float64Array(4);
  readonly cache: TermsCache;
  readonly enlarged = new GroupView();
  readonly government = new GroupView();
  constructor(n: number) {
    this.order = new Int32Array(n);
    this.support = new Float64Array(n);
    this.members = new Int32Array(n);
    this.newcomers = new Int32Array(n);
    this.price = new Float64Array(n);
    this.now = new Float64Array(n);
    this.cache = new TermsCache(n);
  }
}

/**
 * Offers a place in the government `label`, whose premier's party is `payer`, to each coalition
 * outside it that bargains as one (a bloc joins whole or not at all), most supportive first. The payer
 * gives each joining party the office it takes to prefer the government to where it stands (nothing
 * if it already does), out of its own share; the members consent as they would to a proposal
 * (seat-weighted majority of members who gain, or unanimity), the payer's gain net of the payments.
 * So surplus partners join when the standing they add (a quorum met, a cushion against defection, a
 * component included) is worth more than the office they cost. No random draw.
 */
export function offerOffice(model: Model, s: RunState, w: OfferScratch, label: number, payer: number, trace?: Tracer): void {
  const offers = rankOutsiders(model, s, w, label);
  if (offers === 0) return;
  w.cache.prepare(model, s);
  let count = membersOf(s, label, w.members, 0);
  w.government.set(model, s, w.members, count);
  for (let k = 0; k < offers; k++) {
    const outsider = w.order[k];
    const joining = membersOf(s, outsider, w.newcomers, 0);
    if (!addsStanding(model, w, joining, payer)) continue;
    whereTheyStand(model, s, w, joining);
    const total = count + joining;
    for (let j = 0; j < joining; j++) w.members[count + j] = w.newcomers[j];
    w.enlarged.set(model, s, w.members, total);
    const price = priceAll(model, s, w, count, total);
    if (!affordable(model, s, w, payer, price)) continue;
    const accepted = membersConsent(model, s, w, payer, price);
    trace?.add({ kind: "offer", round: s.round, to: trace.members(s, outsider), government: trace.members(s, label), price, accepted });
    if (!accepted) continue;
    for (let j = count; j < total; j++) {
      const o = w.members[j];
      s.coalition[o] = label;
      s.transfer[o] += w.price[o];
    }
    s.transfer[payer] -= price;
    s.version++;
    count = membersOf(s, label, w.members, 0);
    w.government.set(model, s, w.members, count);
  }
}

/**
 * Whether the coalition w.newcomers[0..count) could raise the standing of the government (w.government):
 * it is short of the seats that make it secure, or the newcomers bring a component it lacks. Only
 * such partners are offered office: a package grows for the standing it buys.
 */
function addsStanding(model: Model, w: OfferScratch, count: number, payer: number): boolean {
  let theirs = 0;
  for (let k = 0; k < count; k++) theirs |= 1 << model.sect[w.newcomers[k]];
  return w.government.seats < w.cache.terms[payer].secure || (theirs & ~w.government.sects) !== 0;
}

/** The utility of each newcomer w.newcomers[0..count) in the coalition it is in now (they are one coalition), into w.now. */
function whereTheyStand(model: Model, s: RunState, w: OfferScratch, count: number): void {
  const theirs = w.enlarged.set(model, s, w.newcomers, count);
  for (let k = 0; k < count; k++) w.now[w.newcomers[k]] = theirs.utilityOf(model, s, w.cache.terms[w.newcomers[k]]);
}

/** Prices the newcomers w.members[count..total) against the enlarged government; returns the sum. */
function priceAll(model: Model, s: RunState, w: OfferScratch, count: number, total: number): number {
  let sum = 0;
  for (let j = count; j < total; j++) {
    const o = w.members[j];
    w.price[o] = priceOf(w.now[o], w.enlarged.utilityOf(model, s, w.cache.terms[o]), s.wPower[o]);
    sum += w.price[o];
  }
  return sum;
}

/** Whether the payer's office in the enlarged government covers what it has paid already and `price` more. */
function affordable(model: Model, s: RunState, w: OfferScratch, payer: number, price: number): boolean {
  if (price === 0) return true;
  if (!Number.isFinite(price)) return false;
  w.enlarged.utilityOf(model, s, w.cache.terms[payer], w.terms);
  return -s.transfer[payer] + price <= w.terms[0];
}

/** Writes the labels of the coalitions outside `label` (fragmented actors aside) to w.order by descending support; returns their number. */
function rankOutsiders(model: Model, s: RunState, w: OfferScratch, label: number): number {
  let count = 0;
  w.support.fill(0);
  const clout = w.price; // scratch: each outsider coalition's clout
  clout.fill(0);
  for (let o = 0; o < model.n; o++) {
    const k = s.coalition[o];
    if (k === label || model.fragmented[o] === 1) continue;
    if (clout[k] === 0 && w.support[k] === 0) w.order[count++] = k;
    w.support[k] += s.clout[o] * supportFor(model, s, o, label);
    clout[k] += s.clout[o];
  }
  for (let k = 0; k < count; k++) if (clout[w.order[k]] > 0) w.support[w.order[k]] /= clout[w.order[k]];
  for (let k = 1; k < count; k++) {
    const o = w.order[k];
    let j = k;
    for (; j > 0 && before(w, o, w.order[j - 1]); j--) w.order[j] = w.order[j - 1];
    w.order[j] = o;
  }
  return count;
}

function before(w: OfferScratch, a: number, b: number): boolean {
  return w.support[a] > w.support[b] || (w.support[a] === w.support[b] && a < b);
}

/** Appends the members of coalition `label` to `into` from index `from`; returns the new end. */
function membersOf(s: RunState, label: number, into: Int32Array, from: number): number {
  let end = from;
  for (let j = 0; j < s.coalition.length; j++) if (s.coalition[j] === label) into[end++] = j;
  return end;
}

/**
 * Whether the government's members (w.government) admit the newcomers (w.enlarged is the government
 * with them) by the scenario's consent rule, the payer's gain net of `price`.
 */
function membersConsent(model: Model, s: RunState, w: OfferScratch, payer: number, price: number): boolean {
  const { government, enlarged } = w;
  let seats = 0;
  for (let k = 0; k < government.count; k++) seats += s.seats[government.members[k]];
  const allWeight = seats > 0 ? seats : government.count;
  let yes = 0;
  let weights = 0;
  let all = true;
  for (let k = 0; k < government.count; k++) {
    const m = government.members[k];
    const t = w.cache.terms[m];
    const cost = m === payer ? s.wPower[m] * price : 0;
    const gains = enlarged.utilityOf(model, s, t) - cost > government.utilityOf(model, s, t);
    const weight = seats > 0 ? s.seats[m] : 1;
    weights += weight;
    if (gains) yes += weight;
    else all = false;
    // Stop once the answer is settled: a refusal under unanimity, or a majority either way.
    if (model.unanimity ? !all : yes * 2 > allWeight || (weights - yes) * 2 >= allWeight) break;
  }
  return model.unanimity ? all : yes * 2 > allWeight;
}
