// One actor's turn: stay, leave, or propose to join another coalition (docs/model.md, "Negotiation").
import type { Rng } from "../rng/rng.ts";
import type { Model } from "./compile.ts";
import { nudgeRelation } from "./dynamics.ts";
import { P } from "./params.ts";
import type { Partition } from "./partition.ts";
import type { RunState } from "./state.ts";
import { utility } from "./utility.ts";
import { checkGovernment } from "./government.ts";

/** Scratch buffers for one worker; reused by every turn of every run. */
export class TurnScratch {
  readonly members: Int32Array;
  readonly joined: Int32Array;
  readonly optionLabel: Int32Array;
  readonly optionUtility: Float64Array;
  readonly gain: Float64Array;
  constructor(n: number) {
    this.members = new Int32Array(n + 1);
    this.joined = new Int32Array(n + 1);
    this.optionLabel = new Int32Array(n + 1);
    this.optionUtility = new Float64Array(n + 1);
    this.gain = new Float64Array(n + 1);
  }
}

const LEAVE = -1;

export function takeTurn(model: Model, s: RunState, rng: Rng, part: Partition, w: TurnScratch, i: number): void {
  if (model.fragmented[i] === 1) return;
  part.rebuild(s);
  const current = s.coalition[i];
  let options = 0;
  // Option 0: stay.
  w.optionLabel[options] = current;
  w.optionUtility[options++] = utility(model, s, i, w.members, part.copyMembers(current, w.members));
  if (part.size(current) > 1) {
    w.members[0] = i;
    w.optionLabel[options] = LEAVE;
    w.optionUtility[options++] = utility(model, s, i, w.members, 1);
  }
  for (let label = 0; label < model.n; label++) {
    if (label === current || part.size(label) === 0) continue;
    const count = part.copyMembers(label, w.members);
    if (model.fragmented[w.members[0]] === 1) continue;
    w.members[count] = i;
    w.optionLabel[options] = label;
    w.optionUtility[options++] = utility(model, s, i, w.members, count + 1);
  }
  const pick = logitChoice(rng, w.optionUtility, options, s.params[P.temperature]);
  const target = w.optionLabel[pick];
  if (target === current) return;
  if (target === LEAVE) {
    s.coalition[i] = part.freeLabel();
  } else if (admits(model, s, part, w, target, i)) {
    s.coalition[i] = target;
  } else {
    return;
  }
  checkGovernment(model, s);
}

/**
 * Bounded-rationality choice: option k is taken with probability ∝ exp(u_k / temperature)
 * (McFadden's conditional logit). Draws one uniform number.
 */
export function logitChoice(rng: Rng, utilities: Float64Array, count: number, temperature: number): number {
  let best = -Infinity;
  for (let k = 0; k < count; k++) if (utilities[k] > best) best = utilities[k];
  let total = 0;
  for (let k = 0; k < count; k++) total += Math.exp((utilities[k] - best) / temperature);
  let target = rng.next() * total;
  for (let k = 0; k < count; k++) {
    target -= Math.exp((utilities[k] - best) / temperature);
    if (target < 0) return k;
  }
  return count - 1;
}

/**
 * Whether coalition `label` admits proposer i: each member compares its utility with and without i;
 * the proposal passes by seat-weighted majority of members who gain (or unanimity). Accepting members
 * warm to the proposer, refusing members cool.
 */
function admits(model: Model, s: RunState, part: Partition, w: TurnScratch, label: number, i: number): boolean {
  const count = part.copyMembers(label, w.members);
  for (let k = 0; k < count; k++) w.joined[k] = w.members[k];
  w.joined[count] = i;
  let yesWeight = 0;
  let totalWeight = 0;
  let allYes = true;
  let seatsInCoalition = 0;
  for (let k = 0; k < count; k++) seatsInCoalition += s.seats[w.members[k]];
  for (let k = 0; k < count; k++) {
    const m = w.members[k];
    w.gain[k] = utility(model, s, m, w.joined, count + 1) - utility(model, s, m, w.members, count);
    const weight = seatsInCoalition > 0 ? s.seats[m] : 1;
    totalWeight += weight;
    if (w.gain[k] > 0) yesWeight += weight;
    else allYes = false;
  }
  const accepted = model.unanimity ? allYes : yesWeight * 2 > totalWeight;
  const overture = s.params[P.overture];
  const rebuff = s.params[P.rebuff];
  for (let k = 0; k < count; k++) {
    const m = w.members[k];
    if (w.gain[k] > 0) nudgeRelation(s, model.n, i, m, overture);
    else nudgeRelation(s, model.n, i, m, -rebuff);
  }
  return accepted;
}
