// Batches as the CLI runs them (src/runner/job.ts): resuming whatever state a kill left, and precision
// targets.
import { describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { compileModel } from "../../src/model/compile.ts";
import { Engine } from "../../src/engine/run.ts";
import { runRng } from "../../src/rng/rng.ts";
import { Aggregate } from "../../src/runner/aggregate.ts";
import { maxHalfWidth, runJob, startJob, type JobOptions } from "../../src/runner/job.ts";
import { FIRST_PRECISION_CHECK, isPrecisionCheck, nextPrecisionCheck, precisionPieces } from "../../src/runner/plan.ts";
import { readRunSet, toJson } from "../../src/runner/runset.ts";
import { loadFixture, runSummary } from "../helpers.ts";

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

describe("precision targets", () => {
  const target = 0.02;
  const precisionRun = async (chunkSize: number, workers: number, overrides: Partial<JobOptions> = {}) => {
    const dir = temp();
    await runJob(pair, options(dir, { runs: 100_000, precision: target, chunkSize, workers, records: false, ...overrides }));
    return dir;
  };

  it("stops at the same run count, with byte-identical summaries, for any chunk size and worker count (issue 16, item 3)", async () => {
    const dirs = [await precisionRun(2000, 1), await precisionRun(500, 2), await precisionRun(100, 1), await precisionRun(97, 2)];
    const reference = read(dirs[0], "summary.json");
    for (const dir of dirs.slice(1)) expect(read(dir, "summary.json")).toBe(reference);
    const summary = JSON.parse(reference);
    expect(isPrecisionCheck(summary.runs)).toBe(true);
    // Exactly the batch of that many runs, and the first check point that meets the target.
    const { precision, ...rest } = summary;
    expect(toJson(rest)).toBe(toJson(runSummary(pair, summary.runs, 8)));
    expect(precision).toEqual({ target, max_runs: 100_000, reached: true, half_width: expect.any(Number) });
    const widths = halfWidthsAtChecks(summary.runs);
    expect(widths.get(summary.runs)).toBeLessThanOrEqual(target);
    expect(precision.half_width).toBe(Math.round(widths.get(summary.runs)! * 1e6) / 1e6);
    for (const [n, width] of widths) if (n < summary.runs) expect(width, `at ${n} runs`).toBeGreaterThan(target);
    expect(widths.size).toBeGreaterThan(50);
  });

  it("says in the summary and the manifest that a target was not reached by the most runs allowed (item 2)", async () => {
    const dir = temp();
    await runJob(pair, options(dir, { runs: 1234, precision: 0.001, chunkSize: 500, records: false }));
    const summary = JSON.parse(read(dir, "summary.json"));
    expect(summary.runs).toBe(1234);
    const expected = { target: 0.001, max_runs: 1234, reached: false, half_width: Math.round(halfWidthsAtChecks(1234).get(1234)! * 1e6) / 1e6 };
    expect(summary.precision).toEqual(expected);
    expect(readRunSet(dir).manifest.precision).toEqual(expected);
    expect(expected.half_width).toBeGreaterThan(0.02);
  });

  it("resumes an interrupted precision batch to the clean result", async () => {
    const clean = await precisionRun(300, 1);
    const dir = temp();
    const job = startJob(pair, options(dir, {
      runs: 100_000, precision: target, chunkSize: 300, records: false, checkpointInterval: 0,
      onProgress: (done) => void (done >= 700 && job.interrupt()),
    }));
    expect((await job.done).status).toBe("interrupted");
    expect(JSON.parse(read(dir, "checkpoint.json")).runs_done).toBeLessThan(JSON.parse(read(clean, "summary.json")).runs);
    await runJob(pair, options(dir, { runs: 100_000, precision: target, chunkSize: 300, records: false, resume: true }));
    expect(read(dir, "summary.json")).toBe(read(clean, "summary.json"));
  });

  it("refuses to resume from a checkpoint whose chunk count does not match its run count in this batch's plan", async () => {
    const dir = temp();
    const job = startJob(pair, options(dir, {
      runs: 100_000, precision: target, chunkSize: 300, records: false, checkpointInterval: 0,
      onProgress: (done) => void (done >= 700 && job.interrupt()),
    }));
    await job.done;
    const file = path.join(dir, "checkpoint.json");
    const checkpoint = JSON.parse(readFileSync(file, "utf8"));
    writeFileSync(file, JSON.stringify({ ...checkpoint, chunks_done: Math.ceil(checkpoint.runs_done / 300) })); // as the old runner counted
    expect(() => runJob(pair, options(dir, { runs: 100_000, precision: target, chunkSize: 300, records: false, resume: true })))
      .toThrow(/checkpoint\.json: expected \d+ runs done after \d+ chunks of this batch, found \d+: .*start the batch again without --resume/);
  });
});

describe("precision check points", () => {
  it("are the counts from 100 with at most two significant digits", () => {
    const checks = [100];
    while (checks.length < 200) checks.push(nextPrecisionCheck(checks.at(-1)!));
    expect(checks.slice(0, 3)).toEqual([100, 110, 120]);
    expect(checks.slice(89, 93)).toEqual([990, 1000, 1100, 1200]);
    expect(checks.slice(179, 182)).toEqual([9900, 10_000, 11_000]);
    for (let n = 1; n <= 12_000; n++) expect(isPrecisionCheck(n), String(n)).toBe(checks.includes(n));
    expect(nextPrecisionCheck(0)).toBe(100);
    expect(nextPrecisionCheck(99_999_999)).toBe(100_000_000);
  });

  it("cut every chunk they straddle: pieces cover the runs in order, end at every check point, and hold no more than a chunk", () => {
    for (const [runs, size] of [[12_345, 2000], [5000, 97], [50, 7], [250_000, 30_000]]) {
      const pieces = precisionPieces(runs, size);
      expect(pieces[0].from).toBe(0);
      expect(pieces.at(-1)!.to).toBe(runs);
      pieces.forEach((p, k) => {
        expect(p.chunk).toBe(k);
        if (k > 0) expect(p.from).toBe(pieces[k - 1].to);
        expect(Math.floor(p.from / size)).toBe(Math.floor((p.to - 1) / size)); // within one chunk
      });
      const ends = new Set(pieces.map((p) => p.to));
      for (let n = FIRST_PRECISION_CHECK; n < runs; n = nextPrecisionCheck(n)) expect(ends.has(n), `${runs}/${size}: ${n}`).toBe(true);
    }
  });
});

/**
 * The largest 95% Wilson half-width over pair's outcomes (seed 8) at each check point up to `runs`, and
 * at `runs`: the stopping rule recomputed run by run, without chunks.
 */
function halfWidthsAtChecks(runs: number): Map<number, number> {
  const model = compileModel(pair.spec);
  const engine = new Engine(model);
  const aggregate = new Aggregate(model);
  const widths = new Map<number, number>();
  for (let run = 0; run < runs; run++) {
    aggregate.add(engine.run(runRng(8, run)));
    if (isPrecisionCheck(run + 1) || run + 1 === runs) widths.set(run + 1, maxHalfWidth(aggregate));
  }
  return widths;
}
