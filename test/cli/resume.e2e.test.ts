// SPEC §4: an interrupted batch resumes to exactly the result of a clean run (spawned, killed, resumed).
import { describe, expect, it } from "vitest";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT } from "../helpers.ts";

const BIN = path.join(ROOT, "bin", "bazaar.js");
const ARGS = ["run", "--runs", "16000", "--seed", "5", "--chunk-size", "500", "--workers", "2", "--records"];
const temp = () => mkdtempSync(path.join(os.tmpdir(), "bazaar-resume-"));
const read = (dir: string, file: string) => readFileSync(path.join(dir, file), "utf8");

function runToEnd(args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" }, timeout: 180_000 });
}

/** Starts a batch and resolves once its checkpoint records at least `runs` runs; returns the child. */
async function startAndWait(out: string, runs: number) {
  const child = spawn(process.execPath, [BIN, ...ARGS, "--out", out], { cwd: ROOT, env: { ...process.env, NO_COLOR: "1" } });
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code, signal) => resolve(code ?? (signal ? -1 : null))));
  const deadline = Date.now() + 60_000;
  for (;;) {
    const file = path.join(out, "checkpoint.json");
    if (existsSync(file)) {
      try {
        if (JSON.parse(readFileSync(file, "utf8")).runs_done >= runs) break;
      } catch {
        // being replaced: read again
      }
    }
    if (Date.now() > deadline) throw new Error(`no checkpoint with ${runs} runs within 60 s: ${stderr}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return { child, exited, stderr: () => stderr };
}

describe("interrupted batches", () => {
  const clean = temp();

  it("a clean run for reference", () => {
    const r = runToEnd([...ARGS, "--out", clean]);
    expect(r.status).toBe(0);
  });

  it("after SIGKILL, --resume gives exactly the clean summary and records", async () => {
    const out = temp();
    const { child, exited } = await startAndWait(out, 2000);
    child.kill("SIGKILL");
    await exited;
    // On a fast machine the batch may finish before the kill lands: then it must simply be the clean result.
    if (existsSync(path.join(out, "manifest.json"))) return expect(read(out, "summary.json")).toBe(read(clean, "summary.json"));
    expect(existsSync(path.join(out, "summary.json"))).toBe(false);
    const again = runToEnd([...ARGS, "--out", out]);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/interrupted batch .* add --resume/);
    const resumed = runToEnd([...ARGS, "--out", out, "--resume"]);
    expect(resumed.status).toBe(0);
    expect(read(out, "summary.json")).toBe(read(clean, "summary.json"));
    expect(read(out, "runs.jsonl")).toBe(read(clean, "runs.jsonl"));
    expect(read(out, "runs.csv")).toBe(read(clean, "runs.csv"));
    expect(readdirSync(out).filter((f) => f.includes(".tmp") || f.endsWith(".partial"))).toEqual([]);
  });

  it("SIGINT stops cleanly with a resume hint, and resuming gives the clean result", async () => {
    const out = temp();
    const { child, exited, stderr } = await startAndWait(out, 1000);
    child.kill("SIGINT");
    const code = await exited;
    if (code === 0) return expect(read(out, "summary.json")).toBe(read(clean, "summary.json")); // finished before the signal landed
    expect(code).toBe(130);
    expect(stderr()).toMatch(/interrupted after [\d,]+ runs/);
    expect(stderr()).toContain("--resume");
    expect(stderr()).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(existsSync(path.join(out, "summary.json"))).toBe(false);
    expect(existsSync(path.join(out, "manifest.json"))).toBe(false);
    expect(readdirSync(out).filter((f) => f.includes(".tmp"))).toEqual([]);
    const resumed = runToEnd([...ARGS, "--out", out, "--resume"]);
    expect(resumed.status).toBe(0);
    expect(read(out, "summary.json")).toBe(read(clean, "summary.json"));
    expect(read(out, "runs.jsonl")).toBe(read(clean, "runs.jsonl"));
  });

  it("refuses to resume a different batch", () => {
    const r = runToEnd([...ARGS.map((a) => (a === "5" ? "6" : a)), "--out", clean, "--resume"]);
    // The clean run set is complete; a different seed is a different batch.
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/cannot resume a different batch \(seed: 5 vs 6\)/);
  });
});
