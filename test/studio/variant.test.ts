// Controls and saved variants: every control is a valid `--set` path, and a saved variant loads as
// exactly the scenario its overrides give, while holding only what changed.
import { describe, expect, it } from "vitest";
import { copyFileSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "yaml";
import { loadScenarioFile, withOverrides } from "../../src/scenario/load.ts";
import { parseOverride } from "../../src/scenario/overrides.ts";
import { controlsOf } from "../../src/studio/server/controls.ts";
import { commentFinder } from "../../src/studio/server/comments.ts";
import { variantYaml } from "../../src/studio/server/variant.ts";
import { fixture, scenarioFile } from "../helpers.ts";

function folderWith(...files: string[]): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "bazaar-studio-variant-"));
  for (const f of files) copyFileSync(f, path.join(dir, path.basename(f)));
  return dir;
}

/** Saves the variant as the studio does, loads it back, and returns its YAML as data. */
function roundTrip(base: string, overrides: string[]): Record<string, unknown> {
  const edited = loadScenarioFile(base, overrides);
  const file = path.join(path.dirname(base), "variant.yaml");
  writeFileSync(file, variantYaml(base, file, edited, overrides));
  const reloaded = loadScenarioFile(file);
  expect(reloaded.spec).toEqual(edited.spec);
  expect(reloaded.sha256).toBe(edited.sha256);
  return parse(variantYaml(base, file, edited, overrides));
}

describe("saved variants", () => {
  const dir = folderWith(scenarioFile("maliki-sadr-2024.yaml"), scenarioFile("us-drawdown.yaml"), fixture("pair.yaml"));
  const maliki = path.join(dir, "maliki-sadr-2024.yaml");

  it("hold only the changed fields, list items named by id or pair, and load as the overridden scenario", () => {
    const data = roundTrip(maliki, ["actors.sadrists.seats.mode=50", "relations.pairs.0.value.max=0.2", "drivers.us_pressure=0.3", "actors.kdp.power=0.4"]);
    expect(data).toEqual({
      extends: "maliki-sadr-2024.yaml",
      actors: [{ id: "sadrists", seats: { mode: 50 } }, { id: "kdp", power: 0.4 }],
      relations: { pairs: [{ between: ["state_of_law", "sadrists"], value: { max: 0.2 } }] },
      drivers: { us_pressure: 0.3 },
    });
  });

  it("write a whole list where extends cannot merge item by item, and a defaulted distribution whole", () => {
    const data = roundTrip(maliki, ["events.maliki_overture.effects.0.relation.shift=0.1", "model.delay_cost.min=0.02", "model.temperature=0.1"]);
    expect((data.events as { effects: unknown[] }[])[0].effects).toHaveLength(1);
    expect(data.model).toEqual({ delay_cost: { dist: "uniform", min: 0.02, max: 0.1 }, temperature: 0.1 });
  });

  it("extend a base that itself extends another", () => {
    const data = roundTrip(path.join(dir, "us-drawdown.yaml"), ["drivers.iran_pressure.a=9", "actors.sadrists.seats.max=90"]);
    expect(data.extends).toBe("us-drawdown.yaml");
    expect(data.drivers).toEqual({ iran_pressure: { a: 9 } });
  });

  it("save every control of a scenario moved at once", () => {
    const base = path.join(dir, "pair.yaml");
    const controls = controlsOf(loadScenarioFile(base).spec, commentFinder(base));
    const moved = controls.map((c) => `${c.path}=${c.path === "parliament.seats" ? c.value + 10 : c.integer ? c.value + 1 : Math.round((c.value + (c.max - c.value) / 2) * 1000) / 1000}`);
    roundTrip(base, moved);
  });
});

describe("controls", () => {
  const file = scenarioFile("maliki-sadr-2024.yaml");
  const loaded = loadScenarioFile(file);
  const controls = controlsOf(loaded.spec, commentFinder(file));
  const byPath = new Map(controls.map((c) => [c.path, c]));

  it("cover every number of every assumption section, uncertain ones first", () => {
    expect(controls.length).toBeGreaterThan(200);
    const firstCertain = controls.findIndex((c) => !c.uncertain);
    expect(controls.slice(firstCertain).some((c) => c.uncertain)).toBe(false);
    for (const p of ["actors.sadrists.seats.mode", "actors.state_of_law.seats", "relations.pairs.0.value.min", "events.sadr_silence.probability", "drivers.iran_pressure.a", "model.temperature", "procedure.steps.cabinet.pass.seats", "sect_affinity.pairs.0.value"]) {
      expect(byPath.has(p), p).toBe(true);
    }
    expect(controls.some((c) => /^(meta|outcomes|metrics)\./.test(c.path) || c.path.includes(".when."))).toBe(false);
  });

  it("are valid --set paths whose value is the scenario's own, inside the slider's range", () => {
    const unchanged = withOverrides(loaded, controls.map((c) => parseOverride(`${c.path}=${c.value}`)));
    expect(unchanged.sha256).toBe(loaded.sha256);
    for (const c of controls) {
      expect(c.min <= c.value && c.value <= c.max && c.step > 0, c.path).toBe(true);
      expect(c.label.length, c.path).toBeGreaterThan(3);
    }
  });

  it("carry labels in the scenario's words and the file's source comments", () => {
    const mode = byPath.get("actors.sadrists.seats.mode")!;
    expect(mode).toMatchObject({ label: "Sadrist Movement · seats · mode", uncertain: true, dist: "triangular", integer: true, min: 0, max: 329 });
    expect(mode.source).toMatch(/^73 in 2021 \[IHEC21\]/);
    expect(byPath.get("actors.state_of_law.seats")!.source).toBe("[IHEC21]");
    expect(byPath.get("relations.pairs.1.value")!).toMatchObject({ label: "Relation state_of_law – badr · value", min: -1, max: 1 });
    expect(byPath.get("relations.pairs.1.value")!.source).toMatch(/same conservative camp on Gaza/);
    expect(byPath.get("events.maliki_overture.effects.0.relation.shift")!.source).toMatch(/one overture moves little/);
    expect(byPath.get("model.temperature")!.source).toBeUndefined();
    expect(byPath.get("model.temperature")!.description).toMatch(/Logit choice temperature/);
  });

  it("take a variant's comment over its base's for what the variant sets", () => {
    const variant = scenarioFile("us-drawdown.yaml");
    const own = controlsOf(loadScenarioFile(variant).spec, commentFinder(variant));
    const find = (p: string) => own.find((c) => c.path === p)!;
    expect(find("drivers.iran_pressure.a").source).toMatch(/Tehran's hand is freer/);
    expect(find("actors.state_of_law.seats").source).toBe("[IHEC21]");
  });
});
