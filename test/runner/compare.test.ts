// The verdict is calibrated: same scenario, different seeds → false alarms near α; a real change → detected.
import { describe, expect, it } from "vitest";
import { compareSummaries, diffAssumptions, OTHER_ID, type Comparison } from "../../src/runner/compare.ts";
import type { Summary } from "../../src/runner/summary.ts";
import { labelledRng } from "../../src/rng/rng.ts";
import { newcombeDifference } from "../../src/stats/newcombe.ts";
import { twoSidedZ } from "../../src/stats/multiplicity.ts";
import { UserError } from "../../src/scenario/problems.ts";
import { loadFixture, runSummary, variant } from "../helpers.ts";

/** A summary with these outcome counts (ids o0, o1, … unless given); `sha` and `seed` decide overlap. */
function synthetic(counts: number[], { sha = "s", seed = 1, ids }: { sha?: string; seed?: number; ids?: string[] } = {}): Summary {
  const runs = counts.reduce((s, c) => s + c, 0);
  return {
    scenario: { id: "synthetic", title: "Synthetic", question: "?", sha256: sha },
    seed,
    runs,
    outcomes: counts.map((count, k) => ({ id: ids?.[k] ?? `o${k}`, label: ids?.[k] ?? `o${k}`, count, probability: count / runs, ci95: [0, 1] })),
    metrics: {},
    version: "test",
  };
}

/** Multinomial counts of `n` draws from `p`, from the repository's seeded RNG. */
function multinomial(p: number[], n: number, seed: number, label: string): number[] {
  const rng = labelledRng(seed, label);
  const counts = p.map(() => 0);
  for (let i = 0; i < n; i++) {
    let u = rng.next();
    let k = 0;
    while (k < p.length - 1 && (u -= p[k]) >= 0) k++;
    counts[k]++;
  }
  return counts;
}

const excludesZero = (i: [number, number]) => i[0] > 0 || i[1] < 0;

describe("compare", () => {
  it("raises false alarms at about the nominal rate α = 0.01 for batches of the same scenario", () => {
    const pair = loadFixture("pair.yaml");
    const pairs = 300;
    let alarms = 0;
    for (let k = 0; k < pairs; k++) {
      if (compareSummaries(runSummary(pair, 300, 1000 + 2 * k), runSummary(pair, 300, 1001 + 2 * k)).exceedsNoise) alarms++;
    }
    // Expected 3 of 300; P(more than 9 | rate 0.01) < 0.001, so this fails only if the test is miscalibrated.
    expect(alarms).toBeLessThanOrEqual(9);
  });

  it("detects iran_pressure moved by 0.2", () => {
    const pair = loadFixture("pair.yaml");
    const moved = variant(pair, (d) => {
      d.drivers.iran_pressure = 0.7;
    });
    const result = compareSummaries(runSummary(pair, 3000, 5), runSummary(moved, 3000, 6));
    expect(result.exceedsNoise).toBe(true);
    expect(result.outcomes.find((o) => o.id === "together")!.beyondNoise).toBe(true);
    expect(result.verdict).toMatch(/differ beyond sampling noise/);
  });

  it("lists the assumptions that differ, matching list items by id and relation pairs by their actors", () => {
    const pair = loadFixture("pair.yaml").spec;
    const changed = variant(loadFixture("pair.yaml"), (d) => {
      d.actors[0].seats = 31;
      d.relations.pairs[0].between = ["b", "a"];
      d.relations.pairs[0].value = 0.5;
    }).spec;
    expect(diffAssumptions(pair, changed)).toEqual([
      { path: "actors.a.seats", a: 30, b: 31 },
      { path: "relations.pairs.a~b.between", a: ["a", "b"], b: ["b", "a"] },
      { path: "relations.pairs.a~b.value", a: -0.2, b: 0.5 },
    ]);
  });
});

