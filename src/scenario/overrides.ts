// `--set path=value`: edits to a loaded scenario. Paths address list items by id
// (`actors.sadrists.seats=73`) or by position (`relations.pairs.0.value=-0.5`); values parse as YAML
// (`drivers.iran_pressure={dist: beta, a: 6, b: 3}`). Edits are made with immer and re-validated.
import { produce } from "immer";
import { parseDocument } from "yaml";
import { UserError } from "./problems.ts";
import { suggestion } from "./did-you-mean.ts";

const FORBIDDEN = new Set(["__proto__", "constructor", "prototype"]);

export interface Override {
  /** As the user wrote it: `actors.sadrists.seats=73`. */
  text: string;
  path: string[];
  value: unknown;
}

export interface Applied<T> {
  data: T;
  /** Each override's path with list items as positions, as validation reports them. */
  resolved: (string | number)[][];
}

export function parseOverride(text: string): Override {
  const eq = text.indexOf("=");
  if (eq <= 0) throw new UserError(`--set ${text}: expected path=value, e.g. actors.sadrists.seats=73`);
  const path = text.slice(0, eq).trim().split(".");
  for (const part of path) {
    if (part === "") throw new UserError(`--set ${text}: expected a path of dot-separated names, found an empty part`);
    if (FORBIDDEN.has(part)) throw new UserError(`--set ${text}: '${part}' is not a scenario field`);
  }
  const value = parseValue(text, text.slice(eq + 1));
  const reserved = reservedKeyIn(value);
  if (reserved) throw new UserError(`--set ${text}: expected ordinary field names in the value, found the reserved key '${reserved}'`);
  return { text, path, value };
}

/** The value as YAML; unknown tags and aliases are refused rather than warned about or expanded. */
function parseValue(text: string, source: string): unknown {
  const doc = parseDocument(source, { prettyErrors: false });
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem) throw new UserError(`--set ${text}: expected a YAML value, found ${problem.message.split("\n")[0]}`);
  try {
    return doc.toJS({ maxAliasCount: 0 });
  } catch (e) {
    throw new UserError(`--set ${text}: expected a YAML value without aliases (*name), found ${(e as Error).message.split("\n")[0].toLowerCase()}`);
  }
}

/** The first prototype-related key anywhere in a parsed value, as scenario files refuse them too. */
function reservedKeyIn(value: unknown): string | undefined {
  if (!value || typeof value !== "object") return undefined;
  for (const key of Object.keys(value)) {
    if (FORBIDDEN.has(key)) return key;
    const inner = reservedKeyIn((value as Record<string, unknown>)[key]);
    if (inner) return inner;
  }
  return undefined;
}

/** Applies overrides in order to a plain scenario object and returns the edited copy. */
/**
 * Applies overrides in order. A path must exist, except that its last part may name a field the
 * format defines (`knownFields`) that the file left out; validation then checks it belongs there.
 */
export function applyOverrides<T extends object>(data: T, overrides: Override[], knownFields: Set<string>): Applied<T> {
  const resolved: (string | number)[][] = [];
  const edited = produce(data, (draft) => {
    for (const o of overrides) resolved.push(assign(draft as Record<string, unknown>, o, knownFields));
  });
  return { data: edited, resolved };
}

function assign(root: Record<string, unknown>, o: Override, knownFields: Set<string>): (string | number)[] {
  let node: unknown = root;
  const resolved: (string | number)[] = [];
  const where = (k: number) => o.path.slice(0, k).join(".") || "(top level)";
  for (let k = 0; k < o.path.length - 1; k++) {
    const key = keyIn(node, o.path[k], () => `--set ${o.text}: ${where(k)} has no '${o.path[k]}'`);
    resolved.push(key);
    node = (node as Record<string | number, unknown>)[key];
  }
  const last = o.path[o.path.length - 1];
  if (Array.isArray(node)) {
    const index = indexIn(node, last, () => `--set ${o.text}: ${where(o.path.length - 1)} has no item '${last}'`);
    node[index] = o.value;
    resolved.push(index);
  } else if (node && typeof node === "object") {
    if (!Object.hasOwn(node, last) && !knownFields.has(last)) {
      throw new UserError(`--set ${o.text}: ${where(o.path.length - 1)} has no '${last}'${suggestion(last, Object.keys(node))}`);
    }
    (node as Record<string, unknown>)[last] = o.value;
    resolved.push(last);
  } else {
    throw new UserError(`--set ${o.text}: ${where(o.path.length - 1)} is a single value, not a mapping or list`);
  }
  return resolved;
}

/** The key of `part` in a list (its position) or mapping, or an error naming what is there. */
function keyIn(node: unknown, part: string, missing: () => string): string | number {
  if (Array.isArray(node)) return indexIn(node, part, missing);
  if (node && typeof node === "object" && Object.hasOwn(node, part) && (node as Record<string, unknown>)[part] !== undefined) return part;
  const keys = node && typeof node === "object" ? Object.keys(node) : [];
  throw new UserError(`${missing()}${suggestion(part, keys)}`);
}

/** A list item by its `id`, or by position when the part is a number. */
function indexIn(list: unknown[], part: string, missing: () => string): number {
  const byId = list.findIndex((item) => item && typeof item === "object" && (item as { id?: unknown }).id === part);
  if (byId >= 0) return byId;
  if (/^\d+$/.test(part) && Number(part) < list.length) return Number(part);
  const ids = list.flatMap((item) => (item && typeof item === "object" && typeof (item as { id?: unknown }).id === "string" ? [(item as { id: string }).id] : []));
  throw new UserError(`${missing()}${suggestion(part, ids)}`);
}
