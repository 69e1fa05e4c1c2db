// Fuzzing the loader and the `--set` parser with random mutations of every shipped scenario.
// Property: loading either gives a valid scenario (which then compiles and runs) or throws a
// UserError listing problems; never any other exception, never a polluted Object.prototype, and
// always within a time bound. `npm test` runs a short fuzz; `npm run fuzz` a long one
// (BAZAAR_FUZZ_RUNS cases per property).
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse, stringify } from "yaml";
import { loadScenarioText, type LoadedScenario } from "../../src/scenario/load.ts";
import { UserError } from "../../src/scenario/problems.ts";
import { compileModel } from "../../src/model/compile.ts";
import { runBatch } from "../../src/runner/batch.ts";
import { ROOT } from "../helpers.ts";

const RUNS = Number(process.env.BAZAAR_FUZZ_RUNS ?? 150);
/** A generous bound: a case that takes longer is a hang or an exponential blow-up, not slowness. */
const TIME_BOUND_MS = 5000;
const SEED = Number(process.env.BAZAAR_FUZZ_SEED ?? 20261123);

const SCENARIOS = readdirSync(path.join(ROOT, "scenarios")).filter((f) => f.endsWith(".yaml")).sort()
  .map((name) => ({ file: path.join(ROOT, "scenarios", name), text: readFileSync(path.join(ROOT, "scenarios", name), "utf8") }));

const SNIPPETS = [
  "__proto__: {polluted: true}", "constructor: {prototype: {polluted: true}}", "prototype: 1", "a: &x [*x]", "<<: *x",
  "!!js/function 'f'", "- ", "? complex", "%YAML 1.2", "---", "...", "x: 1e999", "x: .nan", "x: -.inf", "x: ~",
  "x: 0x1F", "x: !!binary aGVsbG8=", "x: '", "x: \"\\u0000\"", "extends: maliki-sadr-2024.yaml", "extends: ../../etc/passwd",
  "extends: fuzz.yaml", "{", "]", "\t", "x: " + "[".repeat(200), "seats: -1", "seats: rest", "dist: beta",
];
const CHARS = [":", "-", "[", "]", "{", "}", "*", "&", "!", "\"", "'", "#", "\n", " ", "\t", "0", "9", ".", "e", "_", "|", ">", ",", "?"];

type Mutation = (text: string) => string;
const lines = (t: string) => t.split("\n");
const at = (n: number, k: number) => (n === 0 ? 0 : k % n);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.nat().map((k): Mutation => (t) => lines(t).filter((_, i, all) => i !== at(all.length, k)).join("\n")),
  fc.nat().map((k): Mutation => (t) => lines(t).flatMap((l, i, all) => (i === at(all.length, k) ? [l, l] : [l])).join("\n")),
  fc.tuple(fc.nat(), fc.nat()).map(([a, b]): Mutation => (t) => {
    const ls = lines(t);
    const [i, j] = [at(ls.length, a), at(ls.length, b)];
    [ls[i], ls[j]] = [ls[j], ls[i]];
    return ls.join("\n");
  }),
  fc.tuple(fc.nat(), fc.constantFrom(...CHARS)).map(([k, c]): Mutation => (t) => {
    const i = at(t.length, k);
    return t.slice(0, i) + c + t.slice(i + 1);
  }),
  fc.tuple(fc.nat(), fc.constantFrom(...SNIPPETS), fc.nat(8)).map(([k, snippet, indent]): Mutation => (t) => {
    const ls = lines(t);
    ls.splice(at(ls.length + 1, k), 0, " ".repeat(indent) + snippet);
    return ls.join("\n");
  }),
  fc.nat().map((k): Mutation => (t) => t.slice(0, at(t.length, k))),
  fc.tuple(fc.nat(), fc.oneof(fc.double(), fc.integer(), fc.constantFrom("1e308", "-0", "0.0000001", "99999999999"))).map(([k, n]): Mutation => (t) => {
    let seen = 0;
    const numbers = t.match(/-?\d+(\.\d+)?/g)?.length ?? 0;
    const target = at(numbers, k);
    return t.replace(/-?\d+(\.\d+)?/g, (m) => (seen++ === target ? String(n) : m));
  }),
);

/** A structural mutation: a random path in the parsed scenario set to a random value, or deleted. */
const edit = fc.tuple(fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), fc.oneof(fc.jsonValue(), fc.constant(undefined), fc.constant({ ["__proto__"]: { polluted: true } })));

