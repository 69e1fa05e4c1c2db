// Loading a scenario file: read, parse YAML, validate against the schema, cross-check, hash.
import { readFileSync, statSync } from "node:fs";
import { createHash } from "node:crypto";

import { Scenario, type ScenarioSpec } from "./schema/scenario.ts";
import { parseYaml, LIMITS, type YamlSource } from "./yaml-source.ts";
import { explainIssues, type FieldIssue } from "./zod-issues.ts";
import { crossCheck } from "./cross-check.ts";
import { ScenarioError, type Problem } from "./problems.ts";
import { knownFieldNames } from "./json-schema.ts";

export interface LoadedScenario {
  file: string;
  spec: ScenarioSpec;
  /** sha256 of the resolved scenario (canonical JSON), so equal assumptions give equal hashes. */
  sha256: string;
}

export function loadScenarioFile(file: string): LoadedScenario {
  return parseScenarioText(file, readScenarioText(file));
}

export function readScenarioText(file: string): string {
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw new ScenarioError([{ file, path: [], message: "expected a scenario file, found a directory or device" }]);
    size = stat.size;
  } catch (e) {
    if (e instanceof ScenarioError) throw e;
    throw new ScenarioError([{ file, path: [], message: `cannot read the file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` }]);
  }
  if (size > LIMITS.fileBytes) {
    throw new ScenarioError([{ file, path: [], message: `expected a scenario file of at most ${LIMITS.fileBytes / 1024 / 1024} MiB, found ${(size / 1024 / 1024).toFixed(1)} MiB` }]);
  }
  return readFileSync(file, "utf8");
}

export function parseScenarioText(file: string, text: string): LoadedScenario {
  const parsed = parseYaml(file, text);
  if (!parsed.ok) throw new ScenarioError(parsed.problems);
  return validateScenarioData(parsed.source);
}

export function validateScenarioData(source: YamlSource): LoadedScenario {
  const result = Scenario.safeParse(source.data, { reportInput: true });
  const issues: FieldIssue[] = result.success
    ? crossCheck(result.data)
    : [...explainIssues(result.error.issues, knownFieldNames()), ...crossCheckLeniently(source.data)];
  if (issues.length > 0) throw new ScenarioError(issues.map((i) => toProblem(source, i)));
  const spec = result.data!;
  return { file: source.file, spec, sha256: scenarioHash(spec) };
}

/**
 * Reference checks on data that failed the schema, so misspelt ids are reported together with the
 * schema's problems. Parts too malformed to check are left to the schema's own messages.
 */
function crossCheckLeniently(data: unknown): FieldIssue[] {
  if (!data || typeof data !== "object" || !Array.isArray((data as { actors?: unknown }).actors)) return [];
  try {
    return crossCheck(data as ScenarioSpec, { referencesOnly: true });
  } catch {
    return [];
  }
}

function toProblem(source: YamlSource, issue: FieldIssue): Problem {
  return { file: source.file, ...source.locate(issue.path, issue.atKey), path: issue.path, message: issue.message };
}

export function scenarioHash(spec: ScenarioSpec): string {
  return createHash("sha256").update(canonicalJson(spec)).digest("hex");
}

/** JSON with object keys sorted, so the hash does not depend on key order in the file. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]]))
      : v,
  );
}


