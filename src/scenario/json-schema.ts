// `bazaar schema`: the scenario format as JSON Schema draft-07, generated from the zod schema.
import * as z from "zod";
import { Scenario } from "./schema/scenario.ts";

export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(Scenario, { target: "draft-07", io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  return { ...schema, title: "bazaar scenario", $id: "https://bazaar.invalid/scenario.schema.json" };
}

let fieldNames: Set<string> | undefined;

/** Every property name anywhere in the format, for "did you mean" on unknown fields. */
export function knownFieldNames(): Set<string> {
  if (fieldNames) return fieldNames;
  const names = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== "object") return;
    for (const [key, value] of Object.entries(node)) {
      if (key === "properties" && value && typeof value === "object") Object.keys(value).forEach((k) => names.add(k));
      walk(value);
    }
  };
  walk(scenarioJsonSchema());
  fieldNames = names;
  return names;
}
