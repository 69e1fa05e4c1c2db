// Every numeric assumption of a scenario as a control: its `--set` path, a label a reader recognises,
// the range the format allows, whether it is a distribution's parameter, and its source comment.
import type { ScenarioSpec } from "../../scenario/schema/scenario.ts";
import { itemKey } from "../../scenario/item-key.ts";
import type { Control } from "../protocol.ts";
import type { CommentFinder, LookupPart } from "./comments.ts";
import { branchFor, childOf, descriptionOf, numberRange, scenarioSchema, type NumberRange, type SchemaNode } from "./schema-walk.ts";
import { labelFor } from "./labels.ts";
import { sliderRange } from "./slider-range.ts";

/** Definitions rather than assumptions: what is forecast, what is recorded, what happened. */
const NOT_ASSUMPTIONS = new Set(["$schema", "extends", "meta", "outcomes", "metrics", "observed", "issues"]);

interface Place {
  path: string[];
  lookup: LookupPart[];
  schema: SchemaNode | undefined;
  /** The range of the quantity a distribution belongs to. */
  quantity?: { range: NumberRange | undefined; description: string | undefined };
  dist?: string;
  /** Where the distribution's parameters start in `path`. */
  distDepth?: number;
}

export function controlsOf(spec: ScenarioSpec, comments: CommentFinder): Control[] {
  const out: Control[] = [];
  const top = branchFor(scenarioSchema(), spec);
  for (const [key, value] of Object.entries(spec)) {
    if (NOT_ASSUMPTIONS.has(key)) continue;
    visit(value, { path: [key], lookup: [key], schema: childOf(top, key) }, spec, comments, out);
  }
  // Uncertain assumptions first; otherwise the file's order.
  return out.map((c, k) => ({ c, k })).sort((x, y) => Number(y.c.uncertain) - Number(x.c.uncertain) || x.k - y.k).map((x) => x.c);
}

function visit(value: unknown, at: Place, spec: ScenarioSpec, comments: CommentFinder, out: Control[]): void {
  if (typeof value === "number") {
    out.push(control(value, at, spec, comments));
    return;
  }
  const branch = branchFor(at.schema, value);
  if (Array.isArray(value)) {
    value.forEach((item, k) => {
      const id = item && typeof item === "object" && typeof (item as { id?: unknown }).id === "string" ? (item as { id: string }).id : String(k);
      visit(item, { ...at, path: [...at.path, id], lookup: [...at.lookup, { item: itemKey(item) ?? k }], schema: childOf(branch, k) }, spec, comments, out);
    });
    return;
  }
  if (!value || typeof value !== "object") return;
  const dist = (value as { dist?: unknown }).dist;
  const inner = typeof dist === "string"
    ? { quantity: { range: numberRange(at.schema), description: descriptionOf(at.schema) }, dist, distDepth: at.path.length }
    : {};
  for (const [key, child] of Object.entries(value)) {
    if (key === "when") continue; // conditions define when something applies; they are not quantities
    visit(child, { ...at, ...inner, path: [...at.path, key], lookup: [...at.lookup, key], schema: childOf(branch, key) }, spec, comments, out);
  }
}

function control(value: number, at: Place, spec: ScenarioSpec, comments: CommentFinder): Control {
  const param = at.dist ? at.path[at.distDepth!] : undefined;
  const range = sliderRange(value, at.dist ? at.quantity?.range : numberRange(at.schema), param, spec.parliament.seats);
  const control: Control = {
    path: at.path.join("."),
    label: labelFor(at.path, spec),
    group: sectionName(at.path[0]),
    value,
    ...range,
    uncertain: at.dist !== undefined,
  };
  if (at.dist) control.dist = at.dist;
  const source = comments(at.lookup);
  if (source) control.source = source;
  const description = at.dist ? [at.quantity?.description, descriptionOf(at.schema)].filter(Boolean).join(" — ") : descriptionOf(at.schema);
  if (description) control.description = description;
  return control;
}

function sectionName(key: string): string {
  const words = key.replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}
