// A run set: the folder a batch writes. summary.json first, manifest.json last; the manifest holds the
// summary's sha256, so a folder without a matching manifest is an incomplete run set, never a result.
import { existsSync, readdirSync, statSync } from "node:fs";
import { createHash } from "node:crypto";
import os from "node:os";
import path from "node:path";
import type { ScenarioSpec } from "../scenario/schema/scenario.ts";
import { formatPath, UserError } from "../scenario/problems.ts";
import { checkScenario } from "../scenario/load.ts";
import { CHECKPOINT, MANIFEST, parseSaved, readSaved, readSavedText, SUMMARY } from "./saved-shapes.ts";
import { isTempFile, removeFile, writeFileAtomic } from "./atomic.ts";
import { CHECKPOINT_FILE, type Checkpoint } from "./checkpoint.ts";
import type { PrecisionResult, Summary } from "./summary.ts";
import { stopPoint } from "./stop-hook.ts";

export interface Manifest {
  tool: "bazaar";
  version: string;
  command: string[];
  scenario: { file: string; id: string; sha256: string; overrides?: string[]; resolved: ScenarioSpec };
  seed: number;
  runs: number;
  chunk_size: number;
  workers?: number;
  /** A `--precision` batch's target and what it achieved. */
  precision?: PrecisionResult | null;
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
  /** The batch's checkpoint (its exact aggregate), verified against the manifest; absent if it lists none. */
  checkpoint?: Checkpoint;
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
  stopPoint("summary-written");
  const full: Manifest = { ...manifest, files: { "summary.json": { sha256: sha256(summaryText) }, ...otherFiles } };
  writeFileAtomic(path.join(dir, "manifest.json"), toJson(full));
  return { dir, manifest: full, summary };
}

/** Names a run set folder may hold, besides the hidden temporary files of atomic writes. */
const RUN_SET_FILES = new Set(["manifest.json", "summary.json", CHECKPOINT_FILE, "runs.jsonl", "runs.csv", "runs.jsonl.partial", "runs.csv.partial"]);

/**
 * Before a new batch or merge writes into `dir`: removes what an earlier run set left (the manifest
 * first, so the folder is no run set until the new manifest is written). The old checkpoint goes too:
 * kept until the new batch's first checkpoint, it would pass for that batch's on `--resume`.
 */
export function clearRunSet(dir: string): void {
  for (const name of RUN_SET_FILES) removeFile(path.join(dir, name));
}

/**
 * Refuses to write a run set into a folder that holds files but no run set: an --out typo must not
 * scatter run files among someone's documents, nor later clear them.
 */
export function checkRunSetFolder(dir: string): void {
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) return; // ensureDir reports it when the folder is created
    names = readdirSync(dir);
  } catch {
    return; // absent: it will be created
  }
  const foreign = names.filter((n) => !RUN_SET_FILES.has(n) && !isTempFile(n));
  if (foreign.length > 0 && !names.some((n) => RUN_SET_FILES.has(n))) {
    const shown = foreign.sort().slice(0, 3).join(", ") + (foreign.length > 3 ? ", …" : "");
    throw new UserError(`${dir}: expected an empty folder or an earlier run set, found other files (${shown}); choose another --out`);
  }
}

export function platformInfo(): Manifest["platform"] {
  return { node: process.version, os: `${os.type()} ${os.release()}`, arch: process.arch, cpus: os.availableParallelism() };
}

/**
 * Reads a run set, refusing it unless every JSON file its manifest lists (summary, checkpoint) matches
 * the recorded sha256. Records can be large and are not re-hashed.
 */
export function readRunSet(dir: string): RunSet {
  const manifestFile = path.join(dir, "manifest.json");
  if (!existsSync(manifestFile)) throw new UserError(`${dir}: not a complete run set (no manifest.json)`);
  const manifest = readSaved(MANIFEST, manifestFile) as unknown as Manifest;
  if (!manifest.files["summary.json"]) throw new UserError(`${manifestFile}: expected a bazaar manifest listing summary.json`);
  checkResolvedScenario(manifestFile, manifest.scenario.resolved);
  const checkpointEntry = manifest.files[CHECKPOINT_FILE];
  const checkpoint = checkpointEntry && (parseSaved(CHECKPOINT, path.join(dir, CHECKPOINT_FILE), verifiedText(dir, CHECKPOINT_FILE, checkpointEntry.sha256)) as Checkpoint);
  const summary = parseSaved(SUMMARY, path.join(dir, "summary.json"), verifiedText(dir, "summary.json", manifest.files["summary.json"].sha256));
  return { dir, manifest, summary: summary as unknown as Summary, checkpoint };
}

/** The scenario a manifest carries is compiled by merge and compared by compare: it must be a valid one. */
function checkResolvedScenario(manifestFile: string, resolved: unknown): void {
  const { issues } = checkScenario(resolved);
  if (issues.length > 0) {
    throw new UserError(`${manifestFile}: expected a valid scenario in scenario.resolved; ${formatPath(issues[0].path)}: ${issues[0].message}`);
  }
}

function verifiedText(dir: string, name: string, expected: string): string {
  const file = path.join(dir, name);
  if (!existsSync(file)) throw new UserError(`${dir}: not a complete run set (no ${name})`);
  const text = readSavedText(file, "run set");
  if (sha256(text) !== expected) {
    throw new UserError(`${file}: expected sha256 ${expected} from manifest.json, found ${sha256(text)}: the run set is corrupt or incomplete`);
  }
  return text;
}
