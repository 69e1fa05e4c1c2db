// `bazaar discover` in-process (the runCli that bin/bazaar.js calls): determinism, options, and bad
// input that exits 2 with a pointed message and writes nothing. Run sets are made here with --records.
import { beforeAll, describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { cli, fixture } from "../helpers.ts";

const STACK_TRACE = /\n\s+at .+:\d+:\d+/;

const root = mkdtempSync(path.join(os.tmpdir(), "bazaar-discover-"));
const at = (...parts: string[]) => path.join(root, ...parts);
const RUN_SET = at("threshold");
/** The same scenario with Mid's seats a choice of one value (sampled, never varying), the cost of delay a choice of three. */
const CONSTANT = at("constant");

beforeAll(async () => {
  const run = ["run", fixture("threshold.yaml"), "--runs", "400", "--workers", "1", "--records"];
  expect((await cli([...run, "--out", RUN_SET])).code).toBe(0);
  const sets = ["--set", "actors.mid.seats={dist: choice, values: [14]}", "--set", "model.delay_cost={dist: choice, values: [0.02, 0.05, 0.09]}"];
  expect((await cli([...run, ...sets, "--out", CONSTANT])).code).toBe(0);
}, 120_000);

describe("discover output", () => {
  it("is deterministic: the same run set gives byte-identical discover.json, and --json prints the same bytes", async () => {
    const a = await cli(["discover", RUN_SET, "--outcome", "big_alone", "--bootstrap", "5", "--out", at("a")]);
    const b = await cli(["discover", RUN_SET, "--outcome", "big_alone", "--bootstrap", "5", "--out", at("b"), "--json"]);
    expect([a.code, b.code]).toEqual([0, 0]);
    const text = readFileSync(at("a", "discover.json"), "utf8");
    expect(readFileSync(at("b", "discover.json"), "utf8")).toBe(text);
    expect(b.stdout).toBe(text);
    const d = JSON.parse(text);
    expect(d.run_set).toMatchObject({ name: "threshold", seed: 1, runs: 400 });
    expect(d.inputs.map((i: { path: string }) => i.path)).toEqual([...d.inputs.map((i: { path: string }) => i.path)].sort());
    expect(d.inputs.find((i: { path: string }) => i.path === "actors.big.seats").kind).toBe("discrete");
    expect(d.box.words).toMatch(/^Big governs alone: \d+% of runs \(base rate \d+%\) when .*; covers \d+% of all big governs alone runs$/);
    expect(d.bootstrap.resamples).toBe(5);
  });

  it("--box N takes that box of the trajectory, and --inputs limits PRIM to the inputs named", async () => {
    const r = await cli(["discover", RUN_SET, "--outcome", "big_alone", "--box", "3", "--inputs", "model.delay_cost,actors.big.seats", "--bootstrap", "0", "--out", at("box3"), "--json"]);
    expect(r.code, r.stderr).toBe(0);
    const d = JSON.parse(r.stdout);
    expect(d.chosen.index).toBe(3);
    expect(d.inputs.map((i: { path: string }) => i.path)).toEqual(["actors.big.seats", "model.delay_cost"]);
    expect(d.bootstrap).toBeNull();
    expect(r.stdout).not.toContain("resampled");
  });

  it("lists a sampled input that never varies as unused, and treats a choice as categorical", async () => {
    const text = await cli(["discover", CONSTANT, "--outcome", "big_alone", "--bootstrap", "0", "--out", at("constant-d")]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain("Not used: actors.mid.seats, which never varies (always 14).");
    const d = JSON.parse(readFileSync(at("constant-d", "discover.json"), "utf8"));
    expect(d.unused).toEqual([{ path: "actors.mid.seats", reason: "never varies (always 14)" }]);
    expect(d.inputs.find((i: { path: string }) => i.path === "model.delay_cost")).toMatchObject({ kind: "categorical", distribution: "choice", distinct: 3 });
  });
});

describe("bad input exits 2 with a pointed message and writes nothing", () => {
  const cases: [string, () => string[], RegExp][] = [
    ["an unknown outcome", () => ["discover", RUN_SET, "--outcome", "big_alon"], /--outcome big_alon: no such outcome in .*threshold \(did you mean 'big_alone'\?\)/],
    ["a box index out of range", () => ["discover", RUN_SET, "--outcome", "big_alone", "--box", "999"], /--box 999: expected a box on the peeling trajectory, from 0 to \d+/],
    ["an unknown input", () => ["discover", RUN_SET, "--outcome", "big_alone", "--inputs", "actors.big.seat"], /--inputs: actors\.big\.seat is not a sampled assumption of this run set \(did you mean 'actors\.big\.seats'\?\)/],
    ["an input that never varies", () => ["discover", CONSTANT, "--outcome", "big_alone", "--inputs", "actors.mid.seats,actors.big.seats"], /--inputs: actors\.mid\.seats never varies in these 400 runs \(always 14\), so it cannot explain anything; leave it out/],
    ["a peel fraction of a half or more", () => ["discover", RUN_SET, "--outcome", "big_alone", "--alpha", "0.5"], /--alpha: expected a number above 0 and below 0.5, found '0.5'/],
    ["a coverage above 1", () => ["discover", RUN_SET, "--outcome", "big_alone", "--min-coverage", "1.5"], /--min-coverage: expected a number from 0 to 1, found '1.5'/],
    ["a folder that is not a run set", () => ["discover", root, "--outcome", "big_alone"], /not a complete run set \(no manifest\.json\)/],
  ];
  for (const [what, args, message] of cases) {
    it(what, async () => {
      const out = at(`never-${what.replace(/\W+/g, "-")}`);
      const r = await cli([...args(), "--out", out]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(STACK_TRACE);
      expect(existsSync(out)).toBe(false);
    });
  }

  it("records edited after the run", async () => {
    const dir = at("edited");
    expect((await cli(["run", fixture("threshold.yaml"), "--runs", "60", "--workers", "1", "--records", "--out", dir])).code).toBe(0);
    const file = path.join(dir, "runs.jsonl");
    writeFileSync(file, readFileSync(file, "utf8").replace('"outcome":"other"', '"outcome":"big_alone"'));
    const out = at("never-edited");
    const r = await cli(["discover", dir, "--outcome", "big_alone", "--out", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/runs\.jsonl: expected sha256 [0-9a-f]{64} from manifest\.json, found [0-9a-f]{64}: the records are corrupt or incomplete/);
    expect(existsSync(out)).toBe(false);
  });
});
