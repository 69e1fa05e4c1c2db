// Per-round shocks: each event whose condition holds fires with its probability.
import type { Rng } from "../rng/rng.ts";
import { EffectKind, type CompiledEffect, type Model } from "./model.ts";
import { clampUnit } from "./clamp.ts";
import { updateClout } from "./draw.ts";
import type { RunState } from "./state.ts";

export function fireEvents(model: Model, s: RunState, rng: Rng, onFire?: (event: number) => void): void {
  for (let k = 0; k < model.events.length; k++) {
    const event = model.events[k];
    if (event.once && s.eventFired[k] === 1) continue;
    if (event.test && !event.test(s)) continue;
    if (rng.next() >= s.eventProb[k]) continue;
    s.eventFired[k] = 1;
    for (const effect of event.effects) applyEffect(model, s, effect);
    onFire?.(k);
  }
}

function applyEffect(model: Model, s: RunState, e: CompiledEffect): void {
  const shift = s.effectShift[e.shiftIndex];
  const n = model.n;
  switch (e.kind) {
    case EffectKind.Relation:
      shiftRelation(s, e.a * n + e.b, shift);
      if (!e.directed) shiftRelation(s, e.b * n + e.a, shift);
      return;
    case EffectKind.Driver:
      s.drivers[e.a] = Math.min(1, Math.max(0, s.drivers[e.a] + shift));
      return;
    case EffectKind.Power:
      s.power[e.a] = Math.min(1, Math.max(0, s.power[e.a] + shift));
      updateClout(model, s);
      return;
    case EffectKind.Seats:
      s.seats[e.a] = Math.max(0, s.seats[e.a] + shift);
      updateClout(model, s);
      return;
  }
}

/** An event's lasting change: the affinity and its baseline move together. */
function shiftRelation(s: RunState, cell: number, shift: number): void {
  s.rel[cell] = clampUnit(s.rel[cell] + shift);
  s.rel0[cell] = clampUnit(s.rel0[cell] + shift);
  s.version++;
}
