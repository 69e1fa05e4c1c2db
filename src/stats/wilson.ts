// Wilson score interval for a binomial proportion (Wilson 1927; Newcombe 1998, method 3).
export const Z95 = 1.959963984540054;

export function wilsonInterval(successes: number, trials: number, z = Z95): [number, number] {
  if (trials <= 0) return [0, 1];
  const p = successes / trials;
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / denominator;
  // At x = 0 and x = n the bounds are exactly 0 and 1; pin them against rounding.
  const lo = successes === 0 ? 0 : Math.max(0, centre - half);
  const hi = successes === trials ? 1 : Math.min(1, centre + half);
  return [lo, hi];
}
