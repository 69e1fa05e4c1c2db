// How much an actor outside a coalition supports it: the basis of attendance at its votes and of the
// order in which a forming government offers office (docs/model.md §4).
import type { Model } from "./model.ts";
import type { RunState } from "./state.ts";

/**
 * An outsider's support for a government: clout-weighted mean affinity (less policy distance) to
 * its members, plus its base's verdict on their sects.
 */
export function supportFor(model: Model, s: RunState, o: number, label: number): number {
  const n = model.n;
  let weight = 0;
  let affinity = 0;
  let sectView = 0;
  for (let j = 0; j < n; j++) {
    if (s.coalition[j] !== label) continue;
    const c = s.clout[j];
    weight += c;
    affinity += c * (s.rel[o * n + j] - s.policyDistance[o * n + j]);
    sectView += s.cloutView[o * n + j];
  }
  return weight > 0 ? (affinity + s.base[o] * sectView) / weight : 0;
}
