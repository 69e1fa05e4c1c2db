// Turns a validated scenario into the engine's plain-data model: index maps, a template state holding
// every fixed number, and one sampling slot per uncertain assumption.
import type { ScenarioSpec } from "../scenario/schema/scenario.ts";
import { SECTS } from "../scenario/schema/ids.ts";
import { isPmEligible } from "../scenario/schema/procedure.ts";
import { isDistribution, SEATS, SHIFT, SIGNED_UNIT, UNIT, WEIGHT, type QuantitySpec, type Range } from "../scenario/schema/quantity.ts";
import { RunState, type SampledArray } from "./state.ts";
import { P, type ParamName } from "./params.ts";
import { compileCondition, type ConditionContext } from "./conditions.ts";
import { compileMetric } from "./metrics.ts";
import { computePolicyDistance } from "./policy-distance.ts";
import { EffectKind, type CompiledEffect, type CompiledEvent, type CompiledStep, type Model, type Slot } from "./model.ts";

export { EffectKind, type CompiledEffect, type CompiledEvent, type CompiledStep, type Model, type Slot } from "./model.ts";

export function compileModel(spec: ScenarioSpec): Model {
  const n = spec.actors.length;
  const ids = spec.actors.map((a) => a.id);
  const index = new Map(ids.map((id, i) => [id, i]));
  const driverIds = Object.keys(spec.drivers).sort();
  const driverIndex = new Map(driverIds.map((d, i) => [d, i]));
  const blocIds = [...new Set(spec.actors.flatMap((a) => (a.bloc ? [a.bloc] : [])))].sort();
  const blocOf = Int32Array.from(spec.actors.map((a) => (a.bloc ? blocIds.indexOf(a.bloc) : -1)));
  const issueIds = spec.issues.map((i) => i.id);
  const effectCount = spec.events.reduce((sum, e) => sum + e.effects.length, 0);
  const candidates = spec.procedure.candidates;
  const slots: Slot[] = [];
  const dims = {
    actors: n, sects: SECTS.length, drivers: driverIds.length, events: spec.events.length, effects: effectCount, issues: issueIds.length, candidates: candidates.length, slots: 0,
  };
  const template = new RunState(dims);
  const set = (path: string, value: QuantitySpec, range: Range, array: SampledArray, indices: number[]) => {
    if (isDistribution(value)) slots.push({ path, array, indices, dist: value, range });
    else for (const i of indices) template[array][i] = value;
  };

  spec.actors.forEach((a, i) => {
    const at = `actors.${a.id}`;
    if (a.seats !== "rest") set(`${at}.seats`, a.seats, SEATS, "seats", [i]);
    set(`${at}.power`, a.power, UNIT, "power", [i]);
    set(`${at}.iran_alignment`, a.iran_alignment, SIGNED_UNIT, "align", [i]);
    set(`${at}.base`, a.base, UNIT, "base", [i]);
    set(`${at}.weights.power`, a.weights.power, WEIGHT, "wPower", [i]);
    set(`${at}.weights.iran`, a.weights.iran, WEIGHT, "wIran", [i]);
    set(`${at}.weights.base`, a.weights.base, WEIGHT, "wBase", [i]);
    set(`${at}.weights.relations`, a.weights.relations, WEIGHT, "wRel", [i]);
    issueIds.forEach((issue, k) => {
      const p = a.positions?.[issue];
      const cell = i * issueIds.length + k;
      if (!p) template.position[cell] = NaN;
      else {
        set(`${at}.positions.${issue}.position`, p.position, SIGNED_UNIT, "position", [cell]);
        set(`${at}.positions.${issue}.salience`, p.salience, UNIT, "salience", [cell]);
      }
    });
  });

  compileRelations(spec, index, n, set);
  compileSectAffinity(spec, set);
  driverIds.forEach((d, k) => set(`drivers.${d}`, spec.drivers[d], UNIT, "drivers", [k]));
  compileParams(spec, set);
  candidates.forEach((c, k) => {
    if (c.lift === undefined) template.candidateLift[k] = NaN;
    else set(`procedure.candidates.${c.id}.lift`, c.lift, UNIT, "candidateLift", [k]);
  });
  const candidateParty = Int32Array.from(candidates.map((c) => (c.party === "independent" ? -1 : index.get(c.party)!)));

  const ctx: ConditionContext & { ids: string[]; blocIds: string[]; blocOf: Int32Array } = {
    n,
    ids,
    blocIds,
    blocOf,
    actorIndex: (id) => index.get(id)!,
    driverIndex: (id) => driverIndex.get(id)!,
    blocMembers: (bloc) => spec.actors.flatMap((a, i) => (a.bloc === bloc ? [i] : [])),
    candidateIndex: (id) => candidates.findIndex((c) => c.id === id),
  };
  const events = compileEvents(spec, ctx, driverIndex, set);
  const steps = compileSteps(spec);
  dims.slots = slots.length;
  const positionsVary = slots.some((slot) => slot.array === "position" || slot.array === "salience");
  if (!positionsVary) computePolicyDistance({ n, issues: issueIds.length }, template);

  return {
    spec,
    n,
    ids,
    sect: Int32Array.from(spec.actors.map((a) => SECTS.indexOf(a.sect))),
    shiaSect: SECTS.indexOf("shia"),
    blocIds,
    blocOf,
    initialCoalition: initialCoalition(spec, index),
    campaign: campaignExposure(spec, index),
    pmEligible: Uint8Array.from(spec.actors.map((a) => (!a.fragmented && isPmEligible(a, spec.procedure.pm_eligible) ? 1 : 0))),
    fragmented: Uint8Array.from(spec.actors.map((a) => (a.fragmented ? 1 : 0))),
    totalSeats: spec.parliament.seats,
    restActor: spec.actors.findIndex((a) => a.seats === "rest"),
    issues: issueIds.length,
    positionsVary,
    steps,
    minWinning: Math.max(...steps.map((s) => (s.passFractionOfPresent > 0 ? s.passFractionOfPresent * spec.parliament.seats : s.passSeats))),
    secureSeats: Math.max(...steps.map((s) => Math.max(s.quorumSeats, s.passFractionOfPresent > 0 ? s.passFractionOfPresent * spec.parliament.seats : s.passSeats))),
    candidateIds: candidates.map((c) => c.id),
    candidateParty,
    candidatesOf: ids.map((_, i) => candidates.flatMap((c, k) => (candidateParty[k] === i ? [k] : []))),
    independents: candidates.flatMap((c, k) => (candidateParty[k] === -1 ? [k] : [])),
    independentPremier: spec.procedure.independent_premier,
    unanimity: spec.model.consent === "unanimity",
    premierVeto: spec.procedure.pm_rule === "acceptable",
    caretaker: spec.procedure.caretaker ? index.get(spec.procedure.caretaker)! : -1,
    maxRounds: spec.rounds.max,
    blockedMemory: spec.model.blocked_memory,
    stabilityRounds: spec.rounds.stability,
    iranPressure: driverIndex.get("iran_pressure") ?? -1,
    driverIds,
    template,
    slots,
    events,
    outcomes: spec.outcomes.map((o) => ({ id: o.id, label: o.label, test: o.when ? compileCondition(o.when, ctx) : () => true })),
    conditions: ctx,
    metrics: spec.metrics.map((m) => compileMetric(m, ctx)),
  };
}

