// `bazaar calibrate` in-process: bad input exits 2 and writes nothing; a small calibration prints its
// table, and --json prints exactly the calibration.json it wrote.
import { describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { runCli } from "../../src/cli/program.ts";
import type { Io } from "../../src/cli/io.ts";
import { fixture } from "../helpers.ts";

const STACK_TRACE = /\n\s+at .+:\d+:\d+/;
const QUORUM = fixture("calibrate/quorum.yaml");
const temp = () => mkdtempSync(path.join(os.tmpdir(), "bazaar-calibrate-cli-"));

async function cli(args: string[]) {
  let stdout = "";
  let stderr = "";
  const io: Io = {
    argv: ["bazaar", ...args], out: (t) => void (stdout += t), err: (t) => void (stderr += t), exitCode: () => {},
    style: { bold: (s) => s }, relative: (f) => f,
  };
  return { code: await runCli(args, io), stdout, stderr };
}

describe("bazaar calibrate: bad input", () => {
  it.each([
    [[QUORUM], /required option '--fit <path\[=lo:hi\]\[,\.\.\.\]>' not specified/],
    [[QUORUM, "--fit", "actors.gov.seats"], /--fit actors\.gov\.seats: expected a model parameter/],
    [[QUORUM, "--fit", "model.temperature=0:20"], /expected bounds within the schema's range \[0\.001, 10\]/],
    [[fixture("pair.yaml"), "--fit", "model.temperature"], /pair\.yaml: has no `observed` outcome/],
    [[QUORUM, "--fit", "model.temperature", "--score", "crps"], /--score: expected log or brier, found 'crps'/],
    [[QUORUM, "--fit", "model.temperature", "--cv", "kfold"], /--cv: expected loo/],
  ])("refuses %j with exit 2, one message and nothing written", async (args, message) => {
    const out = path.join(temp(), "never");
    const r = await cli(["calibrate", ...args, "--out", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(STACK_TRACE);
    expect(existsSync(out)).toBe(false);
  });

  it("refuses an --out folder holding other files, and leaves them alone", async () => {
    const out = temp();
    writeFileSync(path.join(out, "notes.txt"), "mine");
    const r = await cli(["calibrate", QUORUM, "--fit", "model.temperature", "--out", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/expected an empty folder or an earlier calibration, found other files \(notes\.txt\)/);
    expect(readdirSync(out)).toEqual(["notes.txt"]);
  });
});

describe("bazaar calibrate: output", () => {
  it("prints the fitted values and the per-case table, and --json the calibration.json it wrote", async () => {
    const out = temp();
    const args = ["calibrate", QUORUM, "--fit", "model.attendance.boycott_below=-1:-0.3", "--runs", "300", "--budget", "5", "--workers", "1", "--out", out];
    const text = await cli(args);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/Calibration of 1 parameter on 1 case: seed 1, 300 runs per case per candidate/);
    expect(text.stdout).toMatch(/model\.attendance\.boycott_below\s+\[-1, -0\.3\]\s+-0\.15\s+-0\.65/);
    expect(text.stdout).toMatch(/\n\s+quorum\s+formed\s+[\d.]+/);
    const json = await cli([...args, "--json"]);
    expect(json.code).toBe(0);
    expect(json.stdout).toBe(readFileSync(path.join(out, "calibration.json"), "utf8"));
    expect(JSON.parse(json.stdout).search.evaluations).toBeLessThanOrEqual(5);
  });
});
