// The partition of actors into coalitions, indexed by label for quick member lists.
import type { RunState } from "./state.ts";

export class Partition {
  /** Actors grouped by coalition label: members of label k are order[start[k] .. start[k+1]). */
  readonly order: Int32Array;
  readonly start: Int32Array;
  private readonly fill: Int32Array;

  constructor(readonly n: number) {
    this.order = new Int32Array(n);
    this.start = new Int32Array(n + 1);
    this.fill = new Int32Array(n);
  }

  /** Rebuilds the index from the state's coalition labels (a counting sort, O(n)). */
  rebuild(s: RunState): void {
    const { n, start, fill, order } = this;
    start.fill(0);
    for (let i = 0; i < n; i++) start[s.coalition[i] + 1]++;
    for (let k = 0; k < n; k++) start[k + 1] += start[k];
    fill.set(start.subarray(0, n));
    for (let i = 0; i < n; i++) order[fill[s.coalition[i]]++] = i;
  }

  size(label: number): number {
    return this.start[label + 1] - this.start[label];
  }

  /** Copies the members of `label` into `out` from position 0 and returns how many there are. */
  copyMembers(label: number, out: Int32Array): number {
    const from = this.start[label];
    const count = this.start[label + 1] - from;
    for (let k = 0; k < count; k++) out[k] = this.order[from + k];
    return count;
  }

  /** A label no coalition uses (one exists whenever some coalition has two or more members). */
  freeLabel(): number {
    for (let k = 0; k < this.n; k++) if (this.size(k) === 0) return k;
    return -1;
  }
}
