// How an item of a scenario list is identified across files (extends) and across scenarios (compare):
// by its id; a relation pair by the actors it names (in either order unless directed); a sect-affinity
// pair by base and partner. Items with none of these have no key.
export function itemKey(item: unknown): string | undefined {
  if (!item || typeof item !== "object" || Array.isArray(item)) return undefined;
  const o = item as Record<string, unknown>;
  if (typeof o.id === "string") return o.id;
  if (Array.isArray(o.between)) return o.directed ? o.between.map(String).join(">") : o.between.map(String).sort().join("~");
  if (typeof o.base === "string" && typeof o.partner === "string") return `${o.base}>${o.partner}`;
  return undefined;
}

/** Whether every item of every list has a key, so the lists can be matched item by item. */
export function allKeyed(...lists: unknown[][]): boolean {
  return lists.every((list) => list.every((item) => itemKey(item) !== undefined));
}
