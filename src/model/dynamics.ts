// How relations move each round (docs/model.md, "Relation dynamics").
import type { Model } from "./model.ts";
import { clampUnit } from "./clamp.ts";
import { P } from "./params.ts";
import type { RunState } from "./state.ts";

/** Decay toward the baseline, plus the pull Iranian pressure exerts between Iran-aligned actors. */
export function driftRelations(model: Model, s: RunState): void {
  const n = model.n;
  const decay = s.params[P.decay];
  const pressure = model.iranPressure >= 0 ? s.drivers[model.iranPressure] : 0;
  const pull = s.params[P.pressure_pull] * pressure;
  const { rel, rel0, align } = s; // locals: typed-array stores would otherwise force field reloads
  for (let i = 0; i < n; i++) {
    const rowPull = pull * (align[i] > 0 ? align[i] : 0); // (pull × a_i) × a_j, the product in the order it always had
    const row = i * n;
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const c = row + j;
      const r = rel[c] + decay * (rel0[c] - rel[c]) + rowPull * (align[j] > 0 ? align[j] : 0);
      rel[c] = r > 1 ? 1 : r < -1 ? -1 : r;
    }
  }
  s.version++; // premiers under the kingmaker's veto depend on relations
}

/**
 * Adds `delta` to the affinity between a and b (both directions), kept in [-1, 1]. Used between a
 * proposer and the members of the coalition it asked to join, which are in different coalitions, so no
 * coalition's premier (which depends only on its members' views of each other) can change: the state's
 * version is left alone.
 */
export function nudgeRelation(s: RunState, n: number, a: number, b: number, delta: number): void {
  s.rel[a * n + b] = clampUnit(s.rel[a * n + b] + delta);
  s.rel[b * n + a] = clampUnit(s.rel[b * n + a] + delta);
}
