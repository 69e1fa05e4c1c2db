// SPEC §7 for every command: each bad input exits 2 with one pointed message (file:line:column where
// there is a file, the field, expected vs found), never a stack trace, and leaves no output behind.
// Runs the CLI in-process (the same runCli that bin/bazaar.js calls) so the battery stays fast;
// hostile.e2e.test.ts spawns the real program for one case per command.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { LIMITS } from "../../src/scenario/limits.ts";
import { runCli } from "../../src/cli/program.ts";
import type { Io } from "../../src/cli/io.ts";
import { cli, fixture, scenarioFile } from "../helpers.ts";

const STACK_TRACE = /\n\s+at .+:\d+:\d+/;

const root = mkdtempSync(path.join(os.tmpdir(), "bazaar-hostile-"));
const at = (...parts: string[]) => path.join(root, ...parts);
const PAIR = readFileSync(fixture("pair.yaml"), "utf8");
/** An output folder that every bad case must leave absent. */
const NEVER = at("never");

/** Bad scenario files written for the battery: name → text. */
const BAD_SCENARIOS: Record<string, string> = {
  "empty.yaml": "",
  "binary.yaml": "\u0000\u0001\u0002\uFFFD\u0007garbage",
  "list.yaml": "- just\n- a list\n",
  "duplicate-ids.yaml": PAIR.replace("{id: b, name: B", "{id: a, name: B"),
  "unknown-ref.yaml": PAIR.replace("when: {together: [a, b]}", "when: {together: [a, zz]}"),
  "infinite-seats.yaml": PAIR.replace("seats: 30,", "seats: .inf,"),
  "negative-seats.yaml": PAIR.replace("seats: 30,", "seats: -30,"),
  "impossible-threshold.yaml": PAIR.replace("pass: {seats: 51}", "pass: {seats: 500}"),
  "rounds-over-limit.yaml": PAIR.replace("rounds: {max: 8", `rounds: {max: ${LIMITS.rounds + 1}`),
  "escaping-id.yaml": PAIR.replace("meta: {id: pair", "meta: {id: ../../etc/pair"),
  "deep.yaml": PAIR + "notes: " + "[".repeat(LIMITS.depth + 10) + "]".repeat(LIMITS.depth + 10) + "\n",
  "huge.yaml": PAIR + "# " + "x".repeat(LIMITS.fileBytes) + "\n",
  "unknown-tag.yaml": PAIR.replace("parliament: {seats: 100}", "parliament: {seats: !money 100}"),
  "duplicate-key.yaml": PAIR.replace("parliament: {seats: 100}", "parliament: {seats: 100}\nparliament: {seats: 200}"),
  "proto.json": JSON.stringify({ meta: { id: "p", title: "P", question: "Q?", as_of: "2024-01-01" }, constructor: { prototype: { polluted: true } } }),
  "too-many-actors.yaml": PAIR.replace(
    "actors:\n",
    "actors:\n" + Array.from({ length: LIMITS.actors }, (_, k) => `  - {id: x${k}, name: X${k}, sect: other, seats: 0}\n`).join(""),
  ),
};

