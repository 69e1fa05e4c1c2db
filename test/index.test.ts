// The README's library example, run as written.
import { describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadScenarioFile, forecast, saveForecast, readRunSet, DEFAULT_SCENARIO } from "../src/index.ts";

describe("library API", () => {
  it("loads a scenario, runs a batch, writes and reads a run set", () => {
    const scenario = loadScenarioFile(DEFAULT_SCENARIO);
    const result = forecast(scenario, { runs: 200, seed: 7 });
    const dir = path.join(mkdtempSync(path.join(os.tmpdir(), "bazaar-api-")), "set");
    saveForecast(scenario, result, ["example"], dir);
    const { summary } = readRunSet(dir);
    expect(summary.outcomes.map((o) => o.id)).toEqual(["rapprochement", "conflict", "sway"]);
    expect(summary.outcomes.reduce((s, o) => s + o.probability, 0)).toBeCloseTo(1, 5);
    expect(summary).toEqual(result.summary);
  });
});
