// The one place randomness comes from. Every draw in a run flows from the batch's master seed
// and the run's index through a hashed per-run seed; nothing depends on which worker or chunk
// executes the run.
import seedrandom from "seedrandom";

export interface Rng {
  /** Uniform draw in [0, 1). */
  next(): number;
}

/** A seed must be a non-negative safe integer so that it round-trips through JSON and the CLI. */
export function isValidSeed(seed: unknown): seed is number {
  return typeof seed === "number" && Number.isSafeInteger(seed) && seed >= 0;
}

/**
 * The RNG stream of run `runIndex` of a batch with master seed `seed`. The pair is hashed by
 * seedrandom's Alea (whose Mash function mixes the whole key string), so neighbouring indices
 * give unrelated streams.
 */
export function runRng(seed: number, runIndex: number): Rng {
  const prng = seedrandom.alea(`bazaar/${seed}/${runIndex}`);
  return { next: () => prng() };
}

/** A stream for purposes other than runs (e.g. a bootstrap), kept apart from run streams by a label. */
export function labelledRng(seed: number, label: string): Rng {
  const prng = seedrandom.alea(`bazaar/${label}/${seed}`);
  return { next: () => prng() };
}

export function uniformInt(rng: Rng, n: number): number {
  return Math.floor(rng.next() * n);
}

/** Fisher–Yates shuffle of `order` in place. */
export function shuffleInPlace(rng: Rng, order: Int32Array | number[]): void {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
}

/** Standard normal draw (Box–Muller; one of the pair is discarded to keep the stream stateless). */
export function standardNormal(rng: Rng): number {
  let u = rng.next();
  while (u <= Number.MIN_VALUE) u = rng.next();
  const v = rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Gamma(shape, 1) draw by Marsaglia & Tsang (2000), with the shape < 1 boost. */
export function gamma(rng: Rng, shape: number): number {
  if (shape < 1) {
    const u = rng.next();
    return gamma(rng, shape + 1) * Math.pow(u, 1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.next();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

export function betaDraw(rng: Rng, a: number, b: number): number {
  const x = gamma(rng, a);
  const y = gamma(rng, b);
  return x / (x + y);
}
