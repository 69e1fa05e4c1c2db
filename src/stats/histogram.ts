// An exact, mergeable summary of a numeric metric: counts of values on a fixed grid.
// Merging adds integer counts, so the result is the same however runs were split into chunks.

/** Values are recorded to this resolution (1e-4); summaries are exact for the recorded values. */
export const GRID = 10000;

export interface NumericSummary {
  n: number;
  missing: number;
  mean: number | null;
  sd: number | null;
  p05: number | null;
  p50: number | null;
  p95: number | null;
}

export class Histogram {
  readonly counts = new Map<number, number>();
  missing = 0;

  add(value: number): void {
    if (Number.isNaN(value)) {
      this.missing++;
      return;
    }
    const key = Math.round(value * GRID);
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  merge(other: Histogram): void {
    this.missing += other.missing;
    for (const [key, count] of other.counts) this.counts.set(key, (this.counts.get(key) ?? 0) + count);
  }

  toJSON(): { missing: number; counts: [number, number][] } {
    return { missing: this.missing, counts: this.sortedEntries() };
  }

  static fromJSON(data: { missing: number; counts: [number, number][] }): Histogram {
    const h = new Histogram();
    h.missing = data.missing;
    for (const [key, count] of data.counts) h.counts.set(key, count);
    return h;
  }

  sortedEntries(): [number, number][] {
    return [...this.counts.entries()].sort((a, b) => a[0] - b[0]);
  }

  summary(): NumericSummary {
    const entries = this.sortedEntries();
    const n = entries.reduce((sum, [, c]) => sum + c, 0);
    if (n === 0) return { n, missing: this.missing, mean: null, sd: null, p05: null, p50: null, p95: null };
    let sum = 0;
    for (const [key, c] of entries) sum += key * c;
    const meanKey = sum / n;
    let squares = 0;
    for (const [key, c] of entries) squares += c * (key - meanKey) * (key - meanKey);
    // The sample sd (n − 1) is undefined for a single value: null, not 0.
    const sdKey = n > 1 ? Math.sqrt(squares / (n - 1)) : null;
    return {
      n,
      missing: this.missing,
      mean: round(meanKey / GRID),
      sd: sdKey === null ? null : round(sdKey / GRID),
      p05: quantile(entries, n, 0.05),
      p50: quantile(entries, n, 0.5),
      p95: quantile(entries, n, 0.95),
    };
  }
}

/** Nearest-rank quantile: the smallest recorded value with at least q·n values at or below it. */
function quantile(entries: [number, number][], n: number, q: number): number {
  const rank = Math.max(1, Math.ceil(q * n));
  let seen = 0;
  for (const [key, c] of entries) {
    seen += c;
    if (seen >= rank) return key / GRID;
  }
  return entries[entries.length - 1][0] / GRID;
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
