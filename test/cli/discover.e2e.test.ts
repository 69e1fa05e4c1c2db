// End-to-end: `bazaar discover` spawned as the real program on a run set it made with --records.
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT, fixture } from "../helpers.ts";

const BIN = path.join(ROOT, "bin", "bazaar.js");
const STACK_TRACE = /\n\s+at .+:\d+:\d+/;
const temp = () => mkdtempSync(path.join(os.tmpdir(), "bazaar-discover-"));
function bazaar(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" }, timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("bazaar discover", () => {
  it("finds the input and threshold that decide the outcome, prints the box and writes discover.json beside the run set", () => {
    const runSet = path.join(temp(), "threshold-s1-n600");
    expect(bazaar(["run", fixture("threshold.yaml"), "--runs", "600", "--records", "--workers", "1", "--out", runSet]).code).toBe(0);
    const r = bazaar(["discover", runSet, "--outcome", "big_alone", "--bootstrap", "10"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("Scenario discovery (PRIM)");
    expect(r.stdout).toMatch(/\* +\d+ +\d/); // the chosen box marked in the trajectory table
    expect(r.stdout).toMatch(/Big governs alone: \d+% of runs \(base rate \d+%\) when .*actors\.big\.seats ≥ 5\d/);
    const dir = `${runSet}-discover-big_alone`;
    expect(r.stderr).toContain("discover.json");
    const discovery = JSON.parse(readFileSync(path.join(dir, "discover.json"), "utf8"));
    const manifest = JSON.parse(readFileSync(path.join(dir, "manifest.json"), "utf8"));
    expect(manifest.kind).toBe("discover");
    expect(manifest.files["discover.json"].sha256).toMatch(/^[0-9a-f]{64}$/);
    // Big governs alone exactly when its seats reach a majority (51 of 100); the densest box may
    // start a little above, where no bare majority falls apart.
    const seats = discovery.pruned.box.restrictions;
    expect(seats).toHaveLength(1);
    expect(seats[0]).toMatchObject({ input: "actors.big.seats", kind: "range", max: null });
    expect(Math.abs(seats[0].min - 51)).toBeLessThanOrEqual(3);
  });

  it("refuses a run set without records: exit 2, says to rerun with --records, no stack trace, writes nothing", () => {
    const runSet = path.join(temp(), "plain");
    expect(bazaar(["run", fixture("threshold.yaml"), "--runs", "50", "--workers", "1", "--out", runSet]).code).toBe(0);
    const r = bazaar(["discover", runSet, "--outcome", "big_alone"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/plain: this run set has no per-run records \(runs\.jsonl\), which discover needs; run it again with --records, e\.g\. bazaar run .*threshold\.yaml --runs 50 --seed 1 --records/);
    expect(r.stderr).not.toMatch(STACK_TRACE);
    expect(r.stdout).toBe("");
    expect(existsSync(`${runSet}-discover-big_alone`)).toBe(false);
  });
});
