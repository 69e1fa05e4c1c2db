// Side payments in office (docs/model.md §4): a formateur or premier can give a partner posts out of
// its own share so that the partner prefers the government to where it stands (Baron & Ferejohn 1989:
// the formateur buys each partner at its reservation value). Prices are in units of the power term.
import type { Model } from "./model.ts";
import type { RunState } from "./state.ts";
import { utility } from "./utility.ts";

/** Keeps "prefers" strict: a partner paid exactly its deficit would be indifferent. */
const MARGIN = 1e-9;

/** Utility of j in the coalition it is in now; `scratch` (length ≥ n) receives that coalition's members. */
export function utilityWhereItStands(model: Model, s: RunState, j: number, scratch: Int32Array): number {
  let count = 0;
  for (let k = 0; k < model.n; k++) if (s.coalition[k] === s.coalition[j]) scratch[count++] = k;
  return utility(model, s, j, scratch, count);
}

/**
 * The office j must be paid to prefer the coalition `members[0..count)` (which includes j) to where it
 * stands: 0 if it already does, Infinity if office is worth nothing to it.
 */
export function priceOf(model: Model, s: RunState, j: number, members: Int32Array, count: number, scratch: Int32Array): number {
  const deficit = utilityWhereItStands(model, s, j, scratch) - utility(model, s, j, members, count);
  if (deficit < 0) return 0;
  return s.wPower[j] > 0 ? deficit / s.wPower[j] + MARGIN : Infinity;
}
