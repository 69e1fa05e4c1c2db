import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { mkdtempSync, readFileSync, writeFileSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { toJson, readRunSet } from "../../src/runner/runset.ts";
import { runJob } from "../../src/runner/job.ts";
import { loadFixture, runSummary, scenarioFile } from "../helpers.ts";
import { loadScenarioFile } from "../../src/scenario/load.ts";

describe("batch determinism", () => {
  const pair = loadFixture("pair.yaml");

  it("gives byte-identical summaries for the same seed and any chunk size", () => {
    const reference = toJson(runSummary(pair, 120, 99, 2000));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 130 }), (chunk) => {
        expect(toJson(runSummary(pair, 120, 99, chunk))).toBe(reference);
      }),
      { numRuns: 12 },
    );
  });

  it("gives a byte-identical default forecast twice", () => {
    const loaded = loadScenarioFile(scenarioFile("maliki-sadr-2024.yaml"));
    expect(toJson(runSummary(loaded, 400, 1, 64))).toBe(toJson(runSummary(loaded, 400, 1, 400)));
  });

  it("gives different results for different seeds", () => {
    const a = runSummary(pair, 400, 1);
    const b = runSummary(pair, 400, 2);
    expect(a.outcomes.map((o) => o.count)).not.toEqual(b.outcomes.map((o) => o.count));
  });

  it("classifies every run into exactly one outcome, with Wilson intervals around each estimate", () => {
    const s = runSummary(pair, 500, 4);
    expect(s.outcomes.reduce((sum, o) => sum + o.count, 0)).toBe(500);
    for (const o of s.outcomes) {
      expect(o.ci95[0]).toBeLessThanOrEqual(o.probability);
      expect(o.ci95[1]).toBeGreaterThanOrEqual(o.probability);
    }
    expect(Object.keys(s)).toEqual(["scenario", "seed", "runs", "outcomes", "metrics", "version"]);
  });

  it("records one run index per stream: run i does not depend on the runs before it", () => {
    // Runs 0..99 of a 100-run batch equal the first 100 runs of a 200-run batch, chunked differently.
    const first = runSummary(pair, 100, 5, 33);
    const halves = runSummary(pair, 100, 5, 100);
    expect(toJson(first)).toBe(toJson(halves));
  });
});

describe("run sets", () => {
  const job = (dir: string, runs: number) => ({ runs, seed: 3, chunkSize: 16, workers: 1, records: false, resume: false, dir, command: ["bazaar", "run"] });

  it("writes summary.json, checkpoint.json and manifest.json and reads them back verified", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "bazaar-runset-"));
    const loaded = loadFixture("pair.yaml");
    const result = await runJob(loaded, job(dir, 50));
    if (result.status !== "complete") throw new Error("expected a complete batch");
    const runSet = result.runSet;
    expect(readdirSync(dir).sort()).toEqual(["checkpoint.json", "manifest.json", "summary.json"]);
    const read = readRunSet(dir);
    expect(read.summary).toEqual(result.summary);
    expect(toJson(read.summary)).toBe(toJson(runSummary(loaded, 50, 3)));
    expect(read.manifest.scenario.sha256).toBe(loaded.sha256);
    expect(read.manifest.scenario.resolved.meta.id).toBe("pair");
    expect(runSet.manifest.files["summary.json"].sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("refuses a run set whose summary does not match its manifest", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "bazaar-runset-"));
    const loaded = loadFixture("pair.yaml");
    await runJob(loaded, job(dir, 20));
    const file = path.join(dir, "summary.json");
    writeFileSync(file, readFileSync(file, "utf8").replace('"runs": 20', '"runs": 21'));
    expect(() => readRunSet(dir)).toThrow(/corrupt or incomplete/);
  });
});

describe("run set verification", () => {
  it("refuses a run set whose checkpoint does not match its manifest", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "bazaar-runset-"));
    await runJob(loadFixture("pair.yaml"), { runs: 20, seed: 3, chunkSize: 10, workers: 1, records: false, resume: false, dir, command: [] });
    const file = path.join(dir, "checkpoint.json");
    writeFileSync(file, readFileSync(file, "utf8").replace('"runs_done":20', '"runs_done":21'));
    expect(() => readRunSet(dir)).toThrow(/checkpoint\.json: expected sha256 .* corrupt or incomplete/);
  });
});
