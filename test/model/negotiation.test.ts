import { describe, expect, it } from "vitest";
import { logitChoice } from "../../src/model/negotiation.ts";
import { runRng } from "../../src/rng/rng.ts";

describe("logit choice", () => {
  it("takes options with probability ∝ exp(u / temperature)", () => {
    const rng = runRng(5, 0);
    const utilities = Float64Array.from([0, 0.05, -0.1]);
    const counts = [0, 0, 0];
    const n = 30000;
    for (let i = 0; i < n; i++) counts[logitChoice(rng, utilities, 3, 0.05)]++;
    const weights = [1, Math.E, Math.exp(-2)];
    const total = weights.reduce((a, b) => a + b, 0);
    weights.forEach((w, k) => {
      const p = w / total;
      // 4 binomial standard deviations
      expect(Math.abs(counts[k] / n - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n));
    });
  });

  it("is nearly a best response at a low temperature", () => {
    const rng = runRng(6, 0);
    const utilities = Float64Array.from([0.2, 0.25, 0.1]);
    let best = 0;
    for (let i = 0; i < 1000; i++) if (logitChoice(rng, utilities, 3, 0.001) === 1) best++;
    expect(best).toBe(1000);
  });
});
