// Side payments in office (docs/model.md §4): a formateur or premier can give a partner posts out of
// its own share so that the partner prefers the government to where it stands (Baron & Ferejohn 1989:
// the formateur buys each partner at its reservation value). Prices are in units of the power term.

/** Keeps "prefers" strict: a partner paid exactly its deficit would be indifferent. */
const MARGIN = 1e-9;

/**
 * The office an actor must be paid to prefer a coalition in which its utility is `inCoalition` to
 * where it stands (`now`): 0 if it already does, Infinity if office is worth nothing to it.
 */
export function priceOf(now: number, inCoalition: number, wPower: number): number {
  const deficit = now - inCoalition;
  if (deficit < 0) return 0;
  return wPower > 0 ? deficit / wPower + MARGIN : Infinity;
}
