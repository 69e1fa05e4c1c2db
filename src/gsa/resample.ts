// Percentile intervals from bootstrap replicates.

/** The central `level` interval of `values` (type-7 quantiles, as R's default); [NaN, NaN] when empty. */
export function percentileInterval(values: number[], level: number): [number, number] {
  const finite = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (finite.length === 0) return [NaN, NaN];
  const tail = (1 - level) / 2;
  return [quantileSorted(finite, tail), quantileSorted(finite, 1 - tail)];
}

export function quantileSorted(sorted: number[], q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}
