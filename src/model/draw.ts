// Prepares a run: copies the fixed numbers, samples every uncertain assumption once, derives the rest.
import { shuffleInPlace, type Rng } from "../rng/rng.ts";
import type { Model } from "./model.ts";
import { P } from "./params.ts";
import { clampUnit } from "./clamp.ts";
import { computePolicyDistance } from "./policy-distance.ts";
import { sampleDistribution } from "./sample.ts";
import type { RunState } from "./state.ts";

export function prepareRun(model: Model, s: RunState, rng: Rng): void {
  s.resetFrom(model.template);
  for (let k = 0; k < model.slots.length; k++) {
    const slot = model.slots[k];
    const drawn = sampleDistribution(rng, slot.dist, slot.range);
    const value = slot.pinned ?? drawn;
    s.sampled[k] = value;
    const target = s[slot.array];
    for (const i of slot.indices) target[i] = value;
  }
  if (model.restActor >= 0) fillRestSeats(model, s);
  for (let i = 0; i < model.n; i++) s.tieRank[i] = i;
  shuffleInPlace(rng, s.tieRank);
  s.rel.set(s.rel0);
  if (model.campaign) applyCampaign(model, s);
  s.coalition.set(model.initialCoalition);
  s.caretaker = model.caretaker;
  if (model.positionsVary) computePolicyDistance(model, s);
  else s.policyDistance.set(model.template.policyDistance);
  updateClout(model, s);
}

/** The campaign's lasting mark on relations at the start: rival lists cool them, shared lists warm them (not their baselines). */
function applyCampaign(model: Model, s: RunState): void {
  const { rival, joint } = model.campaign!;
  const rivalry = s.params[P.campaign_rivalry];
  const solidarity = s.params[P.campaign_solidarity];
  for (let c = 0; c < rival.length; c++) {
    s.rel[c] = clampUnit(s.rel[c] - rivalry * rival[c] + solidarity * joint[c]);
  }
}

function fillRestSeats(model: Model, s: RunState): void {
  let others = 0;
  for (let i = 0; i < model.n; i++) if (i !== model.restActor) others += s.seats[i];
  s.seats[model.restActor] = Math.max(0, model.totalSeats - others);
}

/** Clout = seat share + power_scale × power: the weight an actor carries beyond a vote count. */
export function updateClout(model: Model, s: RunState): void {
  const scale = s.params[P.power_scale];
  let shia = 0;
  let fragmentedSeats = 0;
  let bargainingSeats = 0;
  const coverage = s.coverage;
  coverage.fill(0);
  for (let i = 0; i < model.n; i++) {
    s.clout[i] = s.seats[i] / model.totalSeats + scale * s.power[i];
    if (model.sect[i] === model.shiaSect) shia += s.clout[i];
    if (model.fragmented[i] === 1) fragmentedSeats += s.seats[i];
    else {
      coverage[1 << model.sect[i]] += s.seats[i]; // each sect's seats, at its one-sect mask
      bargainingSeats += s.seats[i];
    }
  }
  if (bargainingSeats > 0) for (let k = 0; k < s.dims.sects; k++) coverage[1 << k] /= bargainingSeats;
  // coverage[mask] = coverage[mask without its lowest sect] + that sect's share
  for (let mask = 1; mask < coverage.length; mask++) {
    const lowest = mask & -mask;
    if (lowest !== mask) coverage[mask] = coverage[mask ^ lowest] + coverage[lowest];
  }
  s.shiaClout = shia;
  updateCloutView(model, s);
  s.version++;
  s.fragmentedBacking = s.params[P.fragmented_backing] * fragmentedSeats;
}

function updateCloutView(model: Model, s: RunState): void {
  const n = model.n;
  const sects = s.dims.sects;
  const { clout, sectAff, cloutView } = s;
  for (let i = 0; i < n; i++) {
    const row = model.sect[i] * sects;
    for (let j = 0; j < n; j++) cloutView[i * n + j] = clout[j] * sectAff[row + model.sect[j]];
  }
}
