// PRIM, the Patient Rule Induction Method (Friedman & Fisher 1999), for a binary target: find a box in
// the space of inputs (an interval on each ordered input, a set of values on each categorical one)
// inside which the target is much more frequent than overall. Peeling shrinks the box a little at a
// time, always by the peel that raises the box's density fastest, and records every box on the way
// (the peeling trajectory); pasting then grows a chosen box back wherever that raises its density.
// Quasi-p-values (Bryant & Lempert 2010, as the EMA Workbench computes them) say, for each limit of a
// box, how surprising its density would be if that one limit were dropped. See docs/discover.md.
//
// Everything here is deterministic: no randomness, ties broken by a fixed order (inputs in the order
// given, lower limit before upper, categories in ascending order).
import { binomialUpperTail } from "../stats/binomial.ts";

/**
 * continuous: peeled at quantiles, cut halfway between neighbouring observed values;
 * discrete: ordered whole numbers, peeled at quantiles, but always by whole values, limits are values;
 * categorical: unordered values, peeled (and pasted) one value at a time.
 */
export type InputKind = "continuous" | "discrete" | "categorical";

export interface PrimInput {
  name: string;
  kind: InputKind;
  /** One value per case (run). */
  values: ArrayLike<number>;
}

export interface PrimOptions {
  /** Fraction of the box peeled (at least one case) in each peeling step. */
  alpha: number;
  /** Smallest mass (share of all cases) a box may have. */
  minMass: number;
  /** Fraction of the box added in each pasting step (default: alpha). */
  pasteAlpha?: number;
}

/** A limit on one input: an inclusive range (null: that side is open) or an allowed set of values. */
export type Restriction =
  | { input: string; kind: "range"; min: number | null; max: number | null }
  | { input: string; kind: "set"; values: number[] };

export interface BoxStats {
  /** Cases inside the box, and target cases among them. */
  n: number;
  k: number;
  /** k / (all target cases). */
  coverage: number;
  /** k / n. */
  density: number;
  /** n / (all cases). */
  mass: number;
}

export interface Box extends BoxStats {
  restrictions: Restriction[];
}

export interface PasteStep extends Box {
  /** The input whose limit moved, and which limit. */
  input: string;
  side: "lower" | "upper" | "set";
}

/** The quasi-p-value of one limit of a box: the box's own density tested against the box without it. */
export interface QuasiP {
  input: string;
  side: "lower" | "upper" | "set";
  /** Cases and target cases in the box with this one limit dropped. */
  n: number;
  k: number;
  /** P(X ≥ box k) for X ~ Binomial(box n, k / n of the box without the limit). */
  p: number;
}

type Side = "lower" | "upper" | "set";

interface Peel {
  j: number;
  side: Side;
  removed: number;
  removedK: number;
  /** The value kept nearest the cut (ordered), or the category removed. */
  value: number;
  gain: number;
}

interface Paste {
  j: number;
  side: Side;
  added: number;
  addedK: number;
  /** The new cut (ordered), or the category added back. */
  limit: number;
  gain: number;
}

/** The candidate with the largest positive gain; the first offered wins a tie unless a later one is preferred. */
class Best<T extends { gain: number }> {
  value: T | undefined;
  private preferred = false;

  offer(candidate: T, preferred: boolean): void {
    if (!(candidate.gain > 0)) return;
    const v = this.value;
    if (!v || candidate.gain > v.gain || (candidate.gain === v.gain && preferred && !this.preferred)) {
      this.value = candidate;
      this.preferred = preferred;
    }
  }
}

/** An input as PRIM works on it: ordered values with their sort order, or category codes. */
interface Column {
  name: string;
  kind: InputKind;
  values: Float64Array;
  /** Distinct values in ascending order (the categories of a categorical input). */
  distinct: Float64Array;
  /** Ordered inputs: case indices sorted by value (ties by index). */
  order?: Int32Array;
  /** Categorical inputs: each case's category, an index into `distinct`. */
  codes?: Int32Array;
}

