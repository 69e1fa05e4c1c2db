// Text output: percentages that show a nonzero interval bound, tidy quantile labels, undefined sd.
import { describe, expect, it } from "vitest";
import { formatSummary, ordinalPercentile, percent, points } from "../../src/cli/format.ts";
import { wilsonInterval } from "../../src/stats/wilson.ts";
import type { Summary } from "../../src/runner/summary.ts";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { runCli } from "../../src/cli/program.ts";
import type { Io } from "../../src/cli/io.ts";
import { fixture } from "../helpers.ts";

/** Runs the CLI in-process and returns its exit code and stdout. */
async function cli(args: string[]): Promise<{ code: number; out: string }> {
  let out = "";
  const io: Io = { argv: args, out: (t) => void (out += t), err: () => {}, exitCode: () => {}, style: { bold: (s) => s }, relative: (f) => f };
  return { code: await runCli(args, io), out };
}

const plain = { bold: (s: string) => s };

function summaryOf(counts: number[], runs: number): Summary {
  return {
    scenario: { id: "s", title: "S", question: "Q?", sha256: "0".repeat(64) },
    seed: 1,
    runs,
    outcomes: counts.map((count, k) => ({ id: `o${k}`, label: `outcome ${k}`, count, probability: count / runs, ci95: wilsonInterval(count, runs) })),
    metrics: { rounds: { label: "rounds", type: "numeric", n: 1, missing: 0, mean: 3, sd: null, p05: 3, p50: 3, p95: 3 } },
    version: "test",
  };
}

describe("percent and interval bounds", () => {
  it("a zero count out of 10,000 shows its nonzero Wilson upper bound (0.038%), and a full count its lower bound", () => {
    const text = formatSummary(summaryOf([0, 10_000], 10_000), plain);
    expect(text).toContain("0.0%  [0.0%, 0.038%]");
    expect(text).toContain("100.0%  [99.962%, 100.0%]");
  });

  it("keeps one decimal where it already shows the value is not 0 or 1, and two significant digits below", () => {
    expect(percent(0.2534)).toBe("25.3%");
    expect(percent(0)).toBe("0.0%");
    expect(percent(1)).toBe("100.0%");
    expect(percent(0.0006)).toBe("0.1%");
    expect(percent(0.0004)).toBe("0.040%");
    expect(percent(0.000_001_77)).toBe("0.00018%");
    expect(percent(0.999_999)).toBe("99.99990%");
    expect(points(0.0003)).toBe("+0.030");
    expect(points(-0.0003)).toBe("-0.030");
    expect(points(0)).toBe("+0.0");
    expect(points(-0.123)).toBe("-12.3");
  });
});

describe("metric table", () => {
  it("prints an sd column, with – where sd is undefined (one run)", () => {
    const text = formatSummary(summaryOf([1], 1), plain);
    expect(text).toMatch(/metric\s+mean\s+sd\s+p05\s+p50\s+p95/);
    expect(text).toMatch(/rounds\s+3\s+–\s+3\s+3\s+3$/m);
  });
});

describe("quantile labels", () => {
  it("names percentiles without floating-point residue, with English ordinal suffixes", () => {
    expect([0.07, 0.93, 0.1, 0.9, 0.025, 0.01, 0.02, 0.11, 0.12, 0.13, 0.21, 0.5, 0].map(ordinalPercentile)).toEqual(
      ["7th", "93rd", "10th", "90th", "2.5th", "1st", "2nd", "11th", "12th", "13th", "21st", "50th", "0th"],
    );
  });
});

describe("command output", () => {
  it("sensitivity names --quantiles 0.07,0.93 as the 7th and 93rd percentile", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "bazaar-format-"));
    const r = await cli(["sensitivity", fixture("pair.yaml"), "--runs", "5", "--quantiles", "0.07,0.93", "--out", dir]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("each uncertain input at its 7th and 93rd percentile");
  });

  it("--precision's help says its target is a 95% half-width, not a standard error", async () => {
    const r = await cli(["run", "--help"]);
    expect(r.out.replace(/\s+/g, " ")).toContain("95% Wilson interval half-width (about 1.96 standard errors)");
  });
});
