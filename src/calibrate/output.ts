// A calibration folder: calibration.json (deterministic: the same bytes for the same inputs, whatever
// the worker count or interruptions), model.yaml, the evaluations.json checkpoint, and manifest.json
// (command line, workers, timings, platform and every file's sha256), written last, so a folder
// without a manifest is never read as a finished calibration.
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { UserError } from "../scenario/problems.ts";
import { isTempFile, removeFile, writeFileAtomic } from "../runner/atomic.ts";
import { platformInfo, sha256, toJson } from "../runner/runset.ts";
import { VERSION } from "../version.ts";
import { EvaluationCache, EVALUATIONS_FILE, type CacheIdentity } from "./cache.ts";
import { PARAMETER_FILE } from "./parameter-file.ts";

export const CALIBRATION_FILE = "calibration.json";
const MANIFEST_FILE = "manifest.json";
const FILES = new Set([CALIBRATION_FILE, PARAMETER_FILE, EVALUATIONS_FILE, MANIFEST_FILE]);

export interface CalibrationManifest {
  tool: "bazaar";
  version: string;
  kind: "calibration";
  command: string[];
  workers: number;
  resumed_from_evaluations: number | null;
  timings: { started: string; finished: string; seconds: number; runs_computed: number };
  platform: ReturnType<typeof platformInfo>;
  files: Record<string, { sha256: string }>;
}

/**
 * Makes `dir` ready for a calibration and gives the evaluations it may reuse: an interrupted
 * calibration's with --resume (refused without it), none otherwise. Results of an earlier calibration
 * there are removed, manifest first.
 */
export function openCalibrationFolder(dir: string, identity: CacheIdentity, resume: boolean): EvaluationCache {
  checkFolder(dir);
  const existing = EvaluationCache.read(dir, identity);
  const complete = existsSync(path.join(dir, MANIFEST_FILE));
  if (existing && !resume && !complete) {
    throw new UserError(`${dir} holds an interrupted calibration (${existing.size} points evaluated): add --resume to continue it, or choose another --out`);
  }
  if (existsSync(dir)) for (const name of [MANIFEST_FILE, CALIBRATION_FILE, PARAMETER_FILE]) removeFile(path.join(dir, name));
  if (existing && resume) return existing;
  if (existsSync(dir)) removeFile(path.join(dir, EVALUATIONS_FILE));
  return new EvaluationCache(identity);
}

/** Refuses a folder holding other files: an --out typo must not scatter files among someone's documents. */
function checkFolder(dir: string): void {
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new UserError(`${dir}: expected a folder, found a file; choose another --out`);
    names = readdirSync(dir);
  } catch (e) {
    if (e instanceof UserError) throw e;
    return; // absent: it will be created
  }
  const foreign = names.filter((n) => !FILES.has(n) && !isTempFile(n)).sort();
  if (foreign.length > 0) {
    throw new UserError(`${dir}: expected an empty folder or an earlier calibration, found other files (${foreign.slice(0, 3).join(", ")}${foreign.length > 3 ? ", …" : ""}); choose another --out`);
  }
}

export interface CalibrationTexts {
  calibration: string;
  parameters: string;
}

export function writeCalibration(dir: string, texts: CalibrationTexts, run: Omit<CalibrationManifest, "tool" | "version" | "kind" | "platform" | "files">): CalibrationManifest {
  writeFileAtomic(path.join(dir, PARAMETER_FILE), texts.parameters);
  writeFileAtomic(path.join(dir, CALIBRATION_FILE), texts.calibration);
  const files: CalibrationManifest["files"] = {
    [CALIBRATION_FILE]: { sha256: sha256(texts.calibration) },
    [PARAMETER_FILE]: { sha256: sha256(texts.parameters) },
  };
  const manifest: CalibrationManifest = { tool: "bazaar", version: VERSION, kind: "calibration", ...run, platform: platformInfo(), files };
  writeFileAtomic(path.join(dir, MANIFEST_FILE), toJson(manifest));
  return manifest;
}