/** The distinct values in ascending order, and each value's index among them. */
function rank(values: Float64Array): { distinct: Float64Array; ranks: Int32Array } {
  const sorted = values.slice().sort();
  let count = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[count++] = sorted[i];
  const distinct = sorted.slice(0, count);
  const ranks = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    let a = 0;
    let b = count - 1;
    while (a < b) {
      const mid = (a + b) >> 1;
      if (distinct[mid] < values[i]) a = mid + 1;
      else b = mid;
    }
    ranks[i] = a;
  }
  return { distinct, ranks };
}

/** The limits of a box: cut values on ordered inputs (−∞/+∞ when open), allowed categories otherwise. */
interface Limits {
  lo: Float64Array;
  hi: Float64Array;
  allowed: (Uint8Array | null)[];
}

export class Prim {
  readonly n: number;
  /** All target cases. */
  readonly total: number;
  private readonly columns: Column[];
  private readonly target: Uint8Array;
  private readonly alpha: number;
  private readonly pasteAlpha: number;
  private readonly minCount: number;

  constructor(inputs: PrimInput[], target: ArrayLike<number>, options: PrimOptions) {
    if (!(options.alpha > 0 && options.alpha < 0.5)) throw new RangeError(`PRIM: expected 0 < alpha < 0.5, found ${options.alpha}`);
    if (!(options.minMass > 0 && options.minMass <= 1)) throw new RangeError(`PRIM: expected 0 < minMass ≤ 1, found ${options.minMass}`);
    const pasteAlpha = options.pasteAlpha ?? options.alpha;
    if (!(pasteAlpha > 0 && pasteAlpha < 0.5)) throw new RangeError(`PRIM: expected 0 < pasteAlpha < 0.5, found ${pasteAlpha}`);
    this.n = target.length;
    this.target = Uint8Array.from(target, (y) => (y ? 1 : 0));
    this.total = this.target.reduce((a, b) => a + b, 0);
    this.alpha = options.alpha;
    this.pasteAlpha = pasteAlpha;
    this.minCount = Math.ceil(options.minMass * this.n - 1e-9);
    this.columns = inputs.map((input) => {
      if (input.values.length !== this.n) throw new RangeError(`PRIM: input ${input.name} has ${input.values.length} values for ${this.n} cases`);
      const values = Float64Array.from(input.values);
      if (values.some((v) => !Number.isFinite(v))) throw new RangeError(`PRIM: input ${input.name} has a value that is not a finite number`);
      const { distinct, ranks } = rank(values);
      if (input.kind === "categorical") return { name: input.name, kind: input.kind, values, distinct, codes: ranks };
      // Cases by value, ties by index: a counting sort on the ranks.
      const start = new Int32Array(distinct.length + 1);
      for (let i = 0; i < this.n; i++) start[ranks[i] + 1]++;
      for (let r = 0; r < distinct.length; r++) start[r + 1] += start[r];
      const order = new Int32Array(this.n);
      for (let i = 0; i < this.n; i++) order[start[ranks[i]]++] = i;
      return { name: input.name, kind: input.kind, values, distinct, order };
    });
  }

  /** The box holding every case. */
  private fullLimits(): Limits {
    return {
      lo: new Float64Array(this.columns.length).fill(-Infinity),
      hi: new Float64Array(this.columns.length).fill(Infinity),
      allowed: this.columns.map((c) => (c.kind === "categorical" ? new Uint8Array(c.distinct.length).fill(1) : null)),
    };
  }

  private insideOn(l: Limits, j: number, i: number): boolean {
    const c = this.columns[j];
    if (c.codes) return l.allowed[j]![c.codes[i]] === 1;
    const v = c.values[i];
    return v >= l.lo[j] && v <= l.hi[j];
  }

  /** Membership of every case. */
  private members(l: Limits): Uint8Array {
    const inside = new Uint8Array(this.n).fill(1);
    for (let j = 0; j < this.columns.length; j++) {
      for (let i = 0; i < this.n; i++) if (inside[i] && !this.insideOn(l, j, i)) inside[i] = 0;
    }
    return inside;
  }

  private stats(n: number, k: number): BoxStats {
    return { n, k, coverage: this.total === 0 ? 0 : k / this.total, density: n === 0 ? 0 : k / n, mass: n / this.n };
  }

  private count(inside: Uint8Array): { n: number; k: number } {
    let n = 0;
    let k = 0;
    for (let i = 0; i < this.n; i++) {
      if (inside[i]) {
        n++;
        k += this.target[i];
      }
    }
    return { n, k };
  }

