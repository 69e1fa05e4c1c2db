import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { scenarioJsonSchema } from "../../src/scenario/json-schema.ts";
import { toJson } from "../../src/runner/runset.ts";
import { ROOT } from "../helpers.ts";

/** Every property schema anywhere in the document, with its path. */
function properties(node: unknown, at = "#"): [string, Record<string, unknown>][] {
  if (!node || typeof node !== "object") return [];
  const out: [string, Record<string, unknown>][] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === "properties" && value && typeof value === "object") {
      for (const [name, schema] of Object.entries(value)) out.push([`${at}/${name}`, schema as Record<string, unknown>]);
    }
    out.push(...properties(value, `${at}/${key}`));
  }
  return out;
}

describe("bazaar schema", () => {
  const schema = scenarioJsonSchema();

  it("is JSON Schema draft-07", () => {
    expect(schema.$schema).toBe("http://json-schema.org/draft-07/schema#");
  });

  it("describes every field", () => {
    const undescribed = properties(schema).filter(([, s]) => typeof s.description !== "string" && !s.$ref);
    expect(undescribed.map(([p]) => p)).toEqual([]);
    expect(properties(schema).length).toBeGreaterThan(100);
  });

  it("forbids unknown fields on the top level", () => {
    expect(schema.additionalProperties).toBe(false);
  });

  it("is what docs/scenario.schema.json holds (run `npm run schema` after changing the format)", () => {
    expect(readFileSync(path.join(ROOT, "docs", "scenario.schema.json"), "utf8")).toBe(toJson(schema));
  });
});
