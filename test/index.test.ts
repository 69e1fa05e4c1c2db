// The README's library example, run as written.
import { describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadScenarioFile, forecast, runJob, readRunSet, DEFAULT_SCENARIO } from "../src/index.ts";

describe("library API", () => {
  it("loads a scenario, runs a batch in memory and as a run set, and reads the run set", async () => {
    const scenario = loadScenarioFile(DEFAULT_SCENARIO);
    const inMemory = forecast(scenario, { runs: 200, seed: 7 });
    const dir = path.join(mkdtempSync(path.join(os.tmpdir(), "bazaar-api-")), "set");
    const result = await runJob(scenario, { runs: 200, seed: 7, chunkSize: 50, workers: 2, records: false, resume: false, dir, command: ["example"] });
    const { summary } = readRunSet(dir);
    expect(result.status).toBe("complete");
    expect(summary.outcomes.map((o) => o.id)).toEqual(["rapprochement", "conflict", "sway"]);
    expect(summary.outcomes.reduce((s, o) => s + o.probability, 0)).toBeCloseTo(1, 5);
    expect(summary).toEqual(inMemory.summary);
  });
});