  /** Whether input j is restricted: a cut inside the observed range, or a category left out. */
  private restricted(l: Limits, j: number): boolean {
    const c = this.columns[j];
    if (c.codes) return l.allowed[j]!.includes(0);
    return l.lo[j] > c.distinct[0] || l.hi[j] < c.distinct[c.distinct.length - 1];
  }

  private restrictions(l: Limits): Restriction[] {
    const out: Restriction[] = [];
    this.columns.forEach((c, j) => {
      if (!this.restricted(l, j)) return;
      if (c.codes) out.push({ input: c.name, kind: "set", values: Array.from(c.distinct).filter((_, code) => l.allowed[j]![code] === 1) });
      else {
        const min = l.lo[j] > c.distinct[0] ? l.lo[j] : null;
        const max = l.hi[j] < c.distinct[c.distinct.length - 1] ? l.hi[j] : null;
        out.push({ input: c.name, kind: "range", min, max });
      }
    });
    return out;
  }

  private box(l: Limits, n: number, k: number): Box {
    return { ...this.stats(n, k), restrictions: this.restrictions(l) };
  }

  /**
   * The cut that keeps values ≥ `kept` (lower) or ≤ `kept` (upper) on ordered input j: the value itself
   * for a discrete input, halfway to its observed neighbour beyond the cut for a continuous one, and
   * open (±∞) when nothing lies beyond it.
   */
  private cut(j: number, kept: number, side: "lower" | "upper"): number {
    const c = this.columns[j];
    const d = c.distinct;
    let a = 0;
    let b = d.length - 1;
    while (a < b) {
      const mid = (a + b) >> 1;
      if (d[mid] < kept) a = mid + 1;
      else b = mid;
    }
    const neighbour = side === "lower" ? a - 1 : a + 1;
    if (neighbour < 0) return -Infinity;
    if (neighbour >= d.length) return Infinity;
    return c.kind === "discrete" ? kept : (kept + d[neighbour]) / 2;
  }

  /**
   * Peeling: from the full box, repeatedly remove the slice (the lowest or highest `alpha` of the box on
   * one ordered input, or one category of a categorical input) that raises the density most per case
   * removed, while the density rises and the mass stays at least minMass. Returns every box, the full
   * box first: along it mass falls and density rises strictly, coverage never rises.
   */
  peel(): Box[] {
    const limits = this.fullLimits();
    const inside = new Uint8Array(this.n).fill(1);
    let n = this.n;
    let k = this.total;
    const trajectory: Box[] = [this.box(limits, n, k)];
    // Each ordered input's cases inside the box, by value; each categorical input's per-category counts.
    const sorted = this.columns.map((c) => c.order?.slice() ?? null);
    for (;;) {
      const m = Math.max(1, Math.floor(this.alpha * n));
      const best = new Best<Peel>();
      const consider = (j: number, side: Side, removed: number, removedK: number, value: number) => {
        const left = n - removed;
        if (removed === 0 || left < this.minCount || left === 0) return;
        // Ties: a peel on an input already restricted keeps the box simpler, so it goes first.
        best.offer({ j, side, removed, removedK, value, gain: ((k - removedK) / left - k / n) / removed }, this.restricted(limits, j));
      };
      this.columns.forEach((c, j) => {
        const arr = sorted[j];
        if (arr) {
          const v = c.values;
          const first = v[arr[0]];
          const last = v[arr[n - 1]];
          if (first === last) return;
          // Lower: drop the values below the (m+1)-th smallest (at most m cases); if ties make that
          // nothing, drop every case of the smallest value.
          let t = v[arr[m]];
          let r = 0;
          let rk = 0;
          if (t === first) for (; v[arr[r]] === first; r++) rk += this.target[arr[r]];
          else for (; v[arr[r]] < t; r++) rk += this.target[arr[r]];
          consider(j, "lower", r, rk, v[arr[r]]);
          // Upper: the mirror image.
          t = v[arr[n - 1 - m]];
          r = 0;
          rk = 0;
          if (t === last) for (; v[arr[n - 1 - r]] === last; r++) rk += this.target[arr[n - 1 - r]];
          else for (; v[arr[n - 1 - r]] > t; r++) rk += this.target[arr[n - 1 - r]];
          consider(j, "upper", r, rk, v[arr[n - 1 - r]]);
        } else {
          const { counts, targets } = this.categoryCounts(j, inside);
          if (counts.filter((x) => x > 0).length < 2) return;
          counts.forEach((x, code) => x > 0 && consider(j, "set", x, targets[code], code));
        }
      });
      const peel = best.value;
      if (!peel) break;
      const { j, side, value } = peel;
      if (side === "set") limits.allowed[j]![value] = 0;
      else if (side === "lower") limits.lo[j] = this.cut(j, value, "lower");
      else limits.hi[j] = this.cut(j, value, "upper");
      for (let i = 0; i < this.n; i++) if (inside[i] && !this.insideOn(limits, j, i)) inside[i] = 0;
      n -= peel.removed;
      k -= peel.removedK;
      for (let q = 0; q < sorted.length; q++) {
        const arr = sorted[q];
        if (!arr) continue;
        const kept = new Int32Array(n);
        let w = 0;
        for (let r = 0; r < arr.length; r++) if (inside[arr[r]] === 1) kept[w++] = arr[r];
        sorted[q] = kept;
      }
      trajectory.push(this.box(limits, n, k));
    }
    return trajectory;
  }

