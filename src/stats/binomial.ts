// The binomial upper tail P(X ≥ k) for X ~ Binomial(n, p), accurate in relative terms down to the
// smallest doubles: the one-sided test behind PRIM's quasi-p-values (docs/discover.md).

const SMALL = 256;
const LOG_FACTORIALS: number[] = [0];
for (let i = 1; i < SMALL; i++) LOG_FACTORIALS.push(LOG_FACTORIALS[i - 1] + Math.log(i));

/** ln(n!) for a whole number n ≥ 0: a table below 256, Stirling's series (error < 1e-18) above. */
export function logFactorial(n: number): number {
  if (n < SMALL) return LOG_FACTORIALS[n];
  const inv = 1 / n;
  const inv2 = inv * inv;
  return n * Math.log(n) - n + 0.5 * Math.log(2 * Math.PI * n) + inv * (1 / 12 - inv2 * (1 / 360 - inv2 / 1260));
}

/** ln P(X = k) for X ~ Binomial(n, p), 0 < p < 1. */
export function logBinomialPmf(k: number, n: number, p: number): number {
  return logFactorial(n) - logFactorial(k) - logFactorial(n - k) + k * Math.log(p) + (n - k) * Math.log1p(-p);
}

const NEGLIGIBLE = 1e-17;

/**
 * P(X ≥ k) for X ~ Binomial(n, p). Above the mean the tail is summed upward from k in units of its
 * first term (whose logarithm carries the scale, so tails far below 1e-300 only underflow at the very
 * end); at or below the mean it is one minus the lower tail, summed downward from k − 1.
 */
export function binomialUpperTail(k: number, n: number, p: number): number {
  if (!Number.isInteger(k) || !Number.isInteger(n) || n < 0 || !(p >= 0 && p <= 1)) {
    throw new RangeError(`binomialUpperTail: expected whole k, n ≥ 0 and p in [0, 1], found k ${k}, n ${n}, p ${p}`);
  }
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (p === 0) return 0;
  if (p === 1) return 1;
  const odds = p / (1 - p);
  if (k > n * p) {
    // Terms fall from k upward (k is at or beyond the mode).
    let term = 1;
    let sum = 1;
    for (let i = k; i < n; i++) {
      term *= ((n - i) / (i + 1)) * odds;
      sum += term;
      if (term < sum * NEGLIGIBLE) break;
    }
    return Math.min(1, Math.exp(logBinomialPmf(k, n, p) + Math.log(sum)));
  }
  // Terms fall from k − 1 downward (k − 1 is below the mode).
  let term = 1;
  let sum = 1;
  for (let i = k - 1; i > 0; i--) {
    term *= (i / (n - i + 1)) / odds;
    sum += term;
    if (term < sum * NEGLIGIBLE) break;
  }
  const lower = Math.exp(logBinomialPmf(k - 1, n, p) + Math.log(sum));
  return Math.max(0, Math.min(1, 1 - lower));
}