function mutateStructure(text: string, [walk, value]: [number[], unknown]): string {
  const data = parse(text) as Record<string, unknown>;
  let node: unknown = data;
  for (let d = 0; d < walk.length - 1; d++) {
    if (!node || typeof node !== "object") break;
    const keys = Object.keys(node);
    if (keys.length === 0) break;
    const next = (node as Record<string, unknown>)[keys[at(keys.length, walk[d])]];
    if (!next || typeof next !== "object") break;
    node = next;
  }
  if (node && typeof node === "object") {
    const keys = Object.keys(node);
    const key = keys.length > 0 ? keys[at(keys.length, walk[walk.length - 1])] : "extra";
    if (value === undefined) delete (node as Record<string, unknown>)[key];
    else Object.defineProperty(node, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return stringify(data);
}

const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort().join(",");

/** How many fuzz cases loaded as valid scenarios and how many were refused, per property. */
const tally = { valid: 0, refused: 0 };

/** Asserts that the last property reached both the engine and the error path, then resets the tally. */
function expectBothPaths(): void {
  expect(tally.valid, "cases that loaded and ran").toBeGreaterThan(0);
  expect(tally.refused, "cases refused with a UserError").toBeGreaterThan(0);
  tally.valid = tally.refused = 0;
}

/** Loads `text` as if it were `file`; asserts the property; returns the scenario when valid. */
function loadsCleanly(file: string, text: string, overrides: string[] = []): LoadedScenario | undefined {
  const t0 = performance.now();
  let loaded: LoadedScenario | undefined;
  try {
    loaded = loadScenarioText(file, text, overrides);
  } catch (e) {
    if (!(e instanceof UserError)) throw new Error(`the loader threw ${(e as Error)?.constructor?.name}: ${(e as Error)?.message}\n--- input ---\n${text.slice(0, 2000)}`);
    expect(e.message.length).toBeGreaterThan(0);
    expect(e.message).not.toMatch(/\n\s+at .+:\d+:\d+/);
  }
  expect(Object.getOwnPropertyNames(Object.prototype).sort().join(",")).toBe(PROTOTYPE_KEYS);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(performance.now() - t0).toBeLessThan(TIME_BOUND_MS);
  tally[loaded ? "valid" : "refused"]++;
  return loaded;
}

/** A scenario the loader accepts must also compile and run: validation is the engine's only guard. */
function runsCleanly(loaded: LoadedScenario): void {
  const model = compileModel(loaded.spec);
  const aggregate = runBatch(model, { seed: 1, runs: 3 });
  expect(aggregate.runs).toBe(3);
  expect(aggregate.outcomes.reduce((a, b) => a + b, 0)).toBe(3);
}

describe(`fuzzing the loader (${RUNS} cases per property, seed ${SEED})`, () => {
  it("text mutations of every shipped scenario load or fail with a UserError, never anything else", () => {
    fc.assert(
      fc.property(fc.constantFrom(...SCENARIOS), fc.array(mutation, { minLength: 1, maxLength: 4 }), (scenario, mutations) => {
        const text = mutations.reduce((t, m) => m(t), scenario.text);
        const loaded = loadsCleanly(scenario.file, text);
        if (loaded) runsCleanly(loaded);
      }),
      { numRuns: RUNS, seed: SEED },
    );
    expectBothPaths();
  }, 600_000);

  it("structural mutations (a field set to any JSON value, or deleted) load or fail with a UserError", () => {
    fc.assert(
      fc.property(fc.constantFrom(...SCENARIOS), fc.array(edit, { minLength: 1, maxLength: 3 }), (scenario, edits) => {
        const text = edits.reduce((t, e) => mutateStructure(t, e), scenario.text);
        const loaded = loadsCleanly(scenario.file, text);
        if (loaded) runsCleanly(loaded);
      }),
      { numRuns: RUNS, seed: SEED },
    );
    expectBothPaths();
  }, 600_000);
});

const PATH_PARTS = ["actors", "sadrists", "state_of_law", "seats", "power", "iran_alignment", "relations", "pairs", "0", "1", "99", "value",
  "drivers", "iran_pressure", "model", "temperature", "rounds", "max", "events", "outcomes", "procedure", "steps", "meta", "id",
  "__proto__", "constructor", "prototype", "", "dist", "a", "b", "campaign", "regions"];

describe(`fuzzing --set (${RUNS} cases, seed ${SEED})`, () => {
  it("random paths and values override or fail with a UserError, never anything else", () => {
    const part = fc.oneof(fc.constantFrom(...PATH_PARTS), fc.string({ maxLength: 6 }));
    const value = fc.oneof(
      fc.double().map(String), fc.integer().map(String), fc.string({ maxLength: 12 }),
      fc.constantFrom("{dist: beta, a: 2, b: 3}", "{dist: normal, mean: 0.5, sd: 0.1}", "[1, 2]", "{__proto__: {polluted: 1}}", "*x", "&a 1", "{", "~", ".inf", "rest"),
    );
    const known = fc.constantFrom("model.temperature", "model.opposition_value", "model.power_scale", "rounds.max", "rounds.stability");
    const number = fc.oneof(fc.double({ min: -2, max: 20, noNaN: true }), fc.integer({ min: -5, max: 50 })).map(String);
    const override = fc.oneof(
      fc.tuple(fc.array(part, { minLength: 1, maxLength: 4 }), value).map(([p, v]) => `${p.join(".")}=${v}`),
      fc.tuple(known, fc.oneof(number, value)).map(([p, v]) => `${p}=${v}`),
    );
    fc.assert(
      fc.property(fc.constantFrom(...SCENARIOS), fc.array(override, { minLength: 1, maxLength: 3 }), (scenario, overrides) => {
        const loaded = loadsCleanly(scenario.file, scenario.text, overrides);
        if (loaded) runsCleanly(loaded);
      }),
      { numRuns: RUNS, seed: SEED },
    );
    expectBothPaths();
  }, 600_000);
});