/** Coalitions at the start: the opening region's lists if the campaign names one, else the blocs. */
function initialCoalition(spec: ScenarioSpec, index: Map<string, number>): Int32Array {
  const opening = spec.campaign?.regions.find((r) => r.id === spec.campaign!.opening);
  if (opening) {
    const start = Int32Array.from(spec.actors.map((_, i) => i));
    for (const list of opening.lists) {
      const first = Math.min(...list.map((id) => index.get(id)!));
      for (const id of list) start[index.get(id)!] = first;
    }
    return start;
  }
  return Int32Array.from(spec.actors.map((a, i) => (a.bloc && !a.fragmented ? spec.actors.findIndex((b) => b.bloc === a.bloc && !b.fragmented) : i)));
}

function campaignExposure(spec: ScenarioSpec, index: Map<string, number>): Model["campaign"] {
  if (!spec.campaign) return null;
  const n = spec.actors.length;
  const rival = new Float64Array(n * n);
  const joint = new Float64Array(n * n);
  for (const region of spec.campaign.regions) {
    const listOf = new Map<number, number>();
    region.lists.forEach((list, k) => list.forEach((id) => listOf.set(index.get(id)!, k)));
    for (const [i, li] of listOf) {
      for (const [j, lj] of listOf) {
        if (i === j) continue;
        if (li === lj) joint[i * n + j] += region.stake;
        else rival[i * n + j] += region.stake;
      }
    }
  }
  return { rival, joint };
}

type Setter = (path: string, value: QuantitySpec, range: Range, array: SampledArray, indices: number[]) => void;

function compileRelations(spec: ScenarioSpec, index: Map<string, number>, n: number, set: Setter): void {
  const listed = new Set<number>();
  const pairCells = spec.relations.pairs.map((p) => {
    const a = index.get(p.between[0])!;
    const b = index.get(p.between[1])!;
    const cells = p.directed ? [a * n + b] : [a * n + b, b * n + a];
    cells.forEach((c) => listed.add(c));
    return cells;
  });
  const defaults: number[] = [];
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j && !listed.has(i * n + j)) defaults.push(i * n + j);
  set("relations.default", spec.relations.default, SIGNED_UNIT, "rel0", defaults);
  spec.relations.pairs.forEach((p, k) => set(`relations.pairs[${k}].value`, p.value, SIGNED_UNIT, "rel0", pairCells[k]));
}

function compileSectAffinity(spec: ScenarioSpec, set: Setter): void {
  const s = SECTS.length;
  const listed = new Set(spec.sect_affinity.pairs.map((p) => SECTS.indexOf(p.base) * s + SECTS.indexOf(p.partner)));
  const defaults: number[] = [];
  for (let c = 0; c < s * s; c++) if (!listed.has(c)) defaults.push(c);
  set("sect_affinity.default", spec.sect_affinity.default, SIGNED_UNIT, "sectAff", defaults);
  spec.sect_affinity.pairs.forEach((p, k) =>
    set(`sect_affinity.pairs[${k}].value`, p.value, SIGNED_UNIT, "sectAff", [SECTS.indexOf(p.base) * s + SECTS.indexOf(p.partner)]),
  );
}

