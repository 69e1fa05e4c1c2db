// evaluations.json: counts by point and simulation survive a save and a read; another calibration's
// checkpoint, or a corrupt one, is refused with a message rather than reused.
import { describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { EvaluationCache, EVALUATIONS_FILE } from "../../src/calibrate/cache.ts";

const identity = { version: "0.1.0", seed: 1, runs: 2000 };
const temp = () => mkdtempSync(path.join(os.tmpdir(), "bazaar-cache-"));

describe("EvaluationCache", () => {
  it("reads back what it saved, whatever the key order of a point", () => {
    const dir = temp();
    const cache = new EvaluationCache(identity);
    cache.set({ "model.temperature": 0.05, "model.delay_cost": 0.055 }, "sim-a", [1500, 500]);
    cache.set({}, "sim-a", [1400, 600]);
    cache.save(dir);
    const read = EvaluationCache.read(dir, identity)!;
    expect(read.size).toBe(2);
    expect(read.get({ "model.delay_cost": 0.055, "model.temperature": 0.05 }, "sim-a")).toEqual([1500, 500]);
    expect(read.get({}, "sim-a")).toEqual([1400, 600]);
    expect(read.get({}, "sim-b")).toBeUndefined();
  });

  it("gives nothing for a folder without a checkpoint", () => {
    expect(EvaluationCache.read(temp(), identity)).toBeUndefined();
  });

  it("refuses another calibration's checkpoint, naming what differs", () => {
    const dir = temp();
    new EvaluationCache(identity).save(dir);
    expect(() => EvaluationCache.read(dir, { ...identity, runs: 1000 })).toThrow(/cannot resume a different calibration \(runs: 2000 vs 1000\)/);
  });

  it("refuses a corrupt checkpoint", () => {
    const dir = temp();
    writeFileSync(path.join(dir, EVALUATIONS_FILE), '{"format": 1, "version": "0.1.0", "seed": 1, "runs": 2000, "evaluations": [{"point": {}, "counts": {"a": [-1]}}]}');
    expect(() => EvaluationCache.read(dir, identity)).toThrow(/expected a bazaar calibration checkpoint; evaluations\[0\]\.counts\.a\[0\]/);
  });
});
