// A bounded Nelder–Mead simplex search (Nelder & Mead 1965, with the standard coefficients of
// Lagarias et al. 1998), for an objective that is costly, asynchronous and free of derivatives.
// Written here because no maintained npm package fits: `fmin` calls its objective synchronously (the
// objective here runs on a worker pool) and has no bounds; no CMA-ES or Bayesian optimiser for Node is
// kept up. The search runs in the logit of each parameter's position within its bounds, so every
// candidate lies strictly inside them; candidates are rounded to a few significant digits, so the point
// evaluated is exactly the number reported, cached and written to a parameter file.

export interface Bounds {
  lo: number;
  hi: number;
}

export interface MinimiseOptions {
  /** The most distinct points to evaluate, the start included. */
  budget: number;
  /** Initial simplex edge, in logit units. */
  step?: number;
  /**
   * Stop when every vertex is within this distance (logit units, per coordinate) of the best: 0.05 is a
   * change of about 5% in a value near a bound, 1% of the range mid-way, below which a Monte Carlo
   * objective from a few thousand runs mostly measures the roughness of its own runs.
   */
  xtol?: number;
  /** Significant digits candidates are rounded to. */
  digits?: number;
}

export const DEFAULT_STEP = 1;
export const DEFAULT_XTOL = 0.05;
export const DEFAULT_DIGITS = 4;

export interface Evaluated {
  x: number[];
  f: number;
}

export interface Minimum {
  /** The best point evaluated (the earliest among equals, so never worse than the start). */
  best: Evaluated;
  /** Every distinct point evaluated, in order. */
  path: Evaluated[];
  /** True when the simplex shrank below `xtol`; false when the budget ran out first. */
  converged: boolean;
}

export type Objective = (x: number[]) => Promise<number>;

interface Vertex {
  z: number[];
  f: number;
  /** Order of first evaluation: breaks ties, so the search is deterministic. */
  age: number;
}

class BudgetSpent extends Error {}

const EDGE = 1e-6;

/**
 * Minimises `f` within `bounds` from `start`, then restarts once from the best point with a simplex a
 * quarter the size: a collapsed simplex is Nelder–Mead's usual way of stopping short (Numerical
 * Recipes advises one restart where it claims a minimum), and the smaller simplex checks the
 * neighbourhood for a few evaluations rather than searching the whole range again.
 */
export async function minimise(f: Objective, start: number[], bounds: Bounds[], options: MinimiseOptions): Promise<Minimum> {
  const search = new Search(f, bounds, options);
  const step = options.step ?? DEFAULT_STEP;
  try {
    await search.nelderMead(await search.evaluateStart(start), step);
    await search.nelderMead(search.vertexOf(search.best()), step / 4);
    search.converged = true;
  } catch (e) {
    if (!(e instanceof BudgetSpent)) throw e;
  }
  return { best: search.best(), path: search.path, converged: search.converged };
}

class Search {
  readonly path: Evaluated[] = [];
  converged = false;
  private readonly seen = new Map<string, Vertex>();
  private readonly xtol: number;
  private readonly digits: number;

  constructor(private readonly f: Objective, private readonly bounds: Bounds[], private readonly options: MinimiseOptions) {
    this.xtol = options.xtol ?? DEFAULT_XTOL;
    this.digits = options.digits ?? DEFAULT_DIGITS;
  }

  best(): Evaluated {
    let best = this.path[0];
    for (const p of this.path) if (p.f < best.f) best = p;
    return best;
  }

  vertexOf(point: Evaluated): Vertex {
    return this.seen.get(key(point.x))!;
  }

  /** The start is evaluated as given, not as rounded through the logit. */
  async evaluateStart(start: number[]): Promise<Vertex> {
    return this.evaluateAt(start, start.map((x, i) => toLogit(x, this.bounds[i])));
  }

  async evaluate(z: number[]): Promise<Vertex> {
    return this.evaluateAt(z.map((zi, i) => fromLogit(zi, this.bounds[i], this.digits)), z);
  }

  private async evaluateAt(x: number[], z: number[]): Promise<Vertex> {
    const known = this.seen.get(key(x));
    if (known) return { ...known, z };
    if (this.path.length >= this.options.budget) throw new BudgetSpent();
    const f = await this.f(x);
    const vertex = { z, f, age: this.path.length };
    this.seen.set(key(x), vertex);
    this.path.push({ x, f });
    return vertex;
  }

  /** One Nelder–Mead descent from `from`, with a simplex of edge `step`, until the simplex collapses. */
  async nelderMead(from: Vertex, step: number): Promise<void> {
    const n = from.z.length;
    const simplex = [from];
    for (let i = 0; i < n; i++) simplex.push(await this.evaluate(from.z.map((z, j) => (j === i ? z + step : z))));
    for (;;) {
      simplex.sort(byValue);
      if (diameter(simplex) < this.xtol) return;
      await this.iterate(simplex);
    }
  }

  private async iterate(simplex: Vertex[]): Promise<void> {
    const n = simplex.length - 1;
    const [best, secondWorst, worst] = [simplex[0], simplex[n - 1], simplex[n]];
    const centroid = mean(simplex.slice(0, n).map((v) => v.z));
    const along = (t: number) => centroid.map((c, j) => c + t * (c - worst.z[j]));
    const reflected = await this.evaluate(along(1));
    if (reflected.f < best.f) {
      const expanded = await this.evaluate(along(2));
      simplex[n] = expanded.f < reflected.f ? expanded : reflected;
    } else if (reflected.f < secondWorst.f) {
      simplex[n] = reflected;
    } else {
      const outside = reflected.f < worst.f;
      const contracted = await this.evaluate(along(outside ? 0.5 : -0.5));
      if (outside ? contracted.f <= reflected.f : contracted.f < worst.f) simplex[n] = contracted;
      else await this.shrink(simplex);
    }
  }

  private async shrink(simplex: Vertex[]): Promise<void> {
    const best = simplex[0];
    for (let i = 1; i < simplex.length; i++) {
      simplex[i] = await this.evaluate(best.z.map((z, j) => z + 0.5 * (simplex[i].z[j] - z)));
    }
  }
}

function byValue(a: Vertex, b: Vertex): number {
  return a.f - b.f || a.age - b.age;
}

function diameter(simplex: Vertex[]): number {
  let d = 0;
  for (const v of simplex) for (let j = 0; j < v.z.length; j++) d = Math.max(d, Math.abs(v.z[j] - simplex[0].z[j]));
  return d;
}

function mean(points: number[][]): number[] {
  return points[0].map((_, j) => points.reduce((sum, p) => sum + p[j], 0) / points.length);
}

function key(x: number[]): string {
  return x.join(",");
}

/** logit of x's position in [lo, hi], kept finite at the bounds themselves. */
export function toLogit(x: number, { lo, hi }: Bounds): number {
  const u = Math.min(1 - EDGE, Math.max(EDGE, (x - lo) / (hi - lo)));
  return Math.log(u / (1 - u));
}

/** The point of [lo, hi] at logit z, rounded to `digits` significant digits and kept within the bounds. */
export function fromLogit(z: number, { lo, hi }: Bounds, digits: number): number {
  const x = lo + (hi - lo) / (1 + Math.exp(-z));
  return Math.min(hi, Math.max(lo, Number(x.toPrecision(digits))));
}
