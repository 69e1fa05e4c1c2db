// End-to-end: spawn the real `bazaar` program (bin/bazaar.js → tsx → src/cli/main.ts) on real files.
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, existsSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT, fixture, scenarioFile } from "../helpers.ts";

const BIN = path.join(ROOT, "bin", "bazaar.js");
const STACK_TRACE = /\n\s+at .+:\d+:\d+/;

function bazaar(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" }, timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const tempDir = () => mkdtempSync(path.join(os.tmpdir(), "bazaar-e2e-"));

describe("bazaar run", () => {
  it("prints summary.json with --json and writes the same bytes to the run set", () => {
    const out = path.join(tempDir(), "set");
    const r = bazaar(["run", scenarioFile("maliki-sadr-2024.yaml"), "--runs", "300", "--seed", "7", "--json", "--out", out]);
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary.runs).toBe(300);
    expect(summary.seed).toBe(7);
    expect(summary.outcomes.map((o: { id: string }) => o.id)).toEqual(["rapprochement", "conflict", "sway"]);
    expect(readFileSync(path.join(out, "summary.json"), "utf8")).toBe(r.stdout);
    const manifest = JSON.parse(readFileSync(path.join(out, "manifest.json"), "utf8"));
    expect(manifest.scenario.sha256).toBe(summary.scenario.sha256);
    expect(manifest.command).toContain("--seed");
  });

  it("gives a byte-identical summary.json for the same seed, whatever the chunk size", () => {
    const a = path.join(tempDir(), "a");
    const b = path.join(tempDir(), "b");
    const args = ["run", fixture("pair.yaml"), "--runs", "500", "--seed", "42"];
    expect(bazaar([...args, "--out", a, "--chunk-size", "17"]).code).toBe(0);
    expect(bazaar([...args, "--out", b]).code).toBe(0);
    expect(readFileSync(path.join(a, "summary.json"), "utf8")).toBe(readFileSync(path.join(b, "summary.json"), "utf8"));
  });

  it("with no command forecasts the default scenario with 10,000 runs into runs/", () => {
    const cwd = tempDir();
    const r = bazaar([], cwd);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("10,000 runs · seed 1");
    for (const label of ["Rapprochement", "Continued conflict", "Swaying rivalry"]) expect(r.stdout).toContain(label);
    expect(r.stdout).not.toMatch(/\x1b\[/); // NO_COLOR and not a TTY: plain text
    expect(readdirSync(path.join(cwd, "runs"))).toEqual(["maliki-sadr-2024-s1-n10000"]);
    const summary = JSON.parse(readFileSync(path.join(cwd, "runs", "maliki-sadr-2024-s1-n10000", "summary.json"), "utf8"));
    for (const o of summary.outcomes) {
      expect(o.probability).toBeGreaterThan(0.01);
      expect(o.probability).toBeLessThan(0.99);
    }
  });
});

describe("bad input exits 2 with a pointed message and no stack trace", () => {
  const cases: [string, string[], RegExp][] = [
    ["a scenario with typos", ["run", fixture("bad/typos.yaml")], /typos\.yaml:4:49: actors\[0\]\.powr: unknown field 'powr' \(did you mean 'power'\?\)/],
    ["malformed YAML", ["validate", fixture("bad/malformed.yaml")], /malformed\.yaml:2:1: malformed YAML/],
    ["seats over the parliament", ["run", fixture("bad/too-many-seats.yaml")], /to sum to at most the parliament's 100, found 110/],
    ["prototype keys", ["validate", fixture("bad/proto.yaml")], /reserved key '__proto__'/],
    ["an alias bomb", ["run", fixture("bad/alias-bomb.yaml")], /aliases/],
    ["a missing file", ["run", "/nonexistent/scenario.yaml"], /cannot read the file/],
    ["a directory", ["run", ROOT], /expected a scenario file, found a directory/],
    ["a non-numeric seed", ["run", "--seed", "abc"], /--seed: expected a whole number/],
    ["zero runs", ["run", "--runs", "0"], /--runs: expected a whole number between 1/],
    ["an unknown option", ["run", "--bogus"], /unknown option '--bogus'/],
    ["an unknown command", ["frobnicate"], /unknown command|too many arguments|excess argument/],
    ["an unwritable output folder", ["run", fixture("pair.yaml"), "--runs", "10", "--out", "/proc/bazaar/out"], /cannot create the folder \/proc\/bazaar\/out: the folder cannot be created there/],
    ["an output path that is a file", ["run", fixture("pair.yaml"), "--runs", "10", "--out", fixture("pair.yaml")], /cannot create the folder .*pair\.yaml: a file stands where a folder is needed/],
    ["sweep: a step count over the limit", ["sweep", fixture("pair.yaml"), "--vary", "drivers.iran_pressure=0:1:1000"], /expected between 2 and 400 steps, found 1000/],
    ["sensitivity: quantiles out of order", ["sensitivity", "--quantiles", "0.9,0.1"], /--quantiles: expected two quantiles low,high/],
    ["trace: a negative run index", ["trace", fixture("pair.yaml"), "--run", "-1"], /--run: expected a whole number between 0/],
    ["compare: a scenario file for a run set", ["compare", fixture("pair.yaml"), fixture("majority.yaml")], /pair\.yaml: not a complete run set \(no manifest\.json\)/],
    ["report: a folder that is not a run set", ["report", path.join(ROOT, "test", "fixtures")], /fixtures: not a complete run set/],
    ["merge: a folder that is not a shard", ["merge", path.join(ROOT, "docs"), "--out", path.join(os.tmpdir(), "bazaar-never-merged")], /docs: not a complete run set/],
    ["validate: an unknown YAML tag", ["validate", fixture("bad/unknown-tag.yaml")], /unknown-tag\.yaml:3:21: malformed YAML: Unresolved tag: !money/],
  ];
  it.each(cases)("%s", (_name, args, pattern) => {
    const r = bazaar(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(pattern);
    expect(r.stderr).not.toMatch(STACK_TRACE);
    expect(r.stdout).toBe("");
  });

  it("leaves no run set behind when the input is bad", () => {
    const out = path.join(tempDir(), "never");
    expect(bazaar(["run", fixture("bad/typos.yaml"), "--out", out]).code).toBe(2);
    expect(existsSync(out)).toBe(false);
  });
});

describe("bazaar validate and schema", () => {
  it("validates good files with exit 0 and reports bad ones among them with exit 2", () => {
    const good = bazaar(["validate", scenarioFile("maliki-sadr-2024.yaml"), fixture("pair.yaml")]);
    expect(good.code).toBe(0);
    expect(good.stdout.match(/^ok /gm)).toHaveLength(2);
    const mixed = bazaar(["validate", fixture("pair.yaml"), fixture("bad/typos.yaml")]);
    expect(mixed.code).toBe(2);
    expect(mixed.stdout).toContain("ok ");
    expect(mixed.stderr).toContain("6 problems");
  });

  it("prints the JSON Schema", () => {
    const r = bazaar(["schema"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).$schema).toBe("http://json-schema.org/draft-07/schema#");
  });
});

describe("bazaar backtest", () => {
  it("scores the training set (every scenario in scenarios/history/) and prints a summary row; --json carries the same numbers", () => {
    const training = readdirSync(scenarioFile("history")).filter((f) => f.endsWith(".yaml"));
    expect(training.length).toBeGreaterThanOrEqual(8);
    const out = mkdtempSync(path.join(os.tmpdir(), "bazaar-backtest-"));
    const table = bazaar(["backtest", "--workers", "2", "--out", out]);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/iraq-2010-formation\s+maliki\s/);
    expect(table.stdout).toMatch(/dawa-isci-2008\s+us_public\s/);
    expect(table.stdout).toMatch(/iraq-2009-pre-election\s+alone\s/);
    for (const f of training) expect(table.stdout).toContain(f.replace(/\.yaml$/, ""));
    expect(table.stdout).toContain(`mean (${training.length})`);
    // The same backtest as JSON (written by --out, as --json prints it): the same numbers as the table.
    const json = JSON.parse(readFileSync(path.join(out, "backtest.json"), "utf8"));
    const score = json.scenarios.find((x: { id: string }) => x.id === "iraq-2010-formation");
    expect(table.stdout).toMatch(new RegExp(`iraq-2010-formation\\s+maliki\\s+[\\d,]+\\s+${score.model.p_observed.toFixed(3)}\\s+${score.model.brier.toFixed(3)}\\s`));
    expect(score.uniform.brier).toBeCloseTo(0.75, 12);
    expect(json.scenarios).toHaveLength(training.length);
  }, 180_000);

  it("refuses a scenario without an observed outcome, exit 2 and no stack trace", () => {
    const r = bazaar(["backtest", scenarioFile("cf-provincial-2023.yaml")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cf-provincial-2023\.yaml: has no `observed` outcome/);
    expect(r.stderr).not.toMatch(STACK_TRACE);
  });
});