  private categoryCounts(j: number, inside: Uint8Array): { counts: number[]; targets: number[] } {
    const c = this.columns[j];
    const counts = new Array<number>(c.distinct.length).fill(0);
    const targets = new Array<number>(c.distinct.length).fill(0);
    for (let i = 0; i < this.n; i++) {
      if (!inside[i]) continue;
      counts[c.codes![i]]++;
      targets[c.codes![i]] += this.target[i];
    }
    return { counts, targets };
  }

  /** Limits from restrictions (as a trajectory box reports them). */
  private limitsOf(restrictions: Restriction[]): Limits {
    const limits = this.fullLimits();
    for (const r of restrictions) {
      const j = this.columns.findIndex((c) => c.name === r.input);
      if (j < 0) throw new RangeError(`PRIM: no input ${r.input}`);
      if (r.kind === "set") {
        const allowed = new Set(r.values);
        limits.allowed[j] = Uint8Array.from(this.columns[j].distinct, (v) => (allowed.has(v) ? 1 : 0));
      } else {
        limits.lo[j] = r.min ?? -Infinity;
        limits.hi[j] = r.max ?? Infinity;
      }
    }
    return limits;
  }

  /**
   * Pasting: grow `box` along one of its limits at a time, adding about pasteAlpha of the box's cases
   * (those just beyond an ordered limit, or one left-out category), taking the step that raises the
   * density most per case added, while any step raises it. Returns the steps taken (none if the box is
   * already best), each with the box after it.
   */
  paste(box: Box): PasteStep[] {
    const limits = this.limitsOf(box.restrictions);
    const steps: PasteStep[] = [];
    let inside = this.members(limits);
    let { n, k } = this.count(inside);
    for (;;) {
      // For each case outside the box: the one input it violates, or −2 if several.
      const single = new Int32Array(this.n).fill(-1);
      for (let i = 0; i < this.n; i++) {
        if (inside[i]) continue;
        for (let j = 0; j < this.columns.length; j++) {
          if (this.insideOn(limits, j, i)) continue;
          single[i] = single[i] === -1 ? j : -2;
          if (single[i] === -2) break;
        }
      }
      const m = Math.max(1, Math.floor(this.pasteAlpha * n));
      const best = new Best<Paste>();
      const consider = (j: number, side: Side, added: number, addedK: number, limit: number) => {
        if (added > 0) best.offer({ j, side, added, addedK, limit, gain: ((k + addedK) / (n + added) - k / n) / added }, false);
      };
      this.columns.forEach((c, j) => {
        if (!this.restricted(limits, j)) return;
        if (c.codes) {
          const counts = new Array<number>(c.distinct.length).fill(0);
          const targets = new Array<number>(c.distinct.length).fill(0);
          for (let i = 0; i < this.n; i++) {
            if (single[i] !== j) continue;
            counts[c.codes[i]]++;
            targets[c.codes[i]] += this.target[i];
          }
          counts.forEach((x, code) => limits.allowed[j]![code] === 0 && consider(j, "set", x, targets[code], code));
          return;
        }
        for (const side of ["lower", "upper"] as const) {
          if (side === "lower" ? limits.lo[j] === -Infinity : limits.hi[j] === Infinity) continue;
          // The strip beyond this limit, nearest first.
          const strip = c.order!.filter((i) => single[i] === j && (side === "lower" ? c.values[i] < limits.lo[j] : c.values[i] > limits.hi[j]));
          if (side === "lower") strip.reverse();
          if (strip.length === 0) continue;
          let added = Math.min(m, strip.length);
          const edge = c.values[strip[added - 1]];
          while (added < strip.length && c.values[strip[added]] === edge) added++;
          let addedK = 0;
          for (let q = 0; q < added; q++) addedK += this.target[strip[q]];
          const limit = added === strip.length ? (side === "lower" ? -Infinity : Infinity) : this.cut(j, edge, side);
          consider(j, side, added, addedK, limit);
        }
      });
      const paste = best.value;
      if (!paste) break;
      const { j, side, limit, added, addedK } = paste;
      if (side === "set") limits.allowed[j]![limit] = 1;
      else if (side === "lower") limits.lo[j] = limit;
      else limits.hi[j] = limit;
      inside = this.members(limits);
      ({ n, k } = this.count(inside));
      if (n !== (steps.at(-1)?.n ?? box.n) + added || k !== (steps.at(-1)?.k ?? box.k) + addedK) throw new Error("PRIM: pasting miscounted the cases it added");
      steps.push({ ...this.box(limits, n, k), input: this.columns[j].name, side });
    }
    return steps;
  }

