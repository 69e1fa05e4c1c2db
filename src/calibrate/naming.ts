// Default calibration folder names, in the run-set style (src/runner/naming.ts):
// runs/calibrate-<parameters>-s<seed>-n<runs>[-brier][-loo].
import path from "node:path";

export function defaultCalibrationDir(paths: readonly string[], options: { seed: number; runs: number; score: string; cv?: string }, root = "runs"): string {
  const names = paths.map((p) => p.replace(/^model\./, "").replace(/[^a-z0-9_.]+/gi, "_"));
  const parts = ["calibrate", ...names, `s${options.seed}`, `n${options.runs}`];
  if (options.score !== "log") parts.push(options.score);
  if (options.cv) parts.push(options.cv);
  return path.resolve(root, parts.join("-"));
}
