// End-to-end: the commands analysts use to tweak assumptions, spawned as the real program.
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT, fixture, scenarioFile } from "../helpers.ts";

const BIN = path.join(ROOT, "bin", "bazaar.js");
const temp = () => mkdtempSync(path.join(os.tmpdir(), "bazaar-tweak-"));
function bazaar(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" }, timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("tweaking assumptions from the command line", () => {
  it("run --set records the overrides in the manifest and changes the hash", () => {
    const out = temp();
    const r = bazaar(["run", fixture("pair.yaml"), "--runs", "300", "--set", "relations.pairs.0.value=0.9", "--set", "drivers.iran_pressure={dist: uniform, min: 0.2, max: 0.4}", "--out", out, "--json"]);
    expect(r.code).toBe(0);
    const manifest = JSON.parse(readFileSync(path.join(out, "manifest.json"), "utf8"));
    expect(manifest.scenario.overrides).toEqual(["relations.pairs.0.value=0.9", "drivers.iran_pressure={dist: uniform, min: 0.2, max: 0.4}"]);
    expect(manifest.scenario.resolved.relations.pairs[0].value).toBe(0.9);
  });

  it("run --set with a bad path or a prototype key exits 2 with a pointed message", () => {
    for (const [set, pattern] of [
      ["actors.sadrist.seats=73", /actors has no 'sadrist' \(did you mean 'sadrists'\?\)/],
      ["__proto__.polluted=1", /'__proto__' is not a scenario field/],
      ["actors.sadrists.seats=-5", /expected a number ≥ 0, found -5/],
    ] as const) {
      const r = bazaar(["run", "--runs", "10", "--set", set]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(pattern);
      expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    }
  });

  it("sweep prints a table and writes sweep.json and sweep.csv", () => {
    const out = temp();
    const r = bazaar(["sweep", fixture("pair.yaml"), "--vary", "drivers.iran_pressure=0:1:3", "--runs", "300", "--out", out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/drivers\.iran_pressure\s+together\s+apart/);
    const sweep = JSON.parse(readFileSync(path.join(out, "sweep.json"), "utf8"));
    expect(sweep.points).toHaveLength(3);
    expect(readFileSync(path.join(out, "sweep.csv"), "utf8").split("\n")[0]).toBe("drivers.iran_pressure,outcome,probability,ci95_low,ci95_high");
  });

  it("sensitivity ranks every uncertain input of the default scenario", () => {
    const out = temp();
    const r = bazaar(["sensitivity", "--runs", "200", "--out", out]);
    expect(r.code).toBe(0);
    const result = JSON.parse(readFileSync(path.join(out, "sensitivity.json"), "utf8"));
    expect(result.rows.map((row: { path: string }) => row.path)).toContain("actors.sadrists.seats");
    expect(r.stdout).toMatch(/largest first/);
  });

  it("trace tells the story of the run the batch counted", () => {
    const out = temp();
    const run = bazaar(["run", scenarioFile("maliki-sadr-2024.yaml"), "--runs", "40", "--seed", "8", "--records", "--out", out]);
    expect(run.code).toBe(0);
    const records = readFileSync(path.join(out, "runs.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l));
    for (const index of [0, 17, 39]) {
      const trace = bazaar(["trace", "--seed", "8", "--run", String(index), "--json"]);
      expect(trace.code).toBe(0);
      expect(JSON.parse(trace.stdout).entries.at(-1).id).toBe(records[index].outcome);
    }
    const text = bazaar(["trace", "--seed", "8", "--run", "17"]);
    expect(text.stdout).toMatch(/^Run 17 of seed 8: Maliki and Sadr, 2024\nSampled assumptions:/);
    expect(text.stdout).toMatch(/Outcome after \d+ rounds: .*, because /);
  });
});

describe("bazaar compare", () => {
  it("compares two run sets, says whether the difference exceeds noise, exits 0 either way; refuses sets with no shared outcome", () => {
    const a = temp();
    const b = temp();
    expect(bazaar(["run", fixture("pair.yaml"), "--runs", "2000", "--seed", "1", "--out", a]).code).toBe(0);
    expect(bazaar(["run", fixture("pair.yaml"), "--runs", "2000", "--seed", "2", "--set", "drivers.iran_pressure=0.9", "--out", b]).code).toBe(0);
    const r = bazaar(["compare", a, b]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/differ beyond sampling noise \(G = [\d.]+ on 1 df over 2 outcomes, p [<=]/);
    expect(r.stdout).toMatch(/B − A \(pp\)  99% interval\n/);
    expect(r.stdout).toMatch(/Intervals: Newcombe's hybrid score interval at 99% = 1 − α, α = 0\.01 \(with two outcomes both rows are one test/);
    expect(r.stdout).toContain("drivers.iran_pressure: 0.5 → 0.9");
    const same = bazaar(["compare", a, a]);
    expect(same.code).toBe(0);
    expect(same.stderr).toBe("warning: A and B hold the same 2,000 runs (same scenario, seed and bazaar version): every difference is zero by construction\n");
    expect(same.stdout.match(/ \+0\.0   \[\+0\.0, \+0\.0\]\n/g)).toHaveLength(2);
    expect(same.stdout).toMatch(/\nIdentical runs: A and B hold the same runs .* every difference is zero by construction and there is nothing to test\.\n/);

    // Run sets that share no outcome: refused with exit 2, a message and no stack trace.
    const renamed = path.join(temp(), "renamed.yaml");
    writeFileSync(renamed, readFileSync(fixture("pair.yaml"), "utf8").replace("id: together", "id: joint").replace("id: apart", "id: split"));
    const other = temp();
    expect(bazaar(["run", renamed, "--runs", "50", "--out", other]).code).toBe(0);
    const refused = bazaar(["compare", a, other]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe("bazaar: compare: A and B have no outcome in common (A: together, apart; B: joint, split), so no outcome share can be compared; compare run sets of scenarios with at least one outcome id in common\n");
  });

  it("exits 2 on something that is not a run set", () => {
    const r = bazaar(["compare", fixture("pair.yaml"), temp()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not a complete run set/);
  });
});
