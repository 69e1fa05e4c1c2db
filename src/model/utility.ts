// The four utility terms of an actor in a coalition (docs/model.md, "Utility").
import type { Model } from "./compile.ts";
import { P } from "./params.ts";
import type { RunState } from "./state.ts";

/** Term values written by `utility` when asked: [power, iran, base, relations] (unweighted). */
export type Terms = Float64Array;
export const TERM_NAMES = ["power", "iran", "base", "relations"] as const;

/**
 * Utility of actor `i` in the coalition whose members are `members[0..count)` (which include i).
 * Pure arithmetic over typed arrays: this is the engine's innermost function.
 */
export function utility(model: Model, s: RunState, i: number, members: Int32Array, count: number, terms?: Terms): number {
  const n = model.n;
  let seats = 0;
  let shia = 0;
  let pm = -1;
  let partnerClout = 0;
  let sectView = 0;
  let affinity = 0;
  let enmity = 0;
  const mySect = model.sect[i];
  let withinBlocked = s.round <= s.blockedUntil;
  const row = i * n;
  for (let k = 0; k < count; k++) {
    const j = members[k];
    seats += s.seats[j];
    if (s.blocked[j] === 0) withinBlocked = false;
    if (model.sect[j] === model.shiaSect) shia += s.clout[j];
    if (model.pmEligible[j] === 1 && (pm < 0 || beats(model, s, j, pm))) pm = j;
    if (j === i) continue;
    const c = s.clout[j];
    partnerClout += c;
    sectView += c * s.sectAff[mySect * s.dims.sects + model.sect[j]];
    const r = s.rel[row + j];
    affinity += r - s.policyDistance[row + j];
    if (r < 0) enmity += r * r;
  }
  const partners = count - 1;
  const governs = pm >= 0 && seats + s.fragmentedBacking >= model.minWinning && !withinBlocked;

  const power = governs
    ? s.params[P.office_value] * (seats > 0 ? s.seats[i] / seats : 0) + (pm === i ? s.params[P.pm_bonus] : 0)
    : s.params[P.opposition_value] * s.clout[i];
  const pressure = model.iranPressure >= 0 ? s.drivers[model.iranPressure] : 0;
  const iran = s.shiaClout > 0 ? pressure * s.align[i] * (shia / s.shiaClout) : 0;
  const sectOfPm = governs && model.sect[pm] === mySect ? s.params[P.pm_sect_bonus] : 0;
  const base = s.base[i] * ((partnerClout > 0 ? sectView / partnerClout : 0) + sectOfPm);
  const relations = partners > 0 ? (affinity - s.params[P.enemy_penalty] * enmity) / partners : 0;

  if (terms) {
    terms[0] = power;
    terms[1] = iran;
    terms[2] = base;
    terms[3] = relations;
  }
  return s.wPower[i] * power + s.wIran[i] * iran + s.wBase[i] * base + s.wRel[i] * relations;
}

/** Whether j outranks k for the premiership: more seats, ties to the smaller id. */
export function beats(model: Model, s: RunState, j: number, k: number): boolean {
  return s.seats[j] > s.seats[k] || (s.seats[j] === s.seats[k] && model.idRank[j] < model.idRank[k]);
}