/** Bad scenarios every scenario-reading command is tried with: [file, what the message must say]. */
const scenarioCases = (): [string, RegExp][] => [
  [fixture("bad/malformed.yaml"), /malformed\.yaml:2:1: malformed YAML/],
  [fixture("bad/typos.yaml"), /typos\.yaml:4:49: actors\[0\]\.powr: unknown field 'powr' \(did you mean 'power'\?\)/],
  [fixture("bad/too-many-seats.yaml"), /too-many-seats\.yaml:\d+:\d+: .*to sum to at most the parliament's 100, found 110/],
  [fixture("bad/proto.yaml"), /proto\.yaml:3:1: .*reserved key '__proto__'/],
  [fixture("bad/alias-bomb.yaml"), /alias-bomb\.yaml:1:1: expected YAML without excessive aliases/],
  [fixture("extends/cycle-a.yaml"), /expected no cycle of extends/],
  [fixture("extends/missing-base.yaml"), /missing-base\.yaml:\d+:\d+: extends: expected a readable base scenario/],
  [at("missing.yaml"), /missing\.yaml: cannot read the file: no such file/],
  [root, /expected a scenario file, found a directory/],
  [at("empty.yaml"), /empty\.yaml:1:1: expected a mapping, found null/],
  [at("binary.yaml"), /binary\.yaml:1:1: expected a mapping, found "\\u0000/],
  [at("list.yaml"), /list\.yaml:1:1: expected a mapping, found a list of 2/],
  [at("duplicate-ids.yaml"), /duplicate-ids\.yaml:6:10: actors\[1\]\.id: expected a unique actor id, found 'a' a second time/],
  [at("unknown-ref.yaml"), /unknown-ref\.yaml:\d+:\d+: outcomes\[0\]\.when\.together\[1\]: .*'zz'/],
  [at("infinite-seats.yaml"), /infinite-seats\.yaml:5:41: actors\[0\]\.seats: expected a number .*found Infinity/],
  [at("negative-seats.yaml"), /negative-seats\.yaml:5:\d+: actors\[0\]\.seats: expected .*≥ 0, found -30/],
  [at("impossible-threshold.yaml"), /impossible-threshold\.yaml:28:60: procedure\.steps\[0\]\.pass\.seats: expected a pass threshold no larger than the parliament's 100 seats, found 500/],
  [at("rounds-over-limit.yaml"), new RegExp(`rounds-over-limit\\.yaml:\\d+:\\d+: rounds\\.max: expected a number ≤ ${LIMITS.rounds}, found ${LIMITS.rounds + 1}`)],
  [at("escaping-id.yaml"), /escaping-id\.yaml:2:\d+: meta\.id: expected an id/],
  [at("deep.yaml"), new RegExp(`deep\\.yaml:\\d+:\\d+: expected nesting at most ${LIMITS.depth} levels deep`)],
  [at("huge.yaml"), /huge\.yaml: expected a scenario file of at most 2 MiB, found 2\.0 MiB/],
  [at("unknown-tag.yaml"), /unknown-tag\.yaml:3:21: malformed YAML: Unresolved tag: !money/],
  [at("duplicate-key.yaml"), /duplicate-key\.yaml:\d+:\d+: malformed YAML: Map keys must be unique/],
  [at("proto.json"), /proto\.json:1:\d+: .*reserved key 'constructor'/],
  [at("too-many-actors.yaml"), new RegExp(`too-many-actors\\.yaml:5:3: actors: expected a list with length ≤ ${LIMITS.actors}, found ${LIMITS.actors + 4} items`)],
];

let goodRunSet = "";
const RECORDS_BATCH = ["run", fixture("pair.yaml"), "--runs", "200", "--chunk-size", "50", "--workers", "1", "--records"];
let shards: string[] = [];

beforeAll(async () => {
  for (const [name, text] of Object.entries(BAD_SCENARIOS)) writeFileSync(at(name), text);
  goodRunSet = at("good");
  expect((await cli(["run", fixture("pair.yaml"), "--runs", "200", "--workers", "1", "--out", goodRunSet])).code).toBe(0);
  expect((await cli([...RECORDS_BATCH, "--out", at("good-records")])).code).toBe(0);
  shards = [1, 2, 3].map((k) => at(`shard${k}`));
  for (const [k, dir] of shards.entries()) {
    expect((await cli(["run", fixture("pair.yaml"), "--runs", "300", "--chunk-size", "100", "--shard", `${k + 1}/3`, "--workers", "1", "--out", dir])).code).toBe(0);
  }
  const other = at("other-seed-shard2");
  expect((await cli(["run", fixture("pair.yaml"), "--runs", "300", "--chunk-size", "100", "--seed", "9", "--shard", "2/3", "--workers", "1", "--out", other])).code).toBe(0);
  tamperedCopies();
}, 60_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Run sets broken in the ways a disk, an editor or a stranger breaks them. */
function tamperedCopies(): void {
  const copy = (name: string, edit: (dir: string) => void, from = goodRunSet) => {
    const dir = at(name);
    cpSync(from, dir, { recursive: true });
    edit(dir);
  };
  const manifest = (dir: string) => path.join(dir, "manifest.json");
  const editManifest = (dir: string, edit: (m: Record<string, any>) => void) => {
    const m = JSON.parse(readFileSync(manifest(dir), "utf8"));
    edit(m);
    writeFileSync(manifest(dir), JSON.stringify(m));
  };
  copy("edited-summary", (d) => writeFileSync(path.join(d, "summary.json"), readFileSync(path.join(d, "summary.json"), "utf8").replace(/"count": \d+/, '"count": 1')));
  copy("truncated-summary", (d) => writeFileSync(path.join(d, "summary.json"), readFileSync(path.join(d, "summary.json"), "utf8").slice(0, 50)));
  copy("no-manifest", (d) => rmSync(manifest(d)));
  copy("manifest-not-json", (d) => writeFileSync(manifest(d), "{"));
  copy("manifest-null", (d) => writeFileSync(manifest(d), "null"));
  copy("manifest-other-tool", (d) => editManifest(d, (m) => (m.tool = "other")));
  copy("manifest-bad-scenario", (d) => editManifest(d, (m) => (m.scenario.resolved.actors = "none")));
  copy("manifest-is-folder", (d) => {
    rmSync(manifest(d));
    mkdirSync(manifest(d));
  });
  copy("checkpoint-edited", (d) => writeFileSync(path.join(d, "checkpoint.json"), readFileSync(path.join(d, "checkpoint.json"), "utf8").replace('"seed":1', '"seed":2')));
  copy("shard2-tampered", (d) => writeFileSync(path.join(d, "checkpoint.json"), readFileSync(path.join(d, "checkpoint.json"), "utf8").replace(/"runs_done":\d+/, '"runs_done":7')), shards[1]);
  copy("interrupted-short-records", (d) => {
    // What a killed batch leaves (records still .partial, no manifest), with records shorter than the checkpoint says.
    for (const name of ["manifest.json", "summary.json"]) rmSync(path.join(d, name));
    for (const name of ["runs.jsonl", "runs.csv"]) cpSync(path.join(d, name), path.join(d, `${name}.partial`));
    for (const name of ["runs.jsonl", "runs.csv"]) rmSync(path.join(d, name));
    writeFileSync(path.join(d, "runs.jsonl.partial"), readFileSync(path.join(d, "runs.jsonl.partial"), "utf8").slice(0, 100));
    writeFileSync(path.join(d, "checkpoint.json"), readFileSync(path.join(d, "checkpoint.json"), "utf8").replace('"complete":true', '"complete":false'));
  }, at("good-records"));
  mkdirSync(at("sweep-empty"));
  writeFileSync(at("sweep-empty", "sweep.json"), "{}");
  mkdirSync(at("sweep-bad-points"));
  writeFileSync(at("sweep-bad-points", "sweep.json"), JSON.stringify({ scenario: { id: "x", title: "X", sha256: "0" }, seed: 1, runs: 10, vary: [{ path: "p", values: [0, 1] }], points: [{ values: { p: 0 }, outcomes: [{ id: "a", label: "A", count: 1, probability: 7, ci95: [0, 1] }] }], crossings: [] }));
  mkdirSync(at("sensitivity-not-json"));
  writeFileSync(at("sensitivity-not-json", "sensitivity.json"), "rows: []");
  mkdirSync(at("empty-folder"));
  mkdirSync(at("foreign-folder"));
  writeFileSync(at("foreign-folder", "thesis.docx"), "not a run set");
}

interface Case {
  name: string;
  args: () => string[];
  message: RegExp;
}

const badScenarioCases = (command: string, extra: string[] = []): Case[] =>
  scenarioCases().map(([file, message]) => ({
    name: `${command} ${path.basename(file)}`,
    args: () => [command, file, ...extra],
    message,
  }));

const runSetCases = (command: string, before: () => string[], after: string[] = []): Case[] => [
  ["a missing folder", "does-not-exist", /does-not-exist: not a complete run set \(no manifest\.json\)/],
  ["an empty folder", "empty-folder", /empty-folder: not a complete run set \(no manifest\.json\)/],
  ["a folder of other files", "foreign-folder", /foreign-folder: not a complete run set/],
  ["a scenario file instead of a run set", fixture("pair.yaml"), /pair\.yaml: not a complete run set/],
  ["an edited summary", "edited-summary", /edited-summary\/summary\.json: expected sha256 [0-9a-f]{64} from manifest\.json, found [0-9a-f]{64}: the run set is corrupt or incomplete/],
  ["a truncated summary", "truncated-summary", /truncated-summary\/summary\.json: expected sha256/],
  ["no manifest", "no-manifest", /no-manifest: not a complete run set \(no manifest\.json\)/],
  ["a manifest that is not JSON", "manifest-not-json", /manifest-not-json\/manifest\.json: expected JSON, found .*: the run set is corrupt/],
  ["a manifest that is null", "manifest-null", /manifest-null\/manifest\.json: expected a bazaar manifest; \(top level\): expected a mapping, found null/],
  ["another tool's manifest", "manifest-other-tool", /manifest-other-tool\/manifest\.json: expected a bazaar manifest; tool: expected one of bazaar, found "other"/],
  ["a manifest with a broken scenario", "manifest-bad-scenario", /manifest-bad-scenario\/manifest\.json: expected a valid scenario in scenario\.resolved; actors: expected/],
  ["a manifest that is a folder", "manifest-is-folder", /manifest-is-folder\/manifest\.json: cannot read it \(EISDIR\)/],
  ["an edited checkpoint", "checkpoint-edited", /checkpoint-edited\/checkpoint\.json: expected sha256 .* the run set is corrupt or incomplete/],
].map(([what, dir, message]) => ({
  name: `${command}: ${what}`,
  args: () => [command, ...before(), path.isAbsolute(dir as string) ? (dir as string) : at(dir as string), ...after],
  message: message as RegExp,
}));

const BATTERY: Record<string, Case[]> = {
  run: [
    ...badScenarioCases("run", ["--runs", "10", "--out", NEVER]),
    ...([
      [["--seed", "abc"], /--seed: expected a whole number between 0 and \d+, found 'abc'/],
      [["--seed", "-1"], /--seed: expected a whole number .*found '-1'/],
      [["--seed", "1e400"], /--seed: expected a whole number .*found '1e400'/],
      [["--runs", "0"], /--runs: expected a whole number between 1 and 100000000, found 0/],
      [["--runs", "100000001"], /--runs: expected a whole number between 1 and 100000000, found 100000001/],
      [["--runs", "ten"], /--runs: expected a whole number .*found 'ten'/],
      [["--workers", "0"], /--workers: expected a whole number between 1 and 256, found 0/],
      [["--chunk-size", "-5"], /--chunk-size: expected a whole number .*found '-5'/],
      [["--precision", "2"], /--precision: expected a number .*found '2'/],
      [["--shard", "3/2"], /--shard 3\/2: expected a shard number between 1 and 2, found 3/],
      [["--shard", "x"], /--shard: expected K\/N \(e\.g\. 2\/8\) or 'auto', found 'x'/],
      [["--shard", "auto"], /--shard auto: expected JOB_COMPLETION_INDEX .*or SLURM_ARRAY_TASK_ID/],
      [["--set", "actors.nobody.seats=3"], /--set actors\.nobody\.seats=3: .*'nobody'/],
      [["--set", "model.temperature=hot"], /--set model\.temperature=hot: model\.temperature: expected a number or a distribution/],
      [["--set", "__proto__.polluted=1"], /--set __proto__\.polluted=1: '__proto__' is not a scenario field/],
      [["--set", "constructor.prototype.polluted=1"], /'constructor' is not a scenario field/],
      [["--set", "novalue"], /--set novalue: expected path=value/],
      [["--set", "drivers.iran_pressure=!money 1"], /--set drivers\.iran_pressure=!money 1: expected a YAML value, found Unresolved tag: !money/],
      [["--set", "drivers.iran_pressure={__proto__: {polluted: 1}}"], /expected ordinary field names in the value, found the reserved key '__proto__'/],
      [["--bogus"], /unknown option '--bogus'/],
    ] as [string[], RegExp][]).map(([flags, message]) => ({
      name: `run ${flags.join(" ")}`, args: () => ["run", fixture("pair.yaml"), "--out", NEVER, ...flags], message,
    })),
    { name: "run --out into a folder of other files", args: () => ["run", fixture("pair.yaml"), "--runs", "10", "--out", at("foreign-folder")], message: /foreign-folder: expected an empty folder or an earlier run set, found other files \(thesis\.docx\); choose another --out/ },
    { name: "run --out onto a file", args: () => ["run", fixture("pair.yaml"), "--runs", "10", "--out", fixture("pair.yaml")], message: /cannot create the folder .*pair\.yaml: a file stands where a folder is needed/ },
    { name: "run --out under /proc", args: () => ["run", fixture("pair.yaml"), "--runs", "10", "--out", "/proc/bazaar/out"], message: /cannot create the folder \/proc\/bazaar\/out: the folder cannot be created there/ },
    { name: "run --resume with records shorter than the checkpoint", args: () => [...RECORDS_BATCH, "--resume", "--out", at("interrupted-short-records")], message: /interrupted-short-records\/runs\.jsonl\.partial: holds 100 bytes, fewer than the \d+ the checkpoint recorded: the records are incomplete/ },
    { name: "run --resume of a different batch", args: () => ["run", fixture("pair.yaml"), "--runs", "999", "--resume", "--out", at("good")], message: /good: cannot resume a different batch \(runs: 200 vs 999\)/ },
  ],
  validate: [
    ...badScenarioCases("validate"),
    { name: "validate without files", args: () => ["validate"], message: /missing required argument 'files'/ },
    { name: "validate --set with a bad value", args: () => ["validate", fixture("pair.yaml"), "--set", "rounds.max=0"], message: /--set rounds\.max=0: rounds\.max: expected a number ≥ 1, found 0/ },
  ],
  sweep: [
    ...badScenarioCases("sweep", ["--vary", "drivers.iran_pressure=0:1:3", "--runs", "10", "--out", NEVER]),
    ...([
      [[], /sweep: expected one or two --vary, found 0/],
      [["--vary", "nonsense"], /--vary nonsense: expected path=from:to:steps/],
      [["--vary", "drivers.iran_pressure=0:1:1000"], /expected between 2 and 400 steps, found 1000/],
      [["--vary", "drivers.iran_pressure=0:1:1"], /expected between 2 and 400 steps, found 1/],
      [["--vary", "drivers.iran_pressure=0:x:3"], /--vary drivers\.iran_pressure=0:x:3: expected/],
      [["--vary", "drivers.nothing=0:1:3"], /drivers\.nothing/],
      [["--vary", "drivers.iran_pressure=0:2:3"], /drivers\.iran_pressure: expected a number ≤ 1, found 2/],
      [["--vary", "drivers.iran_pressure=0:1:30", "--vary", "model.temperature=0.01:1:30"], /expected at most 400 grid points, found 900/],
      [["--vary", "__proto__.x=0:1:3"], /'__proto__' is not a scenario field/],
      [["--vary", "drivers.iran_pressure=0:1:3", "--runs", "0"], /--runs: expected a whole number between 1/],
      [["--vary", "drivers.iran_pressure=0:1:3", "--runs", "10", "--out", fixture("pair.yaml")], /cannot create the folder .*pair\.yaml: a file stands where a folder is needed/],
    ] as [string[], RegExp][]).map(([flags, message]) => ({
      name: `sweep ${flags.join(" ") || "without --vary"}`, args: () => ["sweep", fixture("pair.yaml"), "--out", NEVER, ...flags], message,
    })),
  ],
  sensitivity: [
    ...badScenarioCases("sensitivity", ["--runs", "10", "--out", NEVER]),
    ...([
      [["--quantiles", "0.9,0.1"], /--quantiles: expected two quantiles low,high with 0 ≤ low < high ≤ 1/],
      [["--quantiles", "a,b"], /--quantiles: expected two quantiles/],
      [["--quantiles", "0.1"], /--quantiles: expected two quantiles/],
      [["--runs", "-3"], /--runs: expected a whole number/],
      [["--set", "actors.sadrists.seats=1000"], /--set actors\.sadrists\.seats=1000: actors: expected seats .* to sum to at most the parliament's 329, found 1197/],
    ] as [string[], RegExp][]).map(([flags, message]) => ({
      name: `sensitivity ${flags.join(" ")}`, args: () => ["sensitivity", scenarioFile("maliki-sadr-2024.yaml"), "--runs", "10", "--out", NEVER, ...flags], message,
    })),
  ],
  trace: [
    ...badScenarioCases("trace"),
    ...([
      [["--run", "-1"], /--run: expected a whole number between 0 and \d+, found '-1'/],
      [["--run", "1.5"], /--run: expected a whole number .*found '1\.5'/],
      [["--seed", "x"], /--seed: expected a whole number/],
      [["--set", "events.nothing.probability=1"], /--set events\.nothing\.probability=1: events has no 'nothing' \(known: spat\)/],
    ] as [string[], RegExp][]).map(([flags, message]) => ({ name: `trace ${flags.join(" ")}`, args: () => ["trace", fixture("pair.yaml"), ...flags], message })),
  ],
  compare: [
    ...runSetCases("compare", () => [goodRunSet]),
    { name: "compare with one folder", args: () => ["compare", goodRunSet], message: /missing required argument 'runsetB'/ },
    { name: "compare --alpha 2", args: () => ["compare", goodRunSet, goodRunSet, "--alpha", "2"], message: /--alpha: expected a number .*found '2'/ },
    { name: "compare --alpha abc", args: () => ["compare", goodRunSet, goodRunSet, "--alpha", "abc"], message: /--alpha: expected a number .*found 'abc'/ },
  ],
  report: [
    ...runSetCases("report", () => [], ["--out", path.join(NEVER, "report.html")]),
    { name: "report: an empty sweep.json", args: () => ["report", at("sweep-empty"), "--out", path.join(NEVER, "r.html")], message: /sweep-empty\/sweep\.json: expected a bazaar sweep; scenario: expected a mapping \(the field is required\), found nothing/ },
    { name: "report: a sweep with a probability of 7", args: () => ["report", at("sweep-bad-points"), "--out", path.join(NEVER, "r.html")], message: /sweep-bad-points\/sweep\.json: expected a bazaar sweep; points\[0\]\.outcomes\[0\]\.probability: expected a number ≤ 1, found 7/ },
    { name: "report: a sensitivity.json that is not JSON", args: () => ["report", at("sensitivity-not-json"), "--out", path.join(NEVER, "r.html")], message: /sensitivity-not-json\/sensitivity\.json: expected JSON, found/ },
    { name: "report --out under /proc", args: () => ["report", goodRunSet, "--out", "/proc/bazaar/report.html"], message: /cannot create the folder \/proc\/bazaar: the folder cannot be created there/ },
    { name: "report --out onto a folder", args: () => ["report", goodRunSet, "--out", root], message: /cannot write .*: a folder stands where the file should be/ },
  ],
  backtest: [
    ...badScenarioCases("backtest"),
    { name: "backtest a scenario without an observed outcome", args: () => ["backtest", scenarioFile("cf-provincial-2023.yaml")], message: /cf-provincial-2023\.yaml: has no `observed` outcome/ },
    { name: "backtest --workers 0", args: () => ["backtest", scenarioFile("history/iraq-2009-pre-election.yaml"), "--workers", "0"], message: /--workers: expected a whole number between 1/ },
    { name: "backtest --seed -2", args: () => ["backtest", "--seed", "-2"], message: /--seed: expected a whole number/ },
  ],
  merge: [
    ...runSetCases("merge", () => [shards[0]], ["--out", NEVER]),
    { name: "merge without --out", args: () => ["merge", ...shards], message: /required option '--out <dir>' not specified/ },
    { name: "merge an unsharded run set", args: () => ["merge", goodRunSet, "--out", NEVER], message: /good: expected a shard run set \(made with --shard K\/N\), found an unsharded batch/ },
    { name: "merge a missing shard", args: () => ["merge", shards[0], shards[2], "--out", NEVER], message: /merge: expected all 3 shards, missing 2\/3/ },
    { name: "merge a duplicate shard", args: () => ["merge", shards[0], shards[1], shards[1], shards[2], "--out", NEVER], message: /merge: shard 2\/3 given twice \(.*shard2 and .*shard2\)/ },
    { name: "merge shards of different batches", args: () => ["merge", shards[0], at("other-seed-shard2"), shards[2], "--out", NEVER], message: /other-seed-shard2 is not a shard of the same batch as .*shard1: seed: 1 vs 9/ },
    { name: "merge a tampered shard", args: () => ["merge", shards[0], at("shard2-tampered"), shards[2], "--out", NEVER], message: /shard2-tampered\/checkpoint\.json: expected sha256 .* corrupt or incomplete/ },
    { name: "merge onto one of its shards", args: () => ["merge", ...shards, "--out", shards[0]], message: /merge: --out .*shard1 is one of the shards/ },
    { name: "merge onto a file", args: () => ["merge", ...shards, "--out", fixture("pair.yaml")], message: /cannot create the folder .*pair\.yaml: a file stands where a folder is needed/ },
    { name: "merge into a folder of other files", args: () => ["merge", ...shards, "--out", at("foreign-folder")], message: /foreign-folder: expected an empty folder or an earlier run set/ },
  ],
};

describe.each(Object.entries(BATTERY))("bazaar %s: bad input", (_command, cases) => {
  it.each(cases.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const before = snapshot();
    const r = await cli(c.args());
    expect(r.stderr).toMatch(c.message);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(STACK_TRACE);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.stdout).toBe("");
    expect(existsSync(NEVER)).toBe(false);
    expect(snapshot()).toEqual(before); // nothing written, removed or half-written among the run sets
  });
});

/** Every file under the battery's folder with its size: bad input must not change any of it. */
function snapshot(): Record<string, number> {
  const files: Record<string, number> = {};
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else files[path.relative(root, p)] = readFileSync(p).length;
    }
  };
  walk(root);
  return files;
}

describe("bugs are not bad input", () => {
  it("an internal error exits 70 with a short message and a hint to report it, no stack trace", async () => {
    const io: Io = {
      argv: ["bazaar", "schema"], out: () => {
        throw new TypeError("cannot read properties of undefined");
      },
      err: (t) => void (stderr += t), exitCode: () => {}, style: { bold: (s) => s }, relative: (f) => f,
    };
    let stderr = "";
    const code = await runCli(["schema"], io);
    expect(code).toBe(70);
    expect(stderr).toMatch(/^bazaar: internal error: cannot read properties of undefined\nThis is a bug in bazaar; please report it/);
    expect(stderr).not.toMatch(STACK_TRACE);
  });
});

describe("the battery's size", () => {
  it("tries at least ten bad inputs on every command", () => {
    for (const [command, cases] of Object.entries(BATTERY)) expect(cases.length, command).toBeGreaterThanOrEqual(10);
  });
});
