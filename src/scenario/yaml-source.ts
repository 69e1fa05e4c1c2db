// Reads YAML (or JSON) text into plain data while keeping a map back to line and column.
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from "yaml";
import type { FieldPath, Problem } from "./problems.ts";

import { LIMITS } from "./limits.ts";

const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

export interface YamlSource {
  file: string;
  data: unknown;
  /** Line and column (1-based) of the value at `path`, or of its nearest existing parent. */
  locate(path: FieldPath, key?: boolean): { line: number; column: number };
}

export type ParseResult = { ok: true; source: YamlSource } | { ok: false; problems: Problem[] };

export function parseYaml(file: string, text: string): ParseResult {
  if (Buffer.byteLength(text, "utf8") > LIMITS.fileBytes) {
    return fail(file, [], `expected a scenario file of at most ${LIMITS.fileBytes / 1024 / 1024} MiB, found ${(Buffer.byteLength(text, "utf8") / 1024 / 1024).toFixed(1)} MiB`);
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, merge: false });
  const at = (offset: number) => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  if (doc.errors.length > 0 || doc.warnings.length > 0) {
    return {
      ok: false,
      problems: [...doc.errors, ...doc.warnings].map((e) => ({ file, ...at(e.pos[0]), path: [], message: `malformed YAML: ${firstLine(e.message)}` })),
    };
  }
  const structural = checkStructure(doc, file, at);
  if (structural.length > 0) return { ok: false, problems: structural };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: LIMITS.aliases });
  } catch (e) {
    return fail(file, [], `expected YAML without excessive aliases: ${firstLine((e as Error).message)}`);
  }
  const locate = (path: FieldPath, key = false) => {
    const node = findNode(doc, path, key);
    return node?.range ? at(node.range[0]) : { line: 1, column: 1 };
  };
  return { ok: true, source: { file, data, locate } };
}

function fail(file: string, path: FieldPath, message: string): ParseResult {
  return { ok: false, problems: [{ file, line: 1, column: 1, path, message }] };
}

function firstLine(s: string): string {
  return s.split("\n")[0];
}

/** Rejects prototype-polluting keys, excessive nesting and too many aliases before any value is built. */
function checkStructure(doc: Document, file: string, at: (o: number) => { line: number; column: number }): Problem[] {
  const problems: Problem[] = [];
  let aliases = 0;
  visit(doc, {
    Alias() {
      aliases++;
    },
    Pair(_, pair) {
      if (isScalar(pair.key) && FORBIDDEN_KEYS.has(String(pair.key.value))) {
        problems.push({ file, ...at(pair.key.range?.[0] ?? 0), path: [], message: `expected an ordinary field name, found the reserved key '${String(pair.key.value)}'` });
      }
    },
    Collection(_, node, path) {
      // Mappings and lists both nest; a path alternates collections and pairs, so count collections.
      if (path.filter((p) => isMap(p) || isSeq(p)).length >= LIMITS.depth) {
        problems.push({ file, ...at(node.range?.[0] ?? 0), path: [], message: `expected nesting at most ${LIMITS.depth} levels deep` });
        return visit.BREAK;
      }
    },
  });
  if (aliases > LIMITS.aliases) {
    problems.push({ file, line: 1, column: 1, path: [], message: `expected at most ${LIMITS.aliases} YAML aliases, found ${aliases}` });
  }
  return problems;
}

function findNode(doc: Document, path: FieldPath, wantKey: boolean): Node | undefined {
  let node: unknown = doc.contents;
  let last: Node | undefined = doc.contents ?? undefined;
  for (let i = 0; i < path.length; i++) {
    const part = path[i];
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(part));
      if (!pair) return last;
      if (wantKey && i === path.length - 1) return pair.key as Node;
      node = pair.value;
    } else if (isSeq(node) && typeof part === "number") {
      node = node.items[part];
    } else {
      return last;
    }
    if (node && typeof node === "object" && "range" in node) last = node as Node;
  }
  return last;
}
