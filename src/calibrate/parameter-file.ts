// model.yaml: the fitted values as a scenario fragment, for a scenario to `extends` (its own settings
// still win over its base's) or to copy into the shipped defaults.
import { stringify } from "yaml";
import { VERSION } from "../version.ts";
import type { Point } from "./cache.ts";
import type { ScoreRule } from "./objective.ts";

export const PARAMETER_FILE = "model.yaml";

export interface ParameterFileFacts {
  values: Point;
  seed: number;
  runs: number;
  cases: number;
  score: ScoreRule;
  objective: { start: number; fitted: number };
}

export function parameterFileText(facts: ParameterFileFacts): string {
  const model: Record<string, unknown> = {};
  for (const path of Object.keys(facts.values)) setIn(model, path.split(".").slice(1), facts.values[path]);
  const rule = facts.score === "log" ? "mean log score" : "mean Brier score";
  return [
    `# Model parameters fitted by bazaar calibrate (bazaar ${VERSION}) to ${facts.cases} case${facts.cases === 1 ? "" : "s"}:`,
    `# seed ${facts.seed}, ${facts.runs} runs per case per candidate; ${rule} ${facts.objective.start.toFixed(4)} at the start, ${facts.objective.fitted.toFixed(4)} fitted.`,
    "# calibration.json beside this file has the details. Use with `extends: <path to this file>`.",
    stringify({ model }).trimEnd(),
    "",
  ].join("\n");
}

function setIn(target: Record<string, unknown>, path: string[], value: number): void {
  let node = target;
  for (const part of path.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
  node[path[path.length - 1]] = value;
}
