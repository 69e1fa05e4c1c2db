import { describe, expect, it } from "vitest";
import { writeFileSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadScenarioFile, parseScenarioText } from "../../src/scenario/load.ts";
import { ScenarioError, type Problem } from "../../src/scenario/problems.ts";
import { fixture, scenarioFile } from "../helpers.ts";
import { readFileSync } from "node:fs";

function problemsOf(load: () => unknown): Problem[] {
  try {
    load();
  } catch (e) {
    if (e instanceof ScenarioError) return e.problems;
    throw e;
  }
  throw new Error("expected the scenario to be rejected");
}

const message = (ps: Problem[]) => ps.map((p) => `${p.line}:${p.column} ${p.path.join(".")} ${p.message}`).join("\n");

describe("loading scenarios", () => {
  it("loads the shipped scenario with defaults filled in", () => {
    const loaded = loadScenarioFile(scenarioFile("maliki-sadr-2024.yaml"));
    expect(loaded.spec.actors.length).toBeGreaterThanOrEqual(14);
    expect(loaded.spec.model.temperature).toBe(0.05);
    expect(loaded.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("hashes assumptions, not formatting: comments and key order do not change the sha256", () => {
    const file = scenarioFile("maliki-sadr-2024.yaml");
    const text = readFileSync(file, "utf8");
    const a = parseScenarioText("a.yaml", text);
    const b = parseScenarioText("b.yaml", "# another comment\n" + text.replace(/ +# .*$/gm, ""));
    expect(b.sha256).toBe(a.sha256);
  });

  it("reports every problem at once with line, column, field, expected and found", () => {
    const ps = problemsOf(() => loadScenarioFile(fixture("bad/typos.yaml")));
    const text = message(ps);
    expect(ps).toHaveLength(6);
    expect(text).toContain("4:49 actors.0.powr unknown field 'powr' (did you mean 'power'?)");
    expect(text).toContain("5:31 actors.1.sect expected one of shia");
    expect(text).toContain("(did you mean 'sunni'?)");
    expect(text).toContain('actors.1.seats expected a number or a distribution ({dist: ...}) or \'rest\', found "forty"');
    expect(text).toContain("relations.pairs.0.value expected a number ≤ 1, found 1.5");
    expect(text).toContain("relations.pairs.0.between.1 expected an actor id, found 'betta' (did you mean 'beta'?)");
    expect(text).toContain("outcomes.0.when.governs expected an actor id, found 'alfa' (did you mean 'alpha'?)");
  });

  it("reports malformed YAML with its position", () => {
    const ps = problemsOf(() => loadScenarioFile(fixture("bad/malformed.yaml")));
    // The flow mapping opened on line 1 is found unclosed on line 2.
    expect(ps[0].line).toBeGreaterThanOrEqual(1);
    expect(ps[0].line).toBeLessThanOrEqual(2);
    expect(ps[0].message).toMatch(/^malformed YAML/);
  });

  it("rejects seats that can exceed the parliament and impossible thresholds", () => {
    const text = message(problemsOf(() => loadScenarioFile(fixture("bad/too-many-seats.yaml"))));
    expect(text).toContain("expected seats (at their largest possible values) to sum to at most the parliament's 100, found 110");
    expect(text).toContain("quorum.seats expected a quorum no larger than the parliament's 100 seats, found 120");
  });

  it("rejects __proto__ and constructor keys without polluting Object.prototype", () => {
    const text = message(problemsOf(() => loadScenarioFile(fixture("bad/proto.yaml"))));
    expect(text).toContain("reserved key '__proto__'");
    expect(text).toContain("reserved key 'constructor'");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("rejects YAML alias bombs quickly", () => {
    const started = performance.now();
    const ps = problemsOf(() => loadScenarioFile(fixture("bad/alias-bomb.yaml")));
    expect(ps[0].message).toMatch(/aliases/);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it("rejects enormous files before parsing them", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "bazaar-big-"));
    const file = path.join(dir, "big.yaml");
    writeFileSync(file, "notes: " + "x".repeat(3 * 1024 * 1024) + "\n");
    expect(message(problemsOf(() => loadScenarioFile(file)))).toMatch(/at most 2 MiB, found 3.0 MiB/);
  });

  it("rejects duplicate ids and a missing final `otherwise`", () => {
    const text = readFileSync(fixture("majority.yaml"), "utf8")
      .replace("id: mid,", "id: big,")
      .replace("- {id: other, label: Anything else, otherwise: true}", "- {id: other, label: Anything else, when: {government: none}}");
    const ps = message(problemsOf(() => parseScenarioText("dup.yaml", text)));
    expect(ps).toContain("expected the last outcome to be `otherwise: true`");
    // Schema problems come first; duplicate ids are found once the schema passes.
    const dup = message(problemsOf(() => parseScenarioText("dup.yaml", readFileSync(fixture("majority.yaml"), "utf8").replace("id: mid,", "id: big,"))));
    expect(dup).toContain("actors.1.id expected a unique actor id, found 'big' a second time");
  });

  it("checks distributions against the field's range", () => {
    const text = readFileSync(fixture("pair.yaml"), "utf8").replace("iran_pressure: 0.5", "iran_pressure: {dist: uniform, min: 0.5, max: 1.5}");
    expect(message(problemsOf(() => parseScenarioText("dist.yaml", text)))).toContain("expected a distribution within [0, 1], found one over [0.5, 1.5]");
  });
});
