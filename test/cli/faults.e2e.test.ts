// Faults: SIGKILL at every named step of a batch (BAZAAR_TEST_STOP_AT, so each step is hit on every
// run whatever the machine's speed), and at random moments (drawn from a seeded stream) during a batch,
// a sweep and a merge. After every kill, whatever is on disk is either refused or is exactly the clean
// result: no half-written output is ever read as valid. Resuming or re-running then gives the clean
// result.
import { describe, expect, it } from "vitest";
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { labelledRng } from "../../src/rng/rng.ts";
import { readRunSet } from "../../src/runner/runset.ts";
import { STOP_STEPS } from "../../src/runner/stop-hook.ts";
import { UserError } from "../../src/scenario/problems.ts";
import { ROOT, fixture, scenarioFile } from "../helpers.ts";

const BIN = path.join(ROOT, "bin", "bazaar.js");
const STACK_TRACE = /\n\s+at .+:\d+:\d+/;
const temp = () => mkdtempSync(path.join(os.tmpdir(), "bazaar-faults-"));
const read = (file: string) => readFileSync(file, "utf8");
const moments = labelledRng(7, "fault-moments");
/** A kill moment in ms after spawning: from before the program has loaded to well into its work. */
const killMoment = (from: number, to: number) => Math.round(from + moments.next() * (to - from));

function bazaar(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", ...env }, timeout: 180_000 });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

/** Spawns the program and SIGKILLs it `ms` later (or lets it finish first); resolves with how it ended. */
function killAfter(args: string[], ms: number): Promise<"killed" | "finished"> {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: "1" }, stdio: "ignore" });
  const timer = setTimeout(() => child.kill("SIGKILL"), ms);
  return new Promise((resolve) => child.on("exit", (_code, signal) => {
    clearTimeout(timer);
    resolve(signal === "SIGKILL" ? "killed" : "finished");
  }));
}

/** A run set on disk is either refused (exit 2, a message, no stack) or reads as exactly `clean`. */
function expectRefusedOrClean(dir: string, cleanSummary: string): "refused" | "clean" {
  const r = bazaar(["compare", dir, dir, "--json"]);
  if (r.code === 0) {
    expect(read(path.join(dir, "summary.json"))).toBe(cleanSummary);
    return "clean";
  }
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/^bazaar: .*(not a complete run set|corrupt or incomplete)/);
  expect(r.stderr).not.toMatch(STACK_TRACE);
  return "refused";
}

const noTempFiles = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".tmp")) : []);

/** As expectRefusedOrClean, read in this process (readRunSet is what compare, report and merge use). */
function expectRefusedOrCleanHere(dir: string, cleanSummary: string): "refused" | "clean" {
  try {
    readRunSet(dir);
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    expect((e as Error).message).toMatch(/not a complete run set|corrupt or incomplete/);
    return "refused";
  }
  expect(read(path.join(dir, "summary.json"))).toBe(cleanSummary);
  return "clean";
}

describe("SIGKILL at each step of a batch with records", () => {
  const args = ["run", fixture("pair.yaml"), "--runs", "1200", "--chunk-size", "400", "--workers", "1", "--seed", "3", "--records"];
  const clean = path.join(temp(), "clean");
  const cleanFiles = () => Object.fromEntries(["summary.json", "runs.jsonl", "runs.csv"].map((f) => [f, read(path.join(clean, f))]));

  it("a clean run for reference", () => {
    expect(bazaar([...args, "--out", clean]).code).toBe(0);
  });

  // Each batch re-runs into a folder holding the same batch's finished run set, the case in which a
  // stale checkpoint could pass for the new batch's.
  it.each(STOP_STEPS)("killed at %s: the folder is refused or clean, and --resume gives the clean result", (step) => {
    const out = path.join(temp(), "killed");
    cpSync(clean, out, { recursive: true });
    const killed = bazaar([...args, "--out", out], { BAZAAR_TEST_STOP_AT: step });
    expect(killed.signal, `the batch did not reach ${step}: ${killed.stderr}`).toBe("SIGKILL");
    const state = expectRefusedOrCleanHere(out, cleanFiles()["summary.json"]);
    expect(state).toBe(step === "manifest-written" ? "clean" : "refused");
    const resumed = bazaar([...args, "--out", out, "--resume"]);
    expect(resumed.code, resumed.stderr).toBe(0);
    for (const [name, text] of Object.entries(cleanFiles())) expect(read(path.join(out, name)), name).toBe(text);
    expect(readRunSet(out).summary).toEqual(JSON.parse(cleanFiles()["summary.json"]));
    expect(readdirSync(out).filter((f) => f.endsWith(".tmp") || f.endsWith(".partial"))).toEqual([]);
  }, 60_000);
});

