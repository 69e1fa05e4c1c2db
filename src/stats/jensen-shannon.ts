// Jensen–Shannon distance between two discrete distributions: the square root of the JS divergence,
// in [0, 1] with logarithms to base 2 (as scipy.spatial.distance.jensenshannon with base=2).
export function jensenShannonDistance(p: number[], q: number[], base = 2): number {
  const sp = p.reduce((a, b) => a + b, 0);
  const sq = q.reduce((a, b) => a + b, 0);
  let divergence = 0;
  for (let k = 0; k < p.length; k++) {
    const pk = p[k] / sp;
    const qk = q[k] / sq;
    const m = (pk + qk) / 2;
    if (pk > 0) divergence += 0.5 * pk * Math.log(pk / m);
    if (qk > 0) divergence += 0.5 * qk * Math.log(qk / m);
  }
  return Math.sqrt(Math.max(0, divergence) / Math.log(base));
}
