// Loading a scenario file: read, parse YAML, validate against the schema, cross-check, hash.
import { readFileSync, statSync } from "node:fs";
import { createHash } from "node:crypto";
import path from "node:path";

import { Scenario, type ScenarioSpec } from "./schema/scenario.ts";
import { parseYaml, type YamlSource } from "./yaml-source.ts";
import { LIMITS } from "./limits.ts";
import { explainIssues, type FieldIssue } from "./zod-issues.ts";
import { crossCheck } from "./cross-check.ts";
import { describeReadError, ScenarioError, type Problem } from "./problems.ts";
import { knownFieldNames } from "./json-schema.ts";
import { applyOverrides, parseOverride, type Override } from "./overrides.ts";
import { readWithBases } from "./extends.ts";

export interface LoadedScenario {
  file: string;
  spec: ScenarioSpec;
  /** The `--set` overrides applied, as written. */
  overrides?: string[];
  /** sha256 of the resolved scenario (canonical JSON), so equal assumptions give equal hashes. */
  sha256: string;
}

export function loadScenarioFile(file: string, overrides: string[] = []): LoadedScenario {
  const loaded = validateScenarioData(readWithBases(file, readScenarioText));
  return overrides.length > 0 ? withOverrides(loaded, overrides.map(parseOverride)) : loaded;
}

/**
 * Loads scenario text as if it were the file `file` (an editor's unsaved buffer, a fuzz case): bases it
 * `extends` are read from disk relative to `file`.
 */
export function loadScenarioText(file: string, text: string, overrides: string[] = []): LoadedScenario {
  const target = path.resolve(file);
  const loaded = validateScenarioData(readWithBases(file, (f) => (path.resolve(f) === target ? text : readScenarioText(f))));
  return overrides.length > 0 ? withOverrides(loaded, overrides.map(parseOverride)) : loaded;
}

/** The scenario with `--set` overrides applied (with immer) and validated again. */
export function withOverrides(loaded: LoadedScenario, overrides: Override[]): LoadedScenario {
  const { data, resolved } = applyOverrides(loaded.spec, overrides, knownFieldNames());
  const { spec, issues } = checkScenario(data);
  if (!spec) {
    throw new ScenarioError(issues.map((issue) => ({ file: blame(loaded.file, overrides, resolved, issue.path), path: issue.path, message: issue.message })));
  }
  return { file: loaded.file, spec, sha256: scenarioHash(spec), overrides: [...(loaded.overrides ?? []), ...overrides.map((o) => o.text)] };
}

/**
 * Validates plain data as a scenario: the schema, then (if it passes) the cross-checks. Gives the
 * scenario, or every problem found (a schema failure adds the reference checks that still apply).
 */
export function checkScenario(data: unknown): { spec: ScenarioSpec; issues: [] } | { spec?: undefined; issues: FieldIssue[] } {
  const result = Scenario.safeParse(data, { reportInput: true });
  const issues: FieldIssue[] = result.success
    ? crossCheck(result.data)
    : [...explainIssues(result.error.issues, knownFieldNames()), ...crossCheckLeniently(data)];
  if (issues.length > 0) return { issues };
  const { extends: _base, ...spec } = result.data!;
  return { spec: spec as ScenarioSpec, issues: [] };
}

/** Names the override whose path the problem lies under, or the file. */
function blame(file: string, overrides: Override[], resolved: (string | number)[][], path: (string | number)[]): string {
  const text = path.join(".");
  for (let k = overrides.length - 1; k >= 0; k--) {
    const p = resolved[k].join(".");
    if (text === p || text.startsWith(p + ".") || p.startsWith(text + ".")) return `--set ${overrides[k].text}`;
  }
  return `${file} (after --set)`;
}

/** A scenario file's text; its size is checked before it is read (parseYaml checks text from elsewhere). */
export function readScenarioText(file: string): string {
  const problem = (message: string) => new ScenarioError([{ file, path: [], message }]);
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw problem("expected a scenario file, found a directory or device");
    if (stat.size > LIMITS.fileBytes) throw problem(`expected a scenario file of at most ${LIMITS.fileBytes / 1024 / 1024} MiB, found ${(stat.size / 1024 / 1024).toFixed(1)} MiB`);
    return readFileSync(file, "utf8");
  } catch (e) {
    if (e instanceof ScenarioError) throw e;
    throw problem(`cannot read the file: ${describeReadError(e)}`);
  }
}

export function parseScenarioText(file: string, text: string): LoadedScenario {
  const parsed = parseYaml(file, text);
  if (!parsed.ok) throw new ScenarioError(parsed.problems);
  return validateScenarioData(parsed.source);
}

export function validateScenarioData(source: YamlSource): LoadedScenario {
  const { spec, issues } = checkScenario(source.data);
  if (!spec) throw new ScenarioError(issues.map((i) => toProblem(source, i)));
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