describe("compare: stars and verdict at one α", () => {
  /** Checks how rows, stars, verdict and the agreement sentence relate in one comparison. */
  function expectConsistent(c: ReturnType<typeof compareSummaries>): void {
    for (const o of c.outcomes) expect(o.beyondNoise).toBe(excludesZero(o.interval));
    const starred = c.outcomes.some((o) => o.beyondNoise);
    expect(c.verdict).toMatch(c.exceedsNoise ? /^The outcome distributions differ beyond sampling noise/ : /^No difference beyond sampling noise/);
    expect(c.agreement !== null).toBe(starred !== c.exceedsNoise);
    if (c.agreement) expect(c.agreement).toMatch(starred ? /stands? out at the corrected level although the G-test/ : /No single outcome's interval excludes 0/);
  }

  it("makes each interval at 1 − α/k (Bonferroni) with Newcombe's method, for any --alpha", () => {
    const a = synthetic([300, 200, 500], { seed: 1 });
    const b = synthetic([260, 240, 500], { seed: 2 });
    for (const alpha of [0.01, 0.05, 0.5]) {
      const c = compareSummaries(a, b, alpha);
      expect(c.intervals).toEqual({ method: "newcombe-hybrid-score", correction: "bonferroni", alpha, tests: 3, level: 1 - alpha / 3 });
      c.outcomes.forEach((o, k) => {
        expect(o.interval).toEqual(newcombeDifference(b.outcomes[k].count, 1000, a.outcomes[k].count, 1000, twoSidedZ(1 - alpha / 3)).interval);
      });
      expectConsistent(c);
    }
  });

  it("keeps false stars and stars under a 'no difference' verdict at or below α on 1,000 null pairs", () => {
    // Same distribution on both sides, independent seeded samples. With α = 0.01 the familywise rate of
    // any star is at most 1% (Bonferroni), so about 10 of 1,000 or fewer; P(Binomial(1000, 0.01) > 20)
    // ≈ 0.001. Uncorrected 95% intervals starred about 9% of null pairs (about 90 here).
    const p = [0.2, 0.3, 0.5];
    let starred = 0;
    let starredUnderNoDifference = 0;
    let alarms = 0;
    for (let k = 0; k < 1000; k++) {
      const c = compareSummaries(synthetic(multinomial(p, 2000, k, "null-a"), { seed: 2 * k }), synthetic(multinomial(p, 2000, k, "null-b"), { seed: 2 * k + 1 }));
      expectConsistent(c);
      const any = c.outcomes.some((o) => o.beyondNoise);
      if (any) starred++;
      if (any && !c.exceedsNoise) starredUnderNoDifference++;
      if (c.exceedsNoise) alarms++;
    }
    expect(starred).toBeLessThanOrEqual(20);
    expect(starredUnderNoDifference).toBeLessThanOrEqual(20);
    expect(alarms).toBeLessThanOrEqual(20);
  });

  it("agrees, or says why not, at --alpha 0.5 on null pairs and detects a real change with matching stars", () => {
    const p = [0.2, 0.3, 0.5];
    for (let k = 0; k < 200; k++) {
      expectConsistent(compareSummaries(synthetic(multinomial(p, 500, k, "half-a"), { seed: 2 * k }), synthetic(multinomial(p, 500, k, "half-b"), { seed: 2 * k + 1 }), 0.5));
    }
    // 10-point shifts at n = 3,000: at least 7.8 standard errors, so a row misses its star (corrected
    // z = 2.94) with probability about Φ(−4.9) ≈ 5e-7.
    const moved = [0.3, 0.3, 0.4];
    for (let k = 0; k < 200; k++) {
      const c = compareSummaries(synthetic(multinomial(p, 3000, k, "real-a"), { seed: 2 * k }), synthetic(multinomial(moved, 3000, k, "real-b"), { seed: 2 * k + 1 }));
      expectConsistent(c);
      expect(c.exceedsNoise).toBe(true);
      expect([c.outcomes[0].beyondNoise, c.outcomes[2].beyondNoise]).toEqual([true, true]);
    }
  });
});

describe("compare: run sets with different outcome sets", () => {
  it("tests the shared outcomes plus 'any other outcome', never on 0 df", () => {
    // The case: one shared outcome moved by −20 points. Reference: scipy.stats.chi2_contingency(
    // [[600, 400], [400, 600]], correction=False, lambda_="log-likelihood") → G = 80.54205420275548, 1 df,
    // p = 2.8458345771223485e-19 (gtest.ts computes 1 − cdf, which underflows to 0 below about 1e-16).
    const a = synthetic([600, 400], { ids: ["x", "y"], seed: 1 });
    const b = synthetic([400, 600], { ids: ["x", "z"], seed: 2 });
    const c = compareSummaries(a, b);
    expect(c.outcomes.map((o) => o.id)).toEqual(["x", OTHER_ID]);
    expect(c.pooled).toEqual({ onlyA: ["y"], onlyB: ["z"] });
    expect(c.gTest!.g).toBeCloseTo(80.54205420275548, 9);
    expect(c.gTest!.dof).toBe(1);
    expect(c.gTest!.p).toBeLessThan(1e-15);
    expect(c.exceedsNoise).toBe(true);
    expect(c.outcomes[0].difference).toBeCloseTo(-0.2, 12);
    expect(c.outcomes[0].beyondNoise).toBe(true);
    expect(c.verdict).toMatch(/differ beyond sampling noise \(G = 80\.54 on 1 df over 2 outcomes, any other pooled/);
    expect(c.warnings[0]).toMatch(/different outcomes \(only in A: y; only in B: z\); they are pooled as "any other outcome", and the test runs over the 1 shared outcome plus that one/);
  });

  it("pools several outcomes: three shared plus any other on 3 df (scipy: G = 23.52234350251051, p = 3.1425080131430433e-05)", () => {
    const a = synthetic([300, 200, 100, 400], { ids: ["p", "q", "r", "s"], seed: 1 });
    const b = synthetic([250, 250, 150, 200, 150], { ids: ["p", "q", "r", "t", "u"], seed: 2 });
    const c = compareSummaries(a, b);
    expect(c.outcomes.map((o) => [o.id, o.a, o.b])).toEqual([["p", 0.3, 0.25], ["q", 0.2, 0.25], ["r", 0.1, 0.15], [OTHER_ID, 0.4, 0.35]]);
    expect(c.gTest!.g).toBeCloseTo(23.52234350251051, 9);
    expect(c.gTest!.dof).toBe(3);
    expect(c.gTest!.p).toBeCloseTo(3.1425080131430433e-05, 12);
    expect(c.intervals.tests).toBe(4);
  });

  it("refuses, with a clear UserError, run sets that share no outcome", () => {
    const a = synthetic([60, 40], { ids: ["x", "y"] });
    const b = synthetic([50, 50], { ids: ["u", "v"], seed: 2 });
    expect(() => compareSummaries(a, b)).toThrow(UserError);
    expect(() => compareSummaries(a, b)).toThrow(/A and B have no outcome in common \(A: x, y; B: u, v\)/);
  });

  it("says there is nothing to test, without a G-test, when every run of both sets is in one outcome", () => {
    const c = compareSummaries(synthetic([500, 0], { seed: 1 }), synthetic([300, 0], { seed: 2 }));
    expect(c.gTest).toBeNull();
    expect(c.exceedsNoise).toBe(false);
    expect(c.verdict).toMatch(/^No difference to test: every run compared ended in the same outcome \(o0\)/);
    expect(c.verdict).not.toMatch(/0 df/);
  });

  it("compares the renamed-outcome variant of a real scenario on its shared outcome plus any other", () => {
    const pair = loadFixture("pair.yaml");
    const renamed = variant(pair, (d) => {
      d.outcomes[1].id = "separate";
    });
    const result = compareSummaries(runSummary(pair, 200, 1), runSummary(renamed, 200, 2));
    expect(result.outcomes.map((o) => o.id)).toEqual(["together", OTHER_ID]);
    expect(result.gTest!.dof).toBe(1);
  });
});


describe("compare: run sets that share runs", () => {
  it("prints a zero difference with a zero-width interval for a run set compared with itself", () => {
    const s = runSummary(loadFixture("pair.yaml"), 500, 3);
    const c = compareSummaries(s, s);
    expect(c.overlap).toEqual({ kind: "identical", sharedRuns: 500, method: "identical" });
    for (const o of c.outcomes) {
      expect(o.difference).toBe(0);
      expect(o.interval).toEqual([0, 0]);
      expect(o.beyondNoise).toBe(false);
    }
    expect(c.gTest).toBeNull();
    expect([c.exceedsNoise, c.agreement]).toEqual([false, null]);
    expect(c.verdict).toMatch(/^Identical runs: A and B hold the same runs \(same scenario, seed and bazaar version\), so every difference is zero by construction/);
    expect(c.warnings).toEqual(["A and B hold the same 500 runs (same scenario, seed and bazaar version): every difference is zero by construction"]);
  });

  it("uses the paired difference when one batch is a prefix of the other (same scenario and seed, 2,000 and 6,000 runs)", () => {
    // Reference (normal theory): with n shared runs and m extra, p_B − p_A = m/(n+m)·(p_E − p_A), so its
    // variance is p(1−p)·m/(n(n+m)), not p(1−p)(1/n + 1/(n+m)) as for independent samples: those are
    // √((2n+m)/m) times wider (√3 ≈ 1.7 at m = n, √2 here). Newcombe's and the Wald width agree to 3% here.
    const pair = loadFixture("pair.yaml");
    const a = runSummary(pair, 2000, 7);
    const b = runSummary(pair, 6000, 7);
    const c = compareSummaries(a, b, 0.05);
    expect(c.overlap).toEqual({ kind: "nested", sharedRuns: 2000, method: "paired-nested" });
    expect(c.warnings.join("\n")).toMatch(/A's 2,000 runs are also B's \(same scenario, seed and bazaar version\): the comparison is paired/);
    const [n, m] = [2000, 4000];
    const z = twoSidedZ(0.95); // two outcomes: one test, no correction
    c.outcomes.forEach((o, k) => {
      const [pa, pb] = [a.outcomes[k].count / n, b.outcomes[k].count / (n + m)];
      const reference = z * Math.sqrt((pb * (1 - pb) * m) / (n * (n + m)));
      expect(o.difference).toBeCloseTo(pb - pa, 12);
      expect((o.interval[1] - o.interval[0]) / 2 / reference).toBeGreaterThan(0.97);
      expect((o.interval[1] - o.interval[0]) / 2 / reference).toBeLessThan(1.03);
    });
    expect(c.verdict).toMatch(/df over 2 outcomes, paired,/);
    // The other way round: the same interval, mirrored.
    const reversed = compareSummaries(b, a, 0.05);
    expect(reversed.outcomes[0].interval[0]).toBeCloseTo(-c.outcomes[0].interval[1], 12);
    expect(reversed.overlap.method).toBe("paired-nested");
  });

  it("covers the zero true difference at the nominal rate on 1,000 nested synthetic pairs", () => {
    // Same inputs, A = the first 1,000 runs, B = those plus 1,000 more: the true difference is 0. At
    // α = 0.2 (two outcomes: 80% intervals) each interval should miss 0 in about 20% of pairs and the
    // G-test reject about as often; ± 0.05 is 4 binomial standard errors (√(0.2·0.8/1000) = 0.0126).
    // Treated as independent, the intervals were √3 too wide: they missed 0 in about 2.6%.
    let missed = 0;
    let alarms = 0;
    for (let k = 0; k < 1000; k++) {
      const shared = multinomial([0.3, 0.7], 1000, k, "shared");
      const extra = multinomial([0.3, 0.7], 1000, k, "extra");
      const c = compareSummaries(synthetic(shared), synthetic(shared.map((x, i) => x + extra[i])), 0.2);
      expect(c.overlap.method).toBe("paired-nested");
      if (excludesZero(c.outcomes[0].interval)) missed++;
      if (c.exceedsNoise) alarms++;
    }
    expect(missed / 1000).toBeGreaterThan(0.15);
    expect(missed / 1000).toBeLessThan(0.25);
    expect(alarms / 1000).toBeGreaterThan(0.15);
    expect(alarms / 1000).toBeLessThan(0.25);
  });
});
