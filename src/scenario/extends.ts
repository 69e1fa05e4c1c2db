// `extends: base.yaml`: a scenario that overrides a base scenario's fields. Mappings merge deeply;
// lists whose items carry an `id` merge item by item (new ids are appended); relation pairs merge by
// the pair they name; any other list or value replaces the base's.
import path from "node:path";
import { ScenarioError, type FieldPath } from "./problems.ts";
import { parseYaml, type YamlSource } from "./yaml-source.ts";
import { allKeyed, itemKey } from "./item-key.ts";

const MAX_DEPTH = 16;

/** Reads `file` and every file it extends, merged; `locate` finds a path in the file that set it. */
export function readWithBases(file: string, readText: (file: string) => string, chain: string[] = []): YamlSource {
  const absolute = path.resolve(file);
  if (chain.includes(absolute)) {
    throw new ScenarioError([{ file, path: ["extends"], message: `expected no cycle of extends, found ${[...chain, absolute].map((f) => path.relative(process.cwd(), f) || f).join(" → ")}` }]);
  }
  if (chain.length >= MAX_DEPTH) throw new ScenarioError([{ file, path: ["extends"], message: `expected at most ${MAX_DEPTH} levels of extends` }]);
  const parsed = parseYaml(file, readText(file));
  if (!parsed.ok) throw new ScenarioError(parsed.problems);
  const own = parsed.source;
  const data = own.data as Record<string, unknown> | null;
  if (!data || typeof data !== "object" || typeof data.extends !== "string") return own;
  const basePath = path.resolve(path.dirname(absolute), data.extends);
  let base: YamlSource;
  try {
    base = readWithBases(basePath, readText, [...chain, absolute]);
  } catch (e) {
    if (e instanceof ScenarioError && e.problems.some((p) => p.message.startsWith("cannot read"))) {
      throw new ScenarioError([{ file, ...own.locate(["extends"]), path: ["extends"], message: `expected a readable base scenario, found none at ${basePath}` }]);
    }
    throw e;
  }
  const { extends: _ignored, ...rest } = data;
  return {
    file,
    data: mergeScenario(base.data, rest),
    locate: (p: FieldPath, key?: boolean) => (has(rest, p) ? own.locate(p, key) : base.locate(p, key)),
  };
}

export function mergeScenario(base: unknown, over: unknown): unknown {
  if (Array.isArray(base) && Array.isArray(over)) return mergeLists(base, over);
  if (isMapping(base) && isMapping(over)) {
    const out: Record<string, unknown> = { ...base };
    for (const [key, value] of Object.entries(over)) out[key] = key in base ? mergeScenario(base[key], value) : value;
    return out;
  }
  return over;
}

function mergeLists(base: unknown[], over: unknown[]): unknown[] {
  if (!allKeyed(over)) return over;
  const out = [...base];
  for (const item of over) {
    const at = out.findIndex((b) => itemKey(b) === itemKey(item));
    if (at >= 0) out[at] = mergeScenario(out[at], item);
    else out.push(item);
  }
  return out;
}

function isMapping(x: unknown): x is Record<string, unknown> {
  return !!x && typeof x === "object" && !Array.isArray(x);
}

function has(data: unknown, p: FieldPath): boolean {
  let node: unknown = data;
  for (const part of p) {
    if (!node || typeof node !== "object" || !(String(part) in (node as object))) return false;
    node = (node as Record<string, unknown>)[String(part)];
  }
  return true;
}
