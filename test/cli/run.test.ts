// `bazaar run --precision`, in-process (the runCli that bin/bazaar.js calls): what it says on stderr,
// in --json and in the manifest, and which targets it accepts.
import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { cli, fixture } from "../helpers.ts";

const out = () => path.join(mkdtempSync(path.join(os.tmpdir(), "bazaar-run-")), "set");
const precisionRun = (...flags: string[]) => ["run", fixture("pair.yaml"), "--workers", "1", "--seed", "8", ...flags];

describe("run --precision", () => {
  it("warns on stderr when --max-runs stops it short of the target, exit 0, and --json and the manifest say so (issue 16, item 2)", async () => {
    const dir = out();
    const r = await cli(precisionRun("--precision", "0.001", "--max-runs", "1234", "--json", "--out", dir));
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary.runs).toBe(1234);
    expect(summary.precision).toEqual({ target: 0.001, max_runs: 1234, reached: false, half_width: expect.any(Number) });
    expect(summary.precision.half_width).toBeGreaterThan(0.02);
    const width = Number(summary.precision.half_width.toPrecision(3));
    expect(r.stderr).toBe(`warning: --precision 0.001 not reached: stopped at --max-runs 1,234 with a largest 95% interval half-width of ${width}; about ${Number((1234 * (summary.precision.half_width / 0.001) ** 2).toPrecision(2)).toLocaleString("en-US")} runs would reach it\n`);
    expect(JSON.parse(readFileSync(path.join(dir, "manifest.json"), "utf8")).precision).toEqual(summary.precision);
  });

  it("prints the same summary for chunk sizes 2000, 500 and 100 and 1 or 2 workers (issue 16, item 3)", async () => {
    const outputs = [];
    for (const [chunk, workers] of [["2000", "1"], ["500", "2"], ["100", "1"]]) {
      const r = await cli([...precisionRun("--precision", "0.015", "--json", "--out", out()), "--chunk-size", chunk, "--workers", workers]);
      expect(r.code, r.stderr).toBe(0);
      outputs.push(r.stdout);
    }
    expect(new Set(outputs).size).toBe(1);
    expect(JSON.parse(outputs[0]).precision.reached).toBe(true);
  });

  it("says where it stopped when the target is reached, with no warning", async () => {
    const r = await cli(precisionRun("--precision", "0.02", "--out", out()));
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^--precision 0\.02 reached after [\d,]+ runs: the largest 95% interval half-width is 0\.0\d+\nrun set: /);
    expect(r.stderr).not.toMatch(/warning/);
  });

  it("accepts a tiny positive target, which then stops at --max-runs with the warning (item 9)", async () => {
    const r = await cli(precisionRun("--precision", "1e-9", "--max-runs", "150", "--json", "--out", out()));
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).precision).toMatchObject({ target: 1e-9, reached: false });
    expect(r.stderr).toMatch(/^warning: --precision 1e-9 not reached: stopped at --max-runs 150 .*more than the 100,000,000 runs --max-runs allows\n$/);
  });

  it.each(["0", "1", "1.5", "-0.01", "1e-400", "0x1", "abc", ""])("refuses %j as a target, exit 2", async (text) => {
    const r = await cli(precisionRun("--precision", text, "--out", out()));
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`bazaar: --precision: expected a number greater than 0 and less than 1 (e.g. 0.005 or 1e-4), found '${text}'\n`);
  });
});
