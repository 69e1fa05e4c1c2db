// The package deal: before its vote, a forming government offers office to outsiders
// (docs/model.md §4, "Formation"). Surplus partners join when the offer pays both sides.
import type { Model } from "./model.ts";
import type { RunState } from "./state.ts";
import type { Tracer } from "./tracer.ts";
import { supportFor } from "./support.ts";
import { utility } from "./utility.ts";

/** Scratch space for the offers, reused by every formation attempt of a worker. */
export class OfferScratch {
  readonly order: Int32Array;
  readonly support: Float64Array;
  readonly members: Int32Array;
  readonly others: Int32Array;
  constructor(n: number) {
    this.order = new Int32Array(n);
    this.support = new Float64Array(n);
    this.members = new Int32Array(n + 1);
    this.others = new Int32Array(n);
  }
}

/**
 * Offers a place in the government `label` to every outsider that bargains as one, most supportive
 * first (ties: the smaller id). An outsider joins when it is better off in the government than in its
 * coalition now, and the government's members consent as they would to a proposal (seat-weighted
 * majority of members who gain, or unanimity): the office a partner costs them is weighed against the
 * standing it adds (a quorum met, a cushion against defection, a component included). No random draw.
 */
export function offerOffice(model: Model, s: RunState, w: OfferScratch, label: number, trace?: Tracer): void {
  const outsiders = rankOutsiders(model, s, w, label);
  for (let k = 0; k < outsiders; k++) {
    const o = w.order[k];
    const count = membersOf(s, label, w.members);
    const gain = outsiderGain(model, s, w, o, count);
    if (gain <= 0) continue;
    const accepted = membersConsent(model, s, w, count, o);
    trace?.add({ kind: "offer", round: s.round, actor: model.ids[o], government: trace.members(s, label), gain, accepted });
    if (!accepted) continue;
    s.coalition[o] = label;
    s.version++;
  }
}

/** Writes the outsiders of `label` (not fragmented) to w.order by descending support; returns their number. */
function rankOutsiders(model: Model, s: RunState, w: OfferScratch, label: number): number {
  let count = 0;
  for (let o = 0; o < model.n; o++) {
    if (s.coalition[o] === label || model.fragmented[o] === 1) continue;
    w.support[o] = supportFor(model, s, o, label);
    w.order[count++] = o;
  }
  for (let k = 1; k < count; k++) {
    const o = w.order[k];
    let j = k;
    for (; j > 0 && before(model, w, o, w.order[j - 1]); j--) w.order[j] = w.order[j - 1];
    w.order[j] = o;
  }
  return count;
}

function before(model: Model, w: OfferScratch, a: number, b: number): boolean {
  return w.support[a] > w.support[b] || (w.support[a] === w.support[b] && model.idRank[a] < model.idRank[b]);
}

function membersOf(s: RunState, label: number, into: Int32Array): number {
  let count = 0;
  for (let j = 0; j < s.coalition.length; j++) if (s.coalition[j] === label) into[count++] = j;
  return count;
}

/** U_o(government ∪ {o}) − U_o(o's coalition now); w.members[0..count) are the government's members. */
function outsiderGain(model: Model, s: RunState, w: OfferScratch, o: number, count: number): number {
  const here = membersOf(s, s.coalition[o], w.others);
  const now = utility(model, s, o, w.others, here);
  w.members[count] = o;
  return utility(model, s, o, w.members, count + 1) - now;
}

/** Whether the government's members w.members[0..count) admit o by the scenario's consent rule. */
function membersConsent(model: Model, s: RunState, w: OfferScratch, count: number, o: number): boolean {
  let seats = 0;
  for (let k = 0; k < count; k++) seats += s.seats[w.members[k]];
  let yes = 0;
  let total = 0;
  let all = true;
  for (let k = 0; k < count; k++) {
    const m = w.members[k];
    const without = utility(model, s, m, w.members, count);
    w.members[count] = o;
    const gains = utility(model, s, m, w.members, count + 1) > without;
    const weight = seats > 0 ? s.seats[m] : 1;
    total += weight;
    if (gains) yes += weight;
    else all = false;
  }
  return model.unanimity ? all : yes * 2 > total;
}
