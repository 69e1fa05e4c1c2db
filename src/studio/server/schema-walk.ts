// Following a scenario value down the JSON Schema of the format (`bazaar schema`), to learn each
// number's allowed range and what the field means.
import { scenarioJsonSchema } from "../../scenario/json-schema.ts";

export type SchemaNode = Record<string, unknown>;

export interface NumberRange {
  min?: number;
  max?: number;
  integer: boolean;
}

let root: SchemaNode | undefined;

export function scenarioSchema(): SchemaNode {
  root ??= scenarioJsonSchema();
  return root;
}

function deref(node: SchemaNode): SchemaNode {
  const ref = node.$ref;
  if (typeof ref !== "string") return node;
  const name = ref.replace("#/definitions/", "");
  return ((scenarioSchema().definitions as Record<string, SchemaNode>)[name] ?? {}) as SchemaNode;
}

function alternatives(node: SchemaNode): SchemaNode[] {
  return [...((node.anyOf as SchemaNode[]) ?? []), ...((node.oneOf as SchemaNode[]) ?? [])].map(deref);
}

/** The branch of `node` that describes `value` (through anyOf / oneOf, a distribution by its `dist`). */
export function branchFor(node: SchemaNode | undefined, value: unknown): SchemaNode | undefined {
  if (!node) return undefined;
  const n = deref(node);
  const options = alternatives(n);
  if (options.length === 0) return n;
  const fits = options.find((o) => fitsValue(o, value));
  return fits ? branchFor(fits, value) : undefined;
}

function fitsValue(node: SchemaNode, value: unknown): boolean {
  const options = alternatives(node);
  if (options.length > 0) return options.some((o) => fitsValue(o, value));
  const type = node.type;
  if (typeof value === "number") return type === "number" || type === "integer";
  if (Array.isArray(value)) return type === "array";
  if (value && typeof value === "object") {
    if (type !== "object") return false;
    const dist = (node.properties as Record<string, SchemaNode> | undefined)?.dist?.const;
    return dist === undefined || dist === (value as { dist?: unknown }).dist;
  }
  return type === typeof value;
}

/** The schema of a field of an object, or of an item of a list. */
export function childOf(branch: SchemaNode | undefined, key: string | number): SchemaNode | undefined {
  if (!branch) return undefined;
  if (typeof key === "number") {
    const items = branch.items;
    return Array.isArray(items) ? (items[key] as SchemaNode) : (items as SchemaNode | undefined);
  }
  const properties = branch.properties as Record<string, SchemaNode> | undefined;
  if (properties && Object.hasOwn(properties, key)) return properties[key];
  return typeof branch.additionalProperties === "object" ? (branch.additionalProperties as SchemaNode) : undefined;
}

/** The plain-number range a field allows (a quantity's number branch), if it takes numbers. */
export function numberRange(node: SchemaNode | undefined): NumberRange | undefined {
  if (!node) return undefined;
  const n = deref(node);
  if (n.type === "number" || n.type === "integer") {
    const min = (n.minimum ?? n.exclusiveMinimum) as number | undefined;
    const max = (n.maximum ?? n.exclusiveMaximum) as number | undefined;
    return { min, max, integer: n.type === "integer" };
  }
  for (const option of alternatives(n)) {
    const range = numberRange(option);
    if (range) return range;
  }
  return undefined;
}

export function descriptionOf(node: SchemaNode | undefined): string | undefined {
  if (!node) return undefined;
  const n = deref(node);
  if (typeof n.description === "string") return n.description;
  for (const option of alternatives(n)) {
    const text = descriptionOf(option);
    if (text) return text;
  }
  return undefined;
}
