// Every analysis on the worker pool: the same bytes for 1 and 2 workers, an interrupted analysis
// resumed to exactly the clean result, and shards merged into the unsharded result.
import { describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { runCli } from "../../src/cli/program.ts";
import type { Io } from "../../src/cli/io.ts";
import { ANALYSIS_CHECKPOINT, readAnalysisCheckpoint, startAnalysis } from "../../src/runner/analysis.ts";
import { parseVary, sweepDesign } from "../../src/runner/sweep.ts";
import { sobolPlan } from "../../src/gsa/global.ts";
import { loadScenarioFile } from "../../src/scenario/load.ts";
import { fixture } from "../helpers.ts";

const temp = () => mkdtempSync(path.join(os.tmpdir(), "bazaar-analysis-"));

async function cli(args: string[]) {
  let stdout = "";
  let stderr = "";
  const io: Io = { argv: ["bazaar", ...args], out: (t) => void (stdout += t), err: (t) => void (stderr += t), exitCode: () => {}, style: { bold: (s) => s }, relative: (f) => f };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

const PAIR = fixture("pair.yaml");
const SWEEP = ["sweep", PAIR, "--vary", "drivers.iran_pressure=0:1:3", "--runs", "150", "--seed", "4"];
const SOBOL = ["sensitivity", PAIR, "--method", "sobol", "--samples", "4", "--runs-per-point", "30", "--seed", "4"];
const ANALYSES: Record<string, string[]> = {
  sweep: SWEEP,
  oat: ["sensitivity", PAIR, "--runs", "60", "--seed", "4"],
  morris: ["sensitivity", PAIR, "--method", "morris", "--trajectories", "3", "--runs-per-point", "30", "--seed", "4"],
  sobol: SOBOL,
};

describe("analyses on the worker pool", () => {
  it.each(Object.keys(ANALYSES))("%s: byte-identical JSON with 1 and 2 workers", async (name) => {
    const one = await cli([...ANALYSES[name], "--workers", "1", "--out", temp(), "--json"]);
    const two = await cli([...ANALYSES[name], "--workers", "2", "--out", temp(), "--json"]);
    expect(one.code, one.stderr).toBe(0);
    expect(two.code, two.stderr).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    expect(one.stdout.length).toBeGreaterThan(200);
  });

  it("an interrupted sweep resumes (--resume) to exactly the clean result, and refuses to restart without it", async () => {
    const clean = await cli([...SWEEP, "--workers", "1", "--out", temp(), "--json"]);
    const dir = temp();
    // The same design the CLI builds, stopped by a deterministic hook after 1 of its 3 points.
    const loaded = loadScenarioFile(PAIR);
    const job = startAnalysis(sweepDesign(loaded, [parseVary("drivers.iran_pressure=0:1:3")], 150, 4), { workers: 2, dir, checkpointInterval: 0, stopAfter: (n) => n === 1 });
    const stopped = await job.done;
    expect(stopped).toMatchObject({ status: "interrupted", pointsDone: 1, points: 3 });
    expect(readAnalysisCheckpoint(dir)).toMatchObject({ complete: false, points: 3 });
    expect(readAnalysisCheckpoint(dir)!.done.map(([p]) => p)).toEqual([0]);
    expect(existsSync(path.join(dir, "sweep.json"))).toBe(false);

    const again = await cli([...SWEEP, "--out", dir, "--json"]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/interrupted analysis \(1 of 3 points done\): add --resume/);
    const other = await cli([...SWEEP.slice(0, -4), "--runs", "151", "--seed", "4", "--out", dir, "--resume", "--json"]);
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/cannot resume a different analysis/);

    const resumed = await cli([...SWEEP, "--workers", "2", "--out", dir, "--resume", "--json"]);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stdout).toBe(clean.stdout);
    expect(readFileSync(path.join(dir, "sweep.json"), "utf8")).toBe(clean.stdout);
  });

  it("an interrupted Sobol' analysis, stopped twice, resumes to exactly the clean result", async () => {
    const clean = await cli([...SOBOL, "--workers", "2", "--out", temp(), "--json"]);
    const dir = temp();
    const plan = sobolPlan(loadScenarioFile(PAIR), { samples: 4, noiseInput: true, runs: 30, seed: 4 });
    expect(await startAnalysis(plan.design, { workers: 1, dir, checkpointInterval: 0, stopAfter: (n) => n === 5 }).done).toMatchObject({ status: "interrupted", pointsDone: 5 });
    expect(await startAnalysis(plan.design, { workers: 2, dir, resume: true, checkpointInterval: 0, stopAfter: (n) => n === 7 }).done).toMatchObject({ status: "interrupted", pointsDone: 12 });
    const resumed = await cli([...SOBOL, "--workers", "1", "--out", dir, "--resume", "--json"]);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stdout).toBe(clean.stdout);
  });

  it("shards (--shard k/n) merge (--merge) into exactly the unsharded result", async () => {
    const clean = await cli([...SOBOL, "--out", temp(), "--json"]);
    const shards = [temp(), temp(), temp()];
    for (let k = 0; k < 3; k++) {
      const r = await cli([...SOBOL, "--shard", `${k + 1}/3`, "--out", shards[k]]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(new RegExp(`shard ${k + 1}/3 done`));
      expect(existsSync(path.join(shards[k], ANALYSIS_CHECKPOINT))).toBe(true);
      expect(existsSync(path.join(shards[k], "sensitivity.json"))).toBe(false);
    }
    const merged = await cli([...SOBOL, ...shards.flatMap((d) => ["--merge", d]), "--out", temp(), "--json"]);
    expect(merged.code, merged.stderr).toBe(0);
    expect(merged.stdout).toBe(clean.stdout);
    const points = sobolPlan(loadScenarioFile(PAIR), { samples: 4, noiseInput: true, runs: 30, seed: 4 }).design.points.length;
    expect(merged.stderr).toContain(`${points} design points taken from --merge folders\n`);
    const wrong = await cli([...SOBOL.slice(0, -2), "--seed", "5", "--merge", shards[0], "--out", temp()]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/--merge .*: a different analysis/);
  });
});

/** The pair fixture with every number fixed (the model's uncertain defaults pinned too). */
function fixedScenario(): string {
  const file = path.join(temp(), "fixed.yaml");
  const pinned = "model: {delay_cost: 0.03, office: {sharing: 0.5, inclusion: 0.3, unsecured: 0.6, cushion: 0.05}, compromise: {lift: 0.35}, premier_veto: {below: -0.3}}\n";
  writeFileSync(file, readFileSync(PAIR, "utf8") + pinned);
  return file;
}

describe("analyses refuse bad input with exit 2 and write nothing", () => {
  it.each([
    [["sensitivity", fixedScenario(), "--method", "sobol"], /sensitivity: the scenario has no uncertain input \(every number is fixed\), so there is nothing to vary/],
    [["sensitivity", PAIR, "--method", "morris", "--levels", "3"], /--levels: expected an even number/],
    [["sensitivity", PAIR, "--method", "fast"], /--method: expected one of oat, morris, sobol, found 'fast'/],
    [[...SWEEP, "--merge", "/nonexistent-bazaar-shard"], /--merge \/nonexistent-bazaar-shard: no analysis-checkpoint\.json there/],
  ])("%j", async (args, message) => {
    const out = path.join(temp(), "out");
    const r = await cli([...args, "--out", out]);
    if (r.code === 0) return expect.fail(`expected exit 2 for ${args.join(" ")}`);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(existsSync(out)).toBe(false);
  });
});