function compileParams(spec: ScenarioSpec, set: Setter): void {
  const m = spec.model;
  const param = (name: ParamName, value: QuantitySpec, range: Range, path = `model.${name}`) => set(path, value, range, "params", [P[name]]);
  param("temperature", m.temperature, { min: 0.001, max: 10 });
  param("office_value", m.office_value, WEIGHT);
  param("pm_bonus", m.pm_bonus, WEIGHT);
  param("pm_sect_bonus", m.pm_sect_bonus, WEIGHT);
  param("opposition_value", m.opposition_value, WEIGHT);
  param("caretaker_value", m.caretaker_value, UNIT);
  param("power_scale", m.power_scale, UNIT);
  param("enemy_penalty", m.enemy_penalty, WEIGHT);
  param("fragmented_backing", m.fragmented_backing, UNIT);
  param("decay", m.dynamics.decay, UNIT, "model.dynamics.decay");
  param("pressure_pull", m.dynamics.pressure_pull, UNIT, "model.dynamics.pressure_pull");
  param("overture", m.dynamics.overture, UNIT, "model.dynamics.overture");
  param("rebuff", m.dynamics.rebuff, UNIT, "model.dynamics.rebuff");
  param("boycott_below", m.attendance.boycott_below, SIGNED_UNIT, "model.attendance.boycott_below");
  param("attendance_temperature", m.attendance.temperature, { min: 0.001, max: 1 }, "model.attendance.temperature");
  if (spec.campaign) {
    param("campaign_rivalry", spec.campaign.rivalry, UNIT, "campaign.rivalry");
    param("campaign_solidarity", spec.campaign.solidarity, UNIT, "campaign.solidarity");
  }
  param("veto_below", m.premier_veto.below, SIGNED_UNIT, "model.premier_veto.below");
  param("veto_share", m.premier_veto.min_share, UNIT, "model.premier_veto.min_share");
  param("delay_cost", m.delay_cost, UNIT);
  param("office_sharing", m.office.sharing, UNIT, "model.office.sharing");
  param("office_inclusion", m.office.inclusion, UNIT, "model.office.inclusion");
  param("office_unsecured", m.office.unsecured, UNIT, "model.office.unsecured");
  param("office_cushion", m.office.cushion, UNIT, "model.office.cushion");
  param("compromise_lift", m.compromise.lift, UNIT, "model.compromise.lift");
  param("compromise_bonus_share", m.compromise.bonus_share, UNIT, "model.compromise.bonus_share");
}

function compileEvents(spec: ScenarioSpec, ctx: ConditionContext, driverIndex: Map<string, number>, set: Setter): CompiledEvent[] {
  let shiftIndex = 0;
  return spec.events.map((e, k) => {
    set(`events.${e.id}.probability`, e.probability, UNIT, "eventProb", [k]);
    const effects = e.effects.map((eff, j): CompiledEffect => {
      const at = `events.${e.id}.effects[${j}]`;
      const slot = shiftIndex++;
      if (eff.relation) {
        set(`${at}.relation.shift`, eff.relation.shift, SHIFT, "effectShift", [slot]);
        const [a, b] = eff.relation.between.map(ctx.actorIndex);
        return { kind: EffectKind.Relation, a, b, directed: eff.relation.directed, shiftIndex: slot };
      }
      if (eff.driver) {
        set(`${at}.driver.shift`, eff.driver.shift, SHIFT, "effectShift", [slot]);
        return { kind: EffectKind.Driver, a: driverIndex.get(eff.driver.id)!, b: -1, directed: false, shiftIndex: slot };
      }
      const shift = (eff.power ?? eff.seats)!;
      set(`${at}.${eff.power ? "power" : "seats"}.shift`, shift.shift, { min: -1000, max: 1000 }, "effectShift", [slot]);
      return { kind: eff.power ? EffectKind.Power : EffectKind.Seats, a: ctx.actorIndex(shift.actor), b: -1, directed: false, shiftIndex: slot };
    });
    return { id: e.id, label: e.label ?? e.id, test: e.when ? compileCondition(e.when, ctx) : undefined, once: e.once, effects };
  });
}

function compileSteps(spec: ScenarioSpec): CompiledStep[] {
  const total = spec.parliament.seats;
  return spec.procedure.steps.map((step) => {
    const quorumSeats = step.quorum.seats ?? step.quorum.fraction! * total;
    const ofPresent = step.pass.of === "present" && step.pass.fraction !== undefined;
    return {
      id: step.id,
      quorumSeats,
      passSeats: step.pass.seats ?? (ofPresent ? 0 : step.pass.fraction! * total),
      passFractionOfPresent: ofPresent ? step.pass.fraction! : 0,
    };
  });
}
