// SPEC §4: results are byte-identical for any worker count, chunk size or sharding.
import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { runJob, type JobOptions } from "../../src/runner/job.ts";
import { mergeRunSets } from "../../src/runner/merge.ts";
import { maxHalfWidth } from "../../src/runner/job.ts";
import { FIRST_PRECISION_CHECK, nextPrecisionCheck } from "../../src/runner/plan.ts";
import { toJson } from "../../src/runner/runset.ts";
import { loadScenarioFile } from "../../src/scenario/load.ts";
import { loadFixture, runSummary, scenarioFile } from "../helpers.ts";

const temp = () => mkdtempSync(path.join(os.tmpdir(), "bazaar-parallel-"));
const read = (dir: string, file = "summary.json") => readFileSync(path.join(dir, file), "utf8");

function options(dir: string, overrides: Partial<JobOptions> = {}): JobOptions {
  return { runs: 3000, seed: 11, chunkSize: 250, workers: 1, records: false, resume: false, dir, command: ["test"], ...overrides };
}

describe("parallel batches", () => {
  const scenario = loadScenarioFile(scenarioFile("maliki-sadr-2024.yaml"));

  it("gives byte-identical summary.json for 1, 2 and 3 workers and any chunk size", async () => {
    const dirs = [temp(), temp(), temp(), temp()];
    await runJob(scenario, options(dirs[0], { workers: 1 }));
    await runJob(scenario, options(dirs[1], { workers: 2 }));
    await runJob(scenario, options(dirs[2], { workers: 3, chunkSize: 97 }));
    await runJob(scenario, options(dirs[3], { workers: 2, chunkSize: 3000 }));
    const reference = read(dirs[0]);
    for (const dir of dirs.slice(1)) expect(read(dir)).toBe(reference);
    expect(reference).toBe(toJson(runSummary(scenario, 3000, 11)));
  });

  it("writes per-run records in run order, identical for any worker count", async () => {
    const one = temp();
    const two = temp();
    await runJob(scenario, options(one, { runs: 400, workers: 1, records: true, chunkSize: 37 }));
    await runJob(scenario, options(two, { runs: 400, workers: 2, records: true, chunkSize: 50 }));
    expect(read(two, "runs.jsonl")).toBe(read(one, "runs.jsonl"));
    expect(read(two, "runs.csv")).toBe(read(one, "runs.csv"));
    const lines = read(one, "runs.jsonl").trim().split("\n").map((l) => JSON.parse(l));
    expect(lines.map((l) => l.run)).toEqual(Array.from({ length: 400 }, (_, i) => i));
    const summary = JSON.parse(read(one));
    for (const o of summary.outcomes) expect(lines.filter((l) => l.outcome === o.id)).toHaveLength(o.count);
    expect(Object.keys(lines[0].assumptions)).toContain("actors.sadrists.seats");
    const csv = read(one, "runs.csv").trim().split("\n");
    expect(csv[0].split(",").slice(0, 3)).toEqual(["run", "outcome", "actors.sadrists.seats"]);
    expect(csv).toHaveLength(401);
  });

  it("stops at the same run count for a precision target whatever the worker count", async () => {
    const one = temp();
    const two = temp();
    const target = { runs: 200_000, precision: 0.02, chunkSize: 200 };
    await runJob(scenario, options(one, { ...target, workers: 1 }));
    await runJob(scenario, options(two, { ...target, workers: 2 }));
    expect(read(two)).toBe(read(one));
    const summary = JSON.parse(read(one));
    for (const o of summary.outcomes) expect((o.ci95[1] - o.ci95[0]) / 2).toBeLessThanOrEqual(0.02 + 1e-6);
    // It stopped at the first check point that met the target: the check point before did not.
    let previous = FIRST_PRECISION_CHECK;
    while (nextPrecisionCheck(previous) < summary.runs) previous = nextPrecisionCheck(previous);
    expect(nextPrecisionCheck(previous)).toBe(summary.runs);
    const fewer = runSummary(scenario, previous, 11);
    const { Aggregate } = await import("../../src/runner/aggregate.ts");
    const { compileModel } = await import("../../src/model/compile.ts");
    const agg = new Aggregate(compileModel(scenario.spec));
    agg.runs = fewer.runs;
    fewer.outcomes.forEach((o, k) => (agg.outcomes[k] = o.count));
    expect(maxHalfWidth(agg)).toBeGreaterThan(0.02);
  });
});

describe("shards and merge", () => {
  const pair = loadFixture("pair.yaml");

  it("merging 3 shards gives exactly the unsharded summary.json", async () => {
    const whole = temp();
    await runJob(pair, options(whole, { runs: 2600, workers: 2 }));
    const shards = [1, 2, 3].map(() => temp());
    for (let k = 0; k < 3; k++) await runJob(pair, options(shards[k], { runs: 2600, shard: { index: k + 1, count: 3 } }));
    const merged = temp();
    mergeRunSets([shards[2], shards[0], shards[1]], merged, ["test"]);
    expect(read(merged)).toBe(read(whole));
  });

  it("refuses missing, duplicate and mismatched shards with a clear error", async () => {
    const a = temp();
    const b = temp();
    const other = temp();
    await runJob(pair, options(a, { runs: 600, shard: { index: 1, count: 2 } }));
    await runJob(pair, options(b, { runs: 600, shard: { index: 2, count: 2 } }));
    await runJob(pair, options(other, { runs: 600, seed: 12, shard: { index: 2, count: 2 } }));
    expect(() => mergeRunSets([a], temp(), [])).toThrow(/missing 2\/2/);
    expect(() => mergeRunSets([a, a, b], temp(), [])).toThrow(/shard 1\/2 given twice/);
    expect(() => mergeRunSets([a, other], temp(), [])).toThrow(/seed: 11 vs 12/);
  });
});
