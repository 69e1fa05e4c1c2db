// Batches as the CLI runs them (src/runner/job.ts): resuming whatever state a kill left, and precision
// targets.
import { describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { runJob, type JobOptions } from "../../src/runner/job.ts";
import { readRunSet } from "../../src/runner/runset.ts";
import { loadFixture } from "../helpers.ts";

const temp = () => mkdtempSync(path.join(os.tmpdir(), "bazaar-job-"));
const read = (dir: string, file: string) => readFileSync(path.join(dir, file), "utf8");
const pair = loadFixture("pair.yaml");

function options(dir: string, overrides: Partial<JobOptions> = {}): JobOptions {
  return { runs: 600, seed: 8, chunkSize: 200, workers: 1, records: true, resume: false, dir, command: ["test"], ...overrides };
}

describe("resuming a batch killed while finishing", () => {
  const clean = temp();
  const cleanRun = runJob(pair, options(clean));
  const files = ["summary.json", "runs.jsonl", "runs.csv"];

  it("finishes it when the records were renamed but summary and manifest are missing (issue 16, item 10)", async () => {
    await cleanRun;
    const dir = temp();
    await runJob(pair, options(dir));
    rmSync(path.join(dir, "manifest.json"));
    rmSync(path.join(dir, "summary.json"));
    const resumed = await runJob(pair, options(dir, { resume: true }));
    expect(resumed.status).toBe("complete");
    for (const f of files) expect(read(dir, f), f).toBe(read(clean, f));
    expect(readRunSet(dir).summary).toEqual(readRunSet(clean).summary);
  });

  it("finishes it when only one of the records was renamed", async () => {
    await cleanRun;
    const dir = temp();
    await runJob(pair, options(dir));
    rmSync(path.join(dir, "manifest.json"));
    renameSync(path.join(dir, "runs.csv"), path.join(dir, "runs.csv.partial"));
    await runJob(pair, options(dir, { resume: true }));
    for (const f of files) expect(read(dir, f), f).toBe(read(clean, f));
    expect(readdirSync(dir).filter((f) => f.endsWith(".partial"))).toEqual([]);
  });

  it("refuses, leaving a finished run set as it was, when records it counted are gone", async () => {
    const dir = temp();
    await runJob(pair, options(dir));
    rmSync(path.join(dir, "runs.csv"));
    expect(() => runJob(pair, options(dir, { resume: true }))).toThrow(/expects runs\.csv\.partial or runs\.csv, which is missing; start the batch again without --resume/);
    expect(existsSync(path.join(dir, "manifest.json"))).toBe(true);
    expect(readRunSet(dir).summary.runs).toBe(600);
  });
});
