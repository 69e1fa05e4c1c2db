// The Sobol' low-discrepancy sequence (Sobol' 1967) in up to 1,024 dimensions, unscrambled, in Gray-code
// order (Antonov and Saleev 1979), with Joe and Kuo's direction numbers (src/gsa/joe-kuo.ts). Points are
// 32-bit binary fractions, so the first 2^m points of any dimension are the multiples of 2^-m in some
// order. No npm package was both maintained and suitable (Node 20, typed, ≥ 100 dimensions), so the
// generator is written here and tested against published points.
import { JOE_KUO } from "./joe-kuo.ts";

const BITS = 32;
export const MAX_SOBOL_DIMENSIONS = 1024;

let table: { s: number; a: number; m: number[] }[] | undefined;

function joeKuo(): { s: number; a: number; m: number[] }[] {
  table ??= JOE_KUO.trim().split("\n").map((line) => {
    const [s, a, ...m] = line.trim().split(/\s+/).map(Number);
    return { s, a, m };
  });
  return table;
}

/** The 32 direction numbers of dimension `d` (1-based), each a 32-bit unsigned integer. */
export function directionNumbers(d: number): Uint32Array {
  if (!Number.isInteger(d) || d < 1 || d > MAX_SOBOL_DIMENSIONS) throw new RangeError(`Sobol' dimension ${d} is outside 1…${MAX_SOBOL_DIMENSIONS}`);
  const v = new Uint32Array(BITS + 1); // v[k] for k = 1…32
  if (d === 1) {
    for (let k = 1; k <= BITS; k++) v[k] = (1 << (BITS - k)) >>> 0;
    return v.subarray(1);
  }
  const { s, a, m } = joeKuo()[d - 2];
  for (let k = 1; k <= Math.min(s, BITS); k++) v[k] = (m[k - 1] << (BITS - k)) >>> 0;
  for (let k = s + 1; k <= BITS; k++) {
    let x = (v[k - s] ^ (v[k - s] >>> s)) >>> 0;
    for (let i = 1; i < s; i++) if ((a >>> (s - 1 - i)) & 1) x = (x ^ v[k - i]) >>> 0;
    v[k] = x;
  }
  return v.subarray(1);
}

/** A generator of successive points, starting with the origin (point 0). */
export class SobolSequence {
  private readonly v: Uint32Array[];
  private readonly x: Uint32Array;
  private n = 0;

  constructor(readonly dimensions: number) {
    this.v = Array.from({ length: dimensions }, (_, j) => directionNumbers(j + 1));
    this.x = new Uint32Array(dimensions);
  }

  /** The next point, in [0, 1)^dimensions. */
  next(): number[] {
    if (this.n > 0) {
      // Gray code: point n differs from point n − 1 by the direction number of the lowest zero bit of n − 1.
      let c = 0;
      let m = this.n - 1;
      while (m & 1) {
        m >>>= 1;
        c++;
      }
      if (c >= BITS) throw new RangeError("the Sobol' sequence is exhausted after 2^32 points");
      for (let j = 0; j < this.dimensions; j++) this.x[j] = (this.x[j] ^ this.v[j][c]) >>> 0;
    }
    this.n++;
    return Array.from(this.x, (xi) => xi / 2 ** BITS);
  }
}

/** Points `skip` … `skip + count − 1` of the `dimensions`-dimensional sequence. */
export function sobolPoints(dimensions: number, count: number, skip = 0): number[][] {
  const seq = new SobolSequence(dimensions);
  for (let k = 0; k < skip; k++) seq.next();
  return Array.from({ length: count }, () => seq.next());
}
