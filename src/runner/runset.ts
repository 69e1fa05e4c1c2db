// A run set: the folder a batch writes. summary.json first, manifest.json last; the manifest holds the
// summary's sha256, so a folder without a matching manifest is an incomplete run set, never a result.
import { existsSync, readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import os from "node:os";
import path from "node:path";
import type { ScenarioSpec } from "../scenario/schema/scenario.ts";
import { UserError } from "../scenario/problems.ts";
import { writeFileAtomic } from "./atomic.ts";
import type { Summary } from "./summary.ts";

export interface Manifest {
  tool: "bazaar";
  version: string;
  command: string[];
  scenario: { file: string; id: string; sha256: string; overrides?: string[]; resolved: ScenarioSpec };
  seed: number;
  runs: number;
  chunk_size: number;
  workers?: number;
  precision?: number | null;
  shard?: { index: number; count: number } | null;
  resumed_from_runs?: number | null;
  merged_from?: string[];
  timings: { started: string; finished: string; seconds: number; runs_per_second: number };
  platform: { node: string; os: string; arch: string; cpus: number };
  files: Record<string, { sha256: string }>;
}

export interface RunSet {
  dir: string;
  manifest: Manifest;
  summary: Summary;
}

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** Deterministic JSON: two-space indent and a final newline, so identical summaries are identical bytes. */
export function toJson(value: unknown): string {
  return JSON.stringify(value, null, 2) + "\n";
}

export function writeRunSet(dir: string, manifest: Omit<Manifest, "files">, summary: Summary, otherFiles: Manifest["files"] = {}): RunSet {
  const summaryText = toJson(summary);
  writeFileAtomic(path.join(dir, "summary.json"), summaryText);
  const full: Manifest = { ...manifest, files: { "summary.json": { sha256: sha256(summaryText) }, ...otherFiles } };
  writeFileAtomic(path.join(dir, "manifest.json"), toJson(full));
  return { dir, manifest: full, summary };
}

export function platformInfo(): Manifest["platform"] {
  return { node: process.version, os: `${os.type()} ${os.release()}`, arch: process.arch, cpus: os.availableParallelism() };
}

/** JSON files a run set's manifest vouches for, checked on every read (records can be large: not re-hashed). */
const VERIFIED_FILES = ["summary.json", "checkpoint.json"];

/** Reads a run set, refusing it unless every JSON file its manifest lists matches the recorded sha256. */
export function readRunSet(dir: string): RunSet {
  const manifestFile = path.join(dir, "manifest.json");
  if (!existsSync(manifestFile)) throw new UserError(`${dir}: not a complete run set (no manifest.json)`);
  const manifest = readJson(manifestFile) as Manifest;
  if (!manifest.files?.["summary.json"]) throw new UserError(`${manifestFile}: expected a bazaar manifest listing summary.json`);
  for (const name of VERIFIED_FILES) if (manifest.files[name]) verifiedText(dir, name, manifest.files[name].sha256);
  return { dir, manifest, summary: JSON.parse(verifiedText(dir, "summary.json", manifest.files["summary.json"].sha256)) as Summary };
}

function verifiedText(dir: string, name: string, expected: string): string {
  const file = path.join(dir, name);
  if (!existsSync(file)) throw new UserError(`${dir}: not a complete run set (no ${name})`);
  const text = readFileSync(file, "utf8");
  if (sha256(text) !== expected) {
    throw new UserError(`${file}: expected sha256 ${expected} from manifest.json, found ${sha256(text)}: the run set is corrupt or incomplete`);
  }
  return text;
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw new UserError(`${file}: expected JSON, found ${(e as Error).message}`);
  }
}
