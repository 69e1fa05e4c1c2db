// The Sobol' sequence against published points: Bratley and Fox (1988) / Joe and Kuo (2008) in Gray-code
// order, as scipy.stats.qmc.Sobol(d, scramble=False, bits=32) also gives them (values copied from it).
import { describe, expect, it } from "vitest";
import { directionNumbers, sobolPoints } from "../../src/gsa/sobol-sequence.ts";

describe("Sobol' sequence", () => {
  it("gives the published first eight points in five dimensions", () => {
    expect(sobolPoints(5, 8)).toEqual([
      [0, 0, 0, 0, 0],
      [0.5, 0.5, 0.5, 0.5, 0.5],
      [0.75, 0.25, 0.25, 0.25, 0.75],
      [0.25, 0.75, 0.75, 0.75, 0.25],
      [0.375, 0.375, 0.625, 0.875, 0.375],
      [0.875, 0.875, 0.125, 0.375, 0.875],
      [0.625, 0.125, 0.875, 0.625, 0.625],
      [0.125, 0.625, 0.375, 0.125, 0.125],
    ]);
  });

  it("matches later points and higher dimensions (points 100 and 1000; dimensions 1, 2, 3, 6, 10)", () => {
    const pick = (p: number[]) => [p[0], p[1], p[2], p[5], p[9]];
    const points = sobolPoints(10, 1001);
    expect(pick(points[100])).toEqual([0.4140625, 0.2578125, 0.7734375, 0.7421875, 0.6953125]);
    expect(pick(points[1000])).toEqual([0.2197265625, 0.0966796875, 0.5185546875, 0.9072265625, 0.0693359375]);
  });

  it("in dimension 1024 too, and every dimension's first 2^m points are the multiples of 2^-m", () => {
    const points = sobolPoints(1024, 64);
    for (let d = 0; d < 1024; d += 97) {
      const column = points.map((p) => p[d] * 64).sort((a, b) => a - b);
      expect(column).toEqual(Array.from({ length: 64 }, (_, i) => i));
    }
    expect(directionNumbers(2)[0]).toBe(2 ** 31);
    expect(() => directionNumbers(1025)).toThrow(/outside/);
  });
});
