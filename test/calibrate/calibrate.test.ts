// bazaar calibrate as a library: it recovers a known parameter from a synthetic case set, writes the same
// calibration.json for any worker count, and resumes an interrupted calibration to the same bytes.
import { describe, expect, it } from "vitest";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startCalibration, type CalibrateOptions } from "../../src/calibrate/calibrate.ts";
import { parseFit } from "../../src/calibrate/parameters.ts";
import { loadScenarioFile } from "../../src/scenario/load.ts";
import { fixture } from "../helpers.ts";
import { syntheticCases } from "./synthetic-cases.ts";

const PATH = "model.attendance.boycott_below";
const temp = () => mkdtempSync(path.join(os.tmpdir(), "bazaar-calibrate-"));
const read = (dir: string, file: string) => readFileSync(path.join(dir, file), "utf8");

function options(dir: string, over: Partial<CalibrateOptions> = {}): CalibrateOptions {
  return {
    parameters: parseFit([`${PATH}=-1:-0.3`]), seed: 1, runs: 600, budget: 8, score: "log", cv: true,
    workers: 1, dir, resume: false, command: ["test"], ...over,
  };
}

async function complete(cases: ReturnType<typeof syntheticCases>, o: CalibrateOptions) {
  const result = await startCalibration(cases, o).done;
  if (result.status !== "complete") throw new Error("the calibration was interrupted");
  return result;
}

describe("synthetic recovery", () => {
  // 600 cases (300 for each of two variants) observed at boycott_below = −0.75. From the simulated
  // slopes of P(formed), the Fisher information is about 28 per pair of cases, so the estimate's standard
  // error is about 1/√(28·300) ≈ 0.011, and Monte Carlo error from 1,000 common runs adds about 0.006.
  // Over 20 observation seeds the fitted values had sd 0.0105 and at most 0.030 error: the tolerance,
  // 0.04, is nearly 4 standard errors, and the start (−0.65) lies 0.1 away, outside it.
  const TRUTH = -0.75;
  const TOLERANCE = 0.04;

  it("recovers the true value of model.attendance.boycott_below within the tolerance", async () => {
    const cases = syntheticCases({ path: PATH, truth: TRUTH, relations: [-0.8, -0.7], perVariant: 300, seed: 1007 });
    const { calibration } = await complete(cases, options(temp(), { runs: 1000, budget: 25, cv: false }));
    const [fitted] = calibration.parameters;
    expect(fitted.start).toBe(-0.65);
    expect(Math.abs(fitted.start - TRUTH)).toBeGreaterThan(TOLERANCE);
    expect(Math.abs(fitted.fitted - TRUTH)).toBeLessThan(TOLERANCE);
    expect(calibration.objective.fitted).toBeLessThan(calibration.objective.start);
  });
});

describe("calibration folders", () => {
  const cases = syntheticCases({ path: PATH, truth: -0.75, relations: [-0.8, -0.7], perVariant: 3, seed: 99 });
  const reference = temp();

  it("gives byte-identical calibration.json with 1 and 2 workers, never worse than the start", async () => {
    const { calibration } = await complete(cases, options(reference));
    const two = temp();
    await complete(cases, options(two, { workers: 2 }));
    expect(read(two, "calibration.json")).toBe(read(reference, "calibration.json"));
    expect(read(two, "model.yaml")).toBe(read(reference, "model.yaml"));
    expect(calibration.objective.fitted).toBeLessThanOrEqual(calibration.objective.start);
    expect(calibration.leave_one_out!.folds.map((f) => f.left_out)).toEqual(cases.map((c) => c.spec.meta.id));
  });

  it("resumes an interrupted calibration to the same calibration.json", async () => {
    const dir = temp();
    let control: ReturnType<typeof startCalibration> | undefined;
    control = startCalibration(cases, options(dir, {
      onProgress: (done) => {
        if (done >= 12 * 2 * 600) control?.interrupt(); // in the leave-one-out folds, after the full fit's 9 points
      },
    }));
    const stopped = await control.done;
    expect(stopped.status).toBe("interrupted");
    expect(existsSync(path.join(dir, "evaluations.json"))).toBe(true);
    expect(existsSync(path.join(dir, "calibration.json"))).toBe(false);
    expect(() => startCalibration(cases, options(dir))).toThrow(/interrupted calibration .* add --resume/);
    const resumed = await complete(cases, options(dir, { resume: true }));
    expect(resumed.manifest.resumed_from_evaluations).toBeGreaterThanOrEqual(10);
    expect(read(dir, "calibration.json")).toBe(read(reference, "calibration.json"));
  });

  it("writes a model.yaml that a scenario can extend", () => {
    const dir = temp();
    copyFileSync(path.join(reference, "model.yaml"), path.join(dir, "model.yaml"));
    writeFileSync(path.join(dir, "child.yaml"), `extends: model.yaml\n${readFileSync(fixture("calibrate/quorum.yaml"), "utf8")}`);
    const fitted = JSON.parse(read(reference, "calibration.json")).parameters[0].fitted;
    expect(loadScenarioFile(path.join(dir, "child.yaml")).spec.model.attendance.boycott_below).toBe(fitted);
  });
});
