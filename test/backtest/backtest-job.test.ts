// The backtest on the worker pool: the same bytes for 1 and 2 workers, resumable after an interruption,
// shardable by scenario.
import { describe, expect, it } from "vitest";
import { existsSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { BACKTEST_CHECKPOINT, runBacktestJob } from "../../src/backtest/backtest.ts";
import { toJson } from "../../src/runner/runset.ts";
import { loadFixture, pinModel, variant } from "../helpers.ts";

const temp = () => mkdtempSync(path.join(os.tmpdir(), "bazaar-backtest-"));
const observed = (outcome: string) => ({ outcome, date: "2020-01-01", source: "test" });
// Three small, nearly certain cases, so each stops at the minimum of 10,000 runs.
const pairCase = (outcome: string, relation: number, iran: number) => variant(loadFixture("pair.yaml"), (d) => {
  pinModel(d);
  d.observed = observed(outcome);
  d.relations.pairs[0].value = relation;
  d.drivers.iran_pressure = iran;
});
const CASES = [pairCase("together", 0.9, 0.5), pairCase("apart", -0.9, 0.5), pairCase("together", 0.9, 0.9)];

describe("backtest jobs", () => {
  it("give byte-identical JSON with 1 and 2 workers", async () => {
    const one = await runBacktestJob(CASES.slice(0, 2), { seed: 3, workers: 1 });
    const two = await runBacktestJob(CASES.slice(0, 2), { seed: 3, workers: 2 });
    expect(one.status).toBe("complete");
    expect(toJson(two)).toBe(toJson(one));
  });

  it("resume after an interruption to exactly the clean result, and refuse to restart without --resume", async () => {
    const clean = await runBacktestJob(CASES, { seed: 3, workers: 1 });
    const dir = temp();
    expect(await runBacktestJob(CASES, { seed: 3, workers: 1, dir, stopAfter: (n) => n === 1 })).toEqual({ status: "interrupted", done: 1, planned: 3 });
    expect(existsSync(path.join(dir, BACKTEST_CHECKPOINT))).toBe(true);
    await expect(runBacktestJob(CASES, { seed: 3, workers: 1, dir })).rejects.toThrow(/interrupted backtest \(1 of 3 scenarios scored\): add --resume/);
    await expect(runBacktestJob(CASES, { seed: 4, workers: 1, dir, resume: true })).rejects.toThrow(/cannot resume a different backtest/);
    let scenariosRun = 0;
    const resumed = await runBacktestJob(CASES, { seed: 3, workers: 1, dir, resume: true, onScenario: () => scenariosRun++ });
    expect(scenariosRun).toBe(2);
    expect(toJson(resumed)).toBe(toJson(clean));
  });

  it("shard by scenario and merge to exactly the unsharded result", async () => {
    const clean = await runBacktestJob(CASES, { seed: 3, workers: 1 });
    const dirs = [temp(), temp()];
    expect(await runBacktestJob(CASES, { seed: 3, workers: 1, dir: dirs[0], shard: { index: 1, count: 2 } })).toEqual({ status: "shard", done: 2, planned: 2 });
    expect(await runBacktestJob(CASES, { seed: 3, workers: 1, dir: dirs[1], shard: { index: 2, count: 2 } })).toEqual({ status: "shard", done: 1, planned: 1 });
    let scenariosRun = 0;
    const merged = await runBacktestJob(CASES, { seed: 3, workers: 1, merge: dirs, onScenario: () => scenariosRun++ });
    expect(scenariosRun).toBe(0);
    expect(toJson(merged)).toBe(toJson(clean));
  });
});