describe("SIGKILL at random moments", () => {
  it("during a batch: never a valid-looking partial run set; --resume after the last kill gives the clean result", async () => {
    const args = ["run", scenarioFile("maliki-sadr-2024.yaml"), "--runs", "12000", "--chunk-size", "1000", "--workers", "2", "--seed", "3", "--records"];
    const clean = path.join(temp(), "clean");
    expect(bazaar([...args, "--out", clean]).code).toBe(0);
    const cleanSummary = read(path.join(clean, "summary.json"));
    const out = path.join(temp(), "killed");
    // Where these kills land depends on the machine's speed, so nothing here requires one to land
    // mid-batch: "SIGKILL at each step of a batch" above stops at every step on every run.
    for (let k = 0; k < 4; k++) {
      const resume = existsSync(path.join(out, "checkpoint.json")) ? ["--resume"] : [];
      const ended = await killAfter([...args, "--out", out, ...resume], killMoment(300, 4000));
      if (ended === "killed") expectRefusedOrClean(out, cleanSummary);
    }
    const last = bazaar([...args, "--out", out, ...(existsSync(path.join(out, "checkpoint.json")) ? ["--resume"] : [])]);
    expect(last.code, last.stderr).toBe(0);
    expect(read(path.join(out, "summary.json"))).toBe(cleanSummary);
    for (const f of ["runs.jsonl", "runs.csv"]) expect(read(path.join(out, f))).toBe(read(path.join(clean, f)));
    expect(noTempFiles(out)).toEqual([]);
  }, 240_000);

  it("during a sweep: sweep.json is absent or complete, and a re-run gives the clean sweep", async () => {
    const args = ["sweep", fixture("pair.yaml"), "--vary", "drivers.iran_pressure=0:1:6", "--runs", "3000", "--seed", "2"];
    const clean = temp();
    expect(bazaar([...args, "--out", clean]).code).toBe(0);
    const cleanJson = read(path.join(clean, "sweep.json"));
    const out = temp();
    // A killed sweep leaves its completed points in analysis-checkpoint.json: the next run resumes them.
    const resume = () => (existsSync(path.join(out, "analysis-checkpoint.json")) ? ["--resume"] : []);
    for (let k = 0; k < 3; k++) {
      await killAfter([...args, "--out", out, ...resume()], killMoment(200, 3000));
      if (existsSync(path.join(out, "sweep.json"))) {
        expect(read(path.join(out, "sweep.json"))).toBe(cleanJson);
        expect(read(path.join(out, "sweep.csv"))).toBe(read(path.join(clean, "sweep.csv")));
      }
    }
    expect(bazaar([...args, "--out", out, ...resume()]).code).toBe(0);
    expect(read(path.join(out, "sweep.json"))).toBe(cleanJson);
    expect(noTempFiles(out)).toEqual([]); // what a kill left mid-write is cleared by the next write
  }, 180_000);

  it("during a merge: the merged folder is refused or is exactly the unsharded result; a re-run merges cleanly", async () => {
    const base = ["run", fixture("pair.yaml"), "--runs", "3000", "--chunk-size", "500", "--seed", "4", "--workers", "1"];
    const root = temp();
    const unsharded = path.join(root, "unsharded");
    expect(bazaar([...base, "--out", unsharded]).code).toBe(0);
    const cleanSummary = read(path.join(unsharded, "summary.json"));
    const shards = [1, 2, 3].map((k) => path.join(root, `shard${k}`));
    shards.forEach((dir, k) => expect(bazaar([...base, "--shard", `${k + 1}/3`, "--out", dir]).code).toBe(0));
    const merged = path.join(root, "merged");
    for (let k = 0; k < 4; k++) {
      const ended = await killAfter(["merge", ...shards, "--out", merged], killMoment(100, 2500));
      if (ended === "killed" && existsSync(merged)) expectRefusedOrClean(merged, cleanSummary);
    }
    expect(bazaar(["merge", ...shards, "--out", merged]).code).toBe(0);
    expect(read(path.join(merged, "summary.json"))).toBe(cleanSummary);
    expect(noTempFiles(merged)).toEqual([]);
  }, 180_000);
});
