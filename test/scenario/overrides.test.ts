import { describe, expect, it } from "vitest";
import { loadScenarioFile } from "../../src/scenario/load.ts";
import { parseOverride } from "../../src/scenario/overrides.ts";
import { UserError } from "../../src/scenario/problems.ts";
import { scenarioFile } from "../helpers.ts";

const FILE = scenarioFile("maliki-sadr-2024.yaml");
const load = (...sets: string[]) => loadScenarioFile(FILE, sets);
const failure = (...sets: string[]) => {
  try {
    load(...sets);
  } catch (e) {
    if (e instanceof UserError) return e.message;
    throw e;
  }
  throw new Error("expected the override to be refused");
};

describe("--set", () => {
  it("addresses list items by id, parses values as YAML, and changes the hash", () => {
    const base = load();
    const edited = load("actors.sadrists.seats=73", "drivers.iran_pressure={dist: beta, a: 2, b: 2}", "model.temperature=0.1");
    const sadrists = edited.spec.actors.find((a) => a.id === "sadrists")!;
    expect(sadrists.seats).toBe(73);
    expect(edited.spec.drivers.iran_pressure).toEqual({ dist: "beta", a: 2, b: 2 });
    expect(edited.spec.model.temperature).toBe(0.1);
    expect(edited.sha256).not.toBe(base.sha256);
    expect(edited.overrides).toEqual(["actors.sadrists.seats=73", "drivers.iran_pressure={dist: beta, a: 2, b: 2}", "model.temperature=0.1"]);
    expect(base.spec.actors.find((a) => a.id === "sadrists")!.seats).not.toBe(73); // the original is untouched
  });

  it("addresses items without ids by position", () => {
    expect(load("relations.pairs.0.value=-0.5").spec.relations.pairs[0].value).toBe(-0.5);
  });

  it("refuses paths that do not exist, with the nearest name", () => {
    expect(failure("actors.sadrist.seats=73")).toBe("--set actors.sadrist.seats=73: actors has no 'sadrist' (did you mean 'sadrists'?)");
    expect(failure("actors.sadrists.powr=0.3")).toBe("--set actors.sadrists.powr=0.3: actors.sadrists has no 'powr' (did you mean 'power'?)");
    expect(failure("drivers.iran_presure=0.5")).toBe("--set drivers.iran_presure=0.5: drivers has no 'iran_presure' (did you mean 'iran_pressure'?)");
    expect(load("actors.kdp.bloc=cf").spec.actors.find((a) => a.id === "kdp")!.bloc).toBe("cf"); // a field the file left out
    expect(failure("nowhere.x=1")).toMatch(/has no 'nowhere'/);
  });

  it("refuses prototype keys anywhere in the path", () => {
    for (const bad of ["__proto__.polluted=1", "actors.constructor.x=1", "meta.prototype=1"]) {
      expect(failure(bad)).toMatch(/is not a scenario field/);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("re-validates and names the override that broke the scenario", () => {
    expect(failure("drivers.iran_pressure=1.5")).toBe("--set drivers.iran_pressure=1.5: drivers.iran_pressure: expected a number ≤ 1, found 1.5");
    expect(failure("actors.sadrists.seats=400")).toMatch(/sum to at most the parliament's 329/);
  });

  it("parses the value as YAML", () => {
    expect(parseOverride("a.b=[1, 2]").value).toEqual([1, 2]);
    expect(parseOverride("a.b=text").value).toBe("text");
    expect(() => parseOverride("a.b={unclosed")).toThrow(/expected a YAML value/);
    expect(() => parseOverride("justapath")).toThrow(/expected path=value/);
  });
});
