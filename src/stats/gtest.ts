// G-test (log-likelihood ratio test) of homogeneity for a 2×k table of counts, with its p-value from
// the chi-square distribution (jstat). Columns empty in both rows are left out.
import jStat from "jstat"; // CommonJS: its module.exports is the jStat object

export function gTest(a: number[], b: number[]): { g: number; dof: number; p: number } {
  const columns = a.map((x, k) => [x, b[k]] as const).filter(([x, y]) => x + y > 0);
  const na = columns.reduce((s, [x]) => s + x, 0);
  const nb = columns.reduce((s, [, y]) => s + y, 0);
  const total = na + nb;
  let g = 0;
  for (const [x, y] of columns) {
    const column = x + y;
    if (x > 0) g += x * Math.log(x / ((na * column) / total));
    if (y > 0) g += y * Math.log(y / ((nb * column) / total));
  }
  g *= 2;
  const dof = Math.max(0, columns.length - 1);
  return { g, dof, p: dof === 0 ? 1 : 1 - jStat.chisquare.cdf(g, dof) };
}
