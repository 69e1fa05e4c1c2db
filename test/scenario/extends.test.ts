import { describe, expect, it } from "vitest";
import path from "node:path";
import { loadScenarioFile } from "../../src/scenario/load.ts";
import { ScenarioError } from "../../src/scenario/problems.ts";
import { fixture, scenarioFile } from "../helpers.ts";

function problems(file: string): string {
  try {
    loadScenarioFile(file);
  } catch (e) {
    if (e instanceof ScenarioError) return e.message;
    throw e;
  }
  throw new Error("expected problems");
}

describe("extends", () => {
  it("deep-merges a base: actors by id, relation pairs by the pair, other fields replaced", () => {
    const base = loadScenarioFile(fixture("pair.yaml")).spec;
    const child = loadScenarioFile(fixture("extends/child.yaml")).spec;
    expect(child.meta).toEqual({ ...base.meta, id: "child", title: "Child" });
    expect(child.actors.map((a) => a.id)).toEqual(["a", "b", "c", "d", "e"]);
    expect(child.actors[1]).toEqual({ ...base.actors[1], seats: 20 });
    expect(child.relations.pairs).toHaveLength(base.relations.pairs.length); // [b, a] replaced [a, b]
    expect(child.relations.pairs[0].value).toBe(0.4);
    expect(child.procedure).toEqual(base.procedure);
    expect("extends" in child).toBe(false);
  });

  it("ships variants that differ from the default only where they say", () => {
    const base = loadScenarioFile(scenarioFile("maliki-sadr-2024.yaml")).spec;
    const strong = loadScenarioFile(scenarioFile("sadr-returns-strong.yaml")).spec;
    expect(strong.actors.find((a) => a.id === "sadrists")!.seats).toEqual({ dist: "triangular", min: 60, mode: 75, max: 90 });
    expect({ ...strong, meta: base.meta, actors: base.actors }).toEqual(base);
    const drawdown = loadScenarioFile(scenarioFile("us-drawdown.yaml")).spec;
    expect(drawdown.relations.pairs.filter((p) => p.between.includes("sadrists") && p.between.includes("state_of_law"))).toHaveLength(1);
  });

  it("detects cycles and shows the chain", () => {
    expect(problems(fixture("extends/cycle-a.yaml"))).toMatch(/expected no cycle of extends, found .*cycle-a\.yaml → .*cycle-b\.yaml → .*cycle-a\.yaml/);
  });

  it("names a missing base with the line of `extends`", () => {
    expect(problems(fixture("extends/missing-base.yaml"))).toMatch(/missing-base\.yaml:2:10: extends: expected a readable base scenario, found none at .*no-such-base\.yaml/);
  });

  it("reports problems in the extending file at its own lines", () => {
    const text = problems(fixture("extends/bad-child.yaml"));
    expect(text).toContain(`${path.join("extends", "bad-child.yaml")}:4:13: actors[0].powr: unknown field 'powr' (did you mean 'power'?)`);
  });
});
