// Proper scoring rules for a categorical forecast of one observed outcome, with their sampling error
// when the forecast probabilities are Monte Carlo estimates from n runs.

/** Probabilities below this count as this in the log score, so a forecast that ruled out what happened scores finitely. */
export const LOG_FLOOR = 0.001;

/** Multi-category Brier score: Σ_k (p_k − o_k)², from 0 (certain and right) to 2 (certain and wrong). */
export function brierScore(probabilities: readonly number[], observed: number): number {
  return probabilities.reduce((sum, p, k) => sum + (p - (k === observed ? 1 : 0)) ** 2, 0);
}

/** Log score as a loss: −ln p(observed), with p floored at LOG_FLOOR; 0 is perfect, lower is better. */
export function logScore(probabilities: readonly number[], observed: number): number {
  return -Math.log(Math.max(probabilities[observed], LOG_FLOOR));
}

/** Standard error of an estimated probability p from n runs. */
export function proportionSe(p: number, n: number): number {
  return Math.sqrt((p * (1 - p)) / n);
}

/**
 * Standard error of the Brier score of probabilities estimated from n multinomial runs (delta method:
 * the gradient is g_k = 2(p_k − o_k) and Cov(p̂) = (diag(p) − ppᵀ)/n).
 */
export function brierSe(probabilities: readonly number[], observed: number, n: number): number {
  let second = 0;
  let first = 0;
  probabilities.forEach((p, k) => {
    const g = 2 * (p - (k === observed ? 1 : 0));
    second += g * g * p;
    first += g * p;
  });
  return Math.sqrt(Math.max(0, second - first * first) / n);
}
