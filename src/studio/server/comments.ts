// The source comment a scenario file gives for a value: its trailing comment, the comment lines above
// its key, or the comment of the field that holds it (a distribution's), else the list item's `note`.
// A variant is searched before the bases it extends, as the value it sets wins.
import { isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair } from "yaml";
import { itemKey } from "../../scenario/item-key.ts";
import { extendsChain } from "./extends-chain.ts";

/** A step into a scenario: a field name, or a list item by its key (id, pair) or position. */
export type LookupPart = string | { item: string | number };

export type CommentFinder = (parts: LookupPart[]) => string | undefined;

/** A finder over `file` and the files it extends; files that cannot be read or parsed are skipped. */
export function commentFinder(file: string): CommentFinder {
  const docs = extendsChain(file).map((c) => c.doc);
  return (parts) => {
    for (const doc of docs) {
      const found = commentIn(doc, parts);
      if (found) return found;
    }
    return undefined;
  };
}

function commentIn(doc: Document, parts: LookupPart[]): string | undefined {
  const pairs: Pair[] = [];
  let node: unknown = doc.contents;
  let item: Node | undefined;
  for (const part of parts) {
    if (typeof part === "string") {
      if (!isMap(node)) return undefined;
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === part);
      if (!pair) return undefined;
      pairs.push(pair as Pair);
      node = pair.value;
    } else {
      if (!isSeq(node)) return undefined;
      const found = node.items.find((x, k) => (typeof part.item === "number" ? k === part.item : itemKey(toPlain(x)) === part.item));
      if (!found) return undefined;
      pairs.length = 0; // comments of the enclosing list do not describe its items' fields
      item = found as Node;
      node = found;
    }
  }
  // A top-level section's own comment introduces the section, not each value in it.
  if (item === undefined) pairs.shift();
  for (const pair of pairs.reverse()) {
    const text = pairComment(pair);
    if (text) return text;
  }
  const note = isMap(item) ? item.get("note") : undefined;
  return typeof note === "string" ? note : undefined;
}

function pairComment(pair: Pair): string | undefined {
  const value = pair.value as Node | null;
  const key = pair.key as Node | null;
  const text = value?.comment ?? key?.commentBefore ?? value?.commentBefore;
  return text ? text.split("\n").map((l) => l.trim()).join(" ").trim() || undefined : undefined;
}

function toPlain(node: unknown): unknown {
  return node && typeof node === "object" && "toJSON" in node ? (node as { toJSON(): unknown }).toJSON() : node;
}
