// A bootstrap check of a PRIM box that accounts for the search. The quasi-p-value takes the box as
// given, but PRIM chose each limit because it helped on these very runs, so a limit that only fits
// their noise looks better than it is. Here the whole search (peeling, the same choice rule, pasting)
// runs again on resamples of the runs drawn with replacement, and every box it finds is scored on the
// runs its resample left out (about 37% of them, "out of bag"): does dropping an input's limits lower
// the density there? A real restriction is found in most resamples and helps out of bag in most of
// them; a limit fitted to noise helps out of bag about as often as it hurts.
import type { Rng } from "../rng/rng.ts";
import { uniformInt } from "../rng/rng.ts";
import { Prim, type Box, type PrimInput, type PrimOptions, type Restriction } from "./prim.ts";

export interface InputCheck {
  input: string;
  /** Share of resamples whose box restricts this input. */
  restricted: number;
  /** Among those: share in which the restriction raises the out-of-bag density. */
  helps: number | null;
  /** Among those: mean out-of-bag density gain from the restriction. */
  gain: number | null;
}

export interface BootstrapCheck {
  resamples: number;
  /** Per input, in input order: every input restricted by the chosen box or by some resample's box. */
  inputs: InputCheck[];
}

/** PRIM's box on one set of runs: peeling, `choose` picking a box on the trajectory, then pasting. */
export function primBox(prim: Prim, choose: (trajectory: Box[]) => number): Box {
  const trajectory = prim.peel();
  const chosen = trajectory[choose(trajectory)];
  const steps = prim.paste(chosen);
  return steps.length ? steps[steps.length - 1] : chosen;
}

export function bootstrapCheck(
  inputs: PrimInput[],
  target: Uint8Array,
  options: PrimOptions,
  choose: (trajectory: Box[]) => number,
  chosenBox: Box,
  resamples: number,
  rng: Rng,
): BootstrapCheck {
  const n = target.length;
  const restricted = new Map<string, number>();
  const helps = new Map<string, number>();
  const gains = new Map<string, number>();
  const drawn = new Uint8Array(n);
  for (let b = 0; b < resamples; b++) {
    drawn.fill(0);
    const pick = Int32Array.from({ length: n }, () => {
      const i = uniformInt(rng, n);
      drawn[i] = 1;
      return i;
    });
    const outOfBag = Int32Array.from({ length: n }, (_, i) => i).filter((i) => drawn[i] === 0);
    const subset = (rows: Int32Array) => ({
      inputs: inputs.map((input) => ({ ...input, values: Float64Array.from(rows, (i) => input.values[i]) })),
      target: Uint8Array.from(rows, (i) => target[i]),
    });
    const inBag = subset(pick);
    const oob = subset(outOfBag);
    if (!inBag.target.includes(1) || !oob.target.includes(1) || oob.target.length === 0) continue;
    const box = primBox(new Prim(inBag.inputs, inBag.target, options), choose);
    const scorer = new Prim(oob.inputs, oob.target, options);
    const density = (restrictions: Restriction[]) => {
      const { n, k } = scorer.countBox(restrictions);
      return n === 0 ? 0 : k / n;
    };
    const own = density(box.restrictions);
    for (const r of box.restrictions) {
      restricted.set(r.input, (restricted.get(r.input) ?? 0) + 1);
      const gain = own - density(box.restrictions.filter((q) => q !== r));
      gains.set(r.input, (gains.get(r.input) ?? 0) + gain);
      if (gain > 0) helps.set(r.input, (helps.get(r.input) ?? 0) + 1);
    }
  }
  const named = new Set([...chosenBox.restrictions.map((r) => r.input), ...restricted.keys()]);
  return {
    resamples,
    inputs: inputs
      .filter((input) => named.has(input.name))
      .map(({ name }) => {
        const times = restricted.get(name) ?? 0;
        return { input: name, restricted: times / resamples, helps: times ? (helps.get(name) ?? 0) / times : null, gain: times ? gains.get(name)! / times : null };
      }),
  };
}
