import { describe, expect, it } from "vitest";
import { binomialUpperTail, logFactorial } from "../../src/stats/binomial.ts";

/** P(X ≥ k) exactly, for p = a/b, as a ratio of big integers turned into a double at the end. */
function exactTail(k: number, n: number, a: number, b: number): number {
  let num = 0n;
  let choose = 1n; // C(n, i)
  for (let i = 0; i <= n; i++) {
    if (i > 0) choose = (choose * BigInt(n - i + 1)) / BigInt(i);
    if (i >= k) num += choose * BigInt(a) ** BigInt(i) * BigInt(b - a) ** BigInt(n - i);
  }
  const den = BigInt(b) ** BigInt(n);
  // Scale so the quotient keeps 17 significant digits whatever its size.
  const shift = BigInt(den.toString().length - num.toString().length + 20);
  const scaled = (num * 10n ** (shift > 0n ? shift : 0n)) / den;
  return Number(scaled) / 10 ** Number(shift > 0n ? shift : 0n);
}

describe("binomial upper tail", () => {
  it("ln n! matches the sum of logarithms on both sides of the table's edge", () => {
    for (const n of [0, 1, 10, 255, 256, 257, 1000]) {
      let sum = 0;
      for (let i = 2; i <= n; i++) sum += Math.log(i);
      expect(Math.abs(logFactorial(n) - sum)).toBeLessThan(1e-9 * Math.max(1, sum));
    }
  });

  it("agrees with exact rational sums for every k, small n", () => {
    for (const [n, a, b] of [[30, 1, 10], [30, 37, 100], [41, 1, 2], [12, 9, 10]]) {
      for (let k = 0; k <= n + 1; k++) {
        const exact = exactTail(k, n, a, b);
        const got = binomialUpperTail(k, n, a / b);
        expect(Math.abs(got - exact), `n ${n} p ${a}/${b} k ${k}`).toBeLessThanOrEqual(1e-12 * Math.max(exact, 1e-300) + 1e-15);
      }
    }
  });

  it("keeps its relative accuracy deep in the tail for large n", () => {
    for (const [k, n, a, b] of [[600, 1000, 1, 2], [150, 1000, 5, 100], [90, 400, 1, 20]]) {
      const exact = exactTail(k, n, a, b);
      expect(exact).toBeLessThan(1e-9);
      expect(Math.abs(binomialUpperTail(k, n, a / b) / exact - 1)).toBeLessThan(1e-9);
    }
  });

  it("handles the edges", () => {
    expect(binomialUpperTail(0, 10, 0.3)).toBe(1);
    expect(binomialUpperTail(11, 10, 0.3)).toBe(0);
    expect(binomialUpperTail(3, 10, 0)).toBe(0);
    expect(binomialUpperTail(3, 10, 1)).toBe(1);
    expect(() => binomialUpperTail(1.5, 10, 0.3)).toThrow(RangeError);
  });
});
