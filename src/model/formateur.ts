// The formateur's proposal (docs/model.md §4): when no coalition can govern, one party, recognised
// with probability proportional to its seats (Baron & Ferejohn 1989), puts together a government
// party by party, paying each partner in office what it takes to prefer the government to where it
// stands. One-at-a-time moves cannot cross the valley of coalitions too small to govern; a
// formateur's package can.
import type { Rng } from "../rng/rng.ts";
import type { Model } from "./model.ts";
import type { RunState } from "./state.ts";
import type { Tracer } from "./tracer.ts";
import { GroupView, PartnerSums, TermsCache, utilitiesWhereTheyStand } from "./group-view.ts";
import { priceOf } from "./side-payment.ts";

export class FormateurScratch {
  readonly proposal: Int32Array;
  readonly others: Int32Array;
  readonly inProposal: Uint8Array;
  readonly price: Float64Array;
  /** Each actor's utility where it stands, computed once per proposal (nothing moves while it is put together). */
  readonly now: Float64Array;
  readonly terms = new Float64Array(4);
  readonly cache: TermsCache;
  readonly group = new GroupView();
  readonly candidate = new GroupView();
  readonly sums: PartnerSums;
  constructor(n: number) {
    this.proposal = new Int32Array(n + 1);
    this.others = new Int32Array(n);
    this.inProposal = new Uint8Array(n);
    this.price = new Float64Array(n);
    this.now = new Float64Array(n);
    this.cache = new TermsCache(n);
    this.sums = new PartnerSums(n);
  }
}

/**
 * Recognises a formateur and, if it can assemble a government whose partners it can pay to prefer it
 * to where they stand and still gain itself, moves the members into one coalition and records the
 * side payments. Returns whether it did. Draws one random number.
 */
export function formateurProposal(model: Model, s: RunState, rng: Rng, w: FormateurScratch, trace?: Tracer): boolean {
  const f = recognise(model, s, rng);
  if (f < 0) return false;
  w.cache.prepare(model, s);
  utilitiesWhereTheyStand(model, s, w.cache, w.group, w.others, w.now);
  const count = assemble(model, s, w, f);
  const agreed = count > 1 && w.group.set(model, s, w.proposal, count).governable(model, s) && settle(model, s, w, f, count);
  if (trace && count > 1) {
    trace.add({ kind: "formateur", round: s.round, actor: model.ids[f], proposal: Array.from(w.proposal.subarray(0, count), (j) => model.ids[j]).sort(), accepted: agreed });
  }
  if (!agreed) return false;
  const label = freeLabelFor(s, w, count);
  let paid = 0;
  for (let k = 0; k < count; k++) {
    const j = w.proposal[k];
    s.coalition[j] = label;
    if (k > 0) {
      s.transfer[j] = w.price[j];
      paid += w.price[j];
    }
  }
  s.transfer[f] = -paid;
  s.version++;
  return true;
}

/** A premier-eligible party that bargains as one, drawn with probability proportional to its seats; -1 if none has seats. */
function recognise(model: Model, s: RunState, rng: Rng): number {
  let total = 0;
  for (let i = 0; i < model.n; i++) if (recognisable(model, s, i)) total += s.seats[i];
  if (total <= 0) return -1;
  let target = rng.next() * total;
  let last = -1;
  for (let i = 0; i < model.n; i++) {
    if (!recognisable(model, s, i)) continue;
    last = i;
    target -= s.seats[i];
    if (target < 0) return i;
  }
  return last;
}

function recognisable(model: Model, s: RunState, i: number): boolean {
  return model.pmEligible[i] === 1 && model.fragmented[i] === 0 && s.seats[i] > 0;
}

/**
 * Greedy assembly: the formateur adds, one at a time, the party that leaves it best off net of the
 * office it must pay that party (as long as it can pay out of its own office), until the proposal can
 * govern. (Partners beyond that are the offers'
 * business, before the vote.) Writes the members to w.proposal and returns their number.
 */
function assemble(model: Model, s: RunState, w: FormateurScratch, f: number): number {
  const { group, cache } = w;
  w.inProposal.fill(0);
  w.proposal[0] = f;
  w.inProposal[f] = 1;
  let count = 1;
  let paid = 0;
  const { candidate, sums } = w;
  sums.clear().add(model, s, f);
  while (count < model.n && !group.set(model, s, w.proposal, count).governable(model, s)) {
    let best = -1;
    let bestNet = -Infinity;
    let bestPrice = 0;
    for (let j = 0; j < model.n; j++) {
      if (w.inProposal[j] === 1 || model.fragmented[j] === 1) continue;
      w.proposal[count] = j;
      candidate.setWith(model, s, group, j);
      const mine = candidate.utilityFromSums(model, s, cache.terms[f], sums, j, w.terms);
      if (mine - s.wPower[f] * paid <= bestNet) continue; // a price is never negative: j cannot beat the best
      const price = priceOf(w.now[j], candidate.utilityFromSums(model, s, cache.terms[j], sums, -1), s.wPower[j]);
      const net = mine - s.wPower[f] * (paid + price);
      // It cannot pay out more office than it would hold once governing (settle checks the final package).
      if (net > bestNet && (paid + price <= w.terms[0] || !candidate.governable(model, s))) {
        best = j;
        bestNet = net;
        bestPrice = price;
      }
    }
    if (best < 0) break;
    w.proposal[count++] = best;
    w.inProposal[best] = 1;
    sums.add(model, s, best);
    paid += bestPrice;
  }
  return count;
}

/**
 * Prices every partner against the final proposal (set in w.group); the deal stands if the formateur
 * can pay them out of its own office and still prefers the government, net of what it pays, to where
 * it stands.
 */
function settle(model: Model, s: RunState, w: FormateurScratch, f: number, count: number): boolean {
  let total = 0;
  for (let k = 1; k < count; k++) {
    const j = w.proposal[k];
    w.price[j] = priceOf(w.now[j], w.group.utilityOf(model, s, w.cache.terms[j]), s.wPower[j]);
    total += w.price[j];
  }
  const mine = w.group.utilityOf(model, s, w.cache.terms[f], w.terms);
  if (total > w.terms[0]) return false; // more office than it holds
  return mine - s.wPower[f] * total > w.now[f];
}

/** A label that no actor outside the proposal uses (one always exists: the proposal holds at least one actor). */
function freeLabelFor(s: RunState, w: FormateurScratch, count: number): number {
  const n = s.coalition.length;
  for (let label = 0; label < n; label++) {
    let taken = false;
    for (let j = 0; j < n && !taken; j++) taken = w.inProposal[j] === 0 && s.coalition[j] === label;
    if (!taken) return label;
  }
  return s.coalition[w.proposal[count - 1]];
}