  /** Cases and target cases inside a box given by its restrictions. */
  countBox(restrictions: Restriction[]): { n: number; k: number } {
    return this.count(this.members(this.limitsOf(restrictions)));
  }

  /**
   * Quasi-p-values of a box, one per limit (each side of a range, or a set): with that one limit
   * dropped, the box's density over all cases is p; the quasi-p-value is the chance that a binomial
   * sample of the box's size at rate p holds at least as many target cases as the box does.
   */
  quasiP(box: Box): QuasiP[] {
    return limitsOfBox(box).map(({ input, side }) => {
      const { n, k } = this.countBox(withoutLimit(box.restrictions, input, side));
      return { input, side, n, k, p: binomialUpperTail(box.k, box.n, k / n) };
    });
  }

  /** A box from its restrictions, with its counts. */
  boxOf(restrictions: Restriction[]): Box {
    const { n, k } = this.countBox(restrictions);
    return { ...this.stats(n, k), restrictions };
  }

  /**
   * Drops the limits that may be noise: while some limit's quasi-p-value exceeds `maxP`, drop the one
   * with the largest (the first in input order on a tie) and compute the others' again.
   */
  prune(box: Box, maxP: number): { box: Box; quasiP: QuasiP[]; dropped: QuasiP[] } {
    const dropped: QuasiP[] = [];
    let current = box;
    for (;;) {
      const qp = this.quasiP(current);
      let worst: QuasiP | undefined;
      for (const q of qp) if (q.p > maxP && (!worst || q.p > worst.p)) worst = q;
      if (!worst) return { box: current, quasiP: qp, dropped };
      dropped.push(worst);
      current = this.boxOf(withoutLimit(current.restrictions, worst.input, worst.side));
    }
  }
}

/** Every limit of a box: each closed side of a range, each set. */
export function limitsOfBox(box: Box): { input: string; side: Side }[] {
  return box.restrictions.flatMap((r): { input: string; side: Side }[] =>
    r.kind === "set" ? [{ input: r.input, side: "set" as const }] : [...(r.min !== null ? [{ input: r.input, side: "lower" as const }] : []), ...(r.max !== null ? [{ input: r.input, side: "upper" as const }] : [])],
  );
}

/** The restrictions with one limit dropped (the whole restriction when nothing of it is left). */
export function withoutLimit(restrictions: Restriction[], input: string, side: "lower" | "upper" | "set"): Restriction[] {
  return restrictions.flatMap((q): Restriction[] => {
    if (q.input !== input) return [q];
    if (q.kind === "set" || side === "set") return [];
    const open = side === "lower" ? { ...q, min: null } : { ...q, max: null };
    return open.min === null && open.max === null ? [] : [open];
  });
}
