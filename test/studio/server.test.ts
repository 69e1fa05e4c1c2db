// The studio's HTTP API as a script or a hostile page meets it: refusals are 4xx with a message and the
// server keeps serving; results are the library's and the command line's numbers; batches cancel cleanly.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadScenarioFile } from "../../src/scenario/load.ts";
import { forecast } from "../../src/runner/forecast.ts";
import { runJob } from "../../src/runner/job.ts";
import { readRunSet, toJson } from "../../src/runner/runset.ts";
import { compareRunSets } from "../../src/runner/compare.ts";
import { parseVary, runSweep } from "../../src/runner/sweep.ts";
import { compileModel } from "../../src/model/compile.ts";
import { Engine } from "../../src/engine/run.ts";
import { traceRun } from "../../src/engine/trace.ts";
import { renderTrace } from "../../src/cli/trace-text.ts";
import { runRng } from "../../src/rng/rng.ts";
import type { Studio } from "../../src/studio/server/server.ts";
import type { CompareView, RunView, SaveView, ScenarioView, SweepView, TraceView } from "../../src/studio/protocol.ts";
import { ROOT, fixture } from "../helpers.ts";
import { eventually, postJson, rawRequest, resultOf, scenarioFolder, streamed, studioOn, withToken } from "./studio-helpers.ts";

const BIN = path.join(ROOT, "bin", "bazaar.js");
const RUNS = 600;
const SEED = 5;
const SETS = [{ path: "relations.pairs.0.value", value: 0.3 }];

/** The real program, spawned without blocking this process (whose event loop serves the studio). */
function bazaar(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d) => (stderr += d));
    child.on("exit", (status) => resolve({ status, stdout, stderr }));
  });
}

describe("studio API", () => {
  let dir: string;
  let studio: Studio;
  const log: string[] = [];
  beforeAll(async () => {
    dir = scenarioFolder(fixture("pair.yaml"));
    studio = await studioOn(dir, "pair.yaml", log);
  });
  afterAll(() => studio.close());

  it("refuses a request without the token, with a foreign Host or Origin, outside its folders, or with a bad body, with a 4xx and a message, and keeps serving", async () => {
    const json = { "Content-Type": "application/json" };
    const run = (body: string, headers: Record<string, string> = json) => rawRequest(studio.port, { path: `/api/run?token=${studio.token}`, method: "POST", headers, body });
    const cases: [Promise<{ status: number; body: string }>, number, RegExp][] = [
      [rawRequest(studio.port, { path: "/api/scenario" }), 401, /token is required/],
      [rawRequest(studio.port, { path: "/api/scenario?token=guess" }), 403, /wrong token/],
      [rawRequest(studio.port, { path: `/api/scenario?token=${studio.token}`, headers: { Host: `attacker.example:${studio.port}` } }), 403, /DNS rebinding/],
      [rawRequest(studio.port, { path: `/api/scenario?token=${studio.token}`, headers: { Origin: "http://attacker.example" } }), 403, /other sites/],
      [run("{}", { ...json, Origin: "http://attacker.example" }), 403, /other sites/],
      [rawRequest(studio.port, { path: `/api/scenario?token=${studio.token}`, headers: { "Sec-Fetch-Site": "cross-site" } }), 403, /cross-site/],
      [rawRequest(studio.port, { path: `/files/runs/..%2F..%2F..%2Fetc%2Fpasswd?token=${studio.token}` }), 403, /outside the allowed folder/],
      [rawRequest(studio.port, { path: `/files/scenarios/../../etc/passwd?token=${studio.token}` }), 404, /no such page/],
      [run('{"runs": 1', json), 400, /malformed JSON body/],
      [run("runs=1", { "Content-Type": "application/x-www-form-urlencoded" }), 415, /application\/json/],
      [run(JSON.stringify({ overrides: [], runs: -1, seed: 1 })), 400, /runs: expected a number ≥ 1, found -1/],
      [run(JSON.stringify({ overrides: [], runs: 10, seed: 1, extra: true })), 400, /extra/],
      [run(JSON.stringify({ overrides: [{ path: "actors.aa.seats", value: 3 }], runs: 10, seed: 1 })), 400, /actors has no 'aa'/],
      [run(JSON.stringify({ overrides: [{ path: "__proto__.polluted", value: 1 }], runs: 10, seed: 1 })), 400, /not a scenario field/],
      [run(JSON.stringify({ overrides: [{ path: "actors.a.seats", value: -5 }], runs: 10, seed: 1 })), 422, /expected a number ≥ 0, found -5/],
      [run("x".repeat(1024 * 1024 + 10)), 413, /at most/],
      [rawRequest(studio.port, { path: `/api/run?token=${studio.token}` }), 405, /use POST/],
      [rawRequest(studio.port, { path: `/api/nothing?token=${studio.token}` }), 404, /no such page/],
      [postJson(studio, "/api/compare", { run: "r999" }).then(async (r) => ({ status: r.status, body: await r.text() })), 404, /no batch 'r999'/],
    ];
    for (const [pending, status, message] of cases) {
      const answer = await pending;
      expect(answer.status, answer.body).toBe(status);
      expect(JSON.parse(answer.body).error).toMatch(message);
      expect(answer.body).not.toMatch(/\s+at .+:\d+:\d+/);
    }
    const scenario = await fetch(withToken(studio, "/api/scenario"));
    expect(scenario.status).toBe(200);
    expect(((await scenario.json()) as ScenarioView).scenario?.id).toBe("pair");
    expect(log).toEqual([]);
  });

  it("sets the token as a strict cookie on the first visit, which then stands for it", async () => {
    const first = await fetch(withToken(studio, "/"));
    expect(first.status).toBe(200);
    expect(first.headers.get("content-security-policy")).toMatch(/script-src 'self'/);
    const cookie = first.headers.get("set-cookie")!;
    expect(cookie).toMatch(/HttpOnly; SameSite=Strict/);
    const again = await fetch(`http://127.0.0.1:${studio.port}/app.js`, { headers: { cookie: cookie.split(";")[0] } });
    expect(again.status).toBe(200);
    expect(again.headers.get("content-type")).toMatch(/javascript/);
  });

  let run: RunView;
  it("runs a batch with the library's numbers, streaming its progress", async () => {
    const messages = await streamed<RunView>(await postJson(studio, "/api/run", { overrides: SETS, runs: RUNS, seed: SEED }));
    expect(messages.filter((m) => m.type === "progress").length).toBeGreaterThan(1);
    const last = messages[messages.length - 1];
    expect(last.type).toBe("result");
    run = (last as { result: RunView }).result;
    const library = forecast(loadScenarioFile(path.join(dir, "pair.yaml"), ["relations.pairs.0.value=0.3"]), { runs: RUNS, seed: SEED });
    expect(run.summary).toEqual(library.summary);
    expect(run.command).toBe(`bazaar run ${path.join(dir, "pair.yaml")} --runs ${RUNS} --seed ${SEED} --set relations.pairs.0.value=0.3`);
    expect(run.charts.outcomes.svg).toMatch(/^<svg/);
    expect(run.charts.metrics.map((c) => c.id)).toEqual(["formed", "pm"]);
  });

  it("saves the variant and its run set, which equal what the command line gives", async () => {
    const response = await postJson(studio, "/api/save", { run: run.id, name: "pair-warm" });
    expect(response.status).toBe(200);
    const saved = (await response.json()) as SaveView;
    const variant = path.join(dir, "pair-warm.yaml");
    expect(loadScenarioFile(variant).sha256).toBe(run.summary.scenario.sha256);
    const summaryFile = path.join(dir, "runs", `pair-warm-s${SEED}-n${RUNS}`, "summary.json");
    expect(readRunSet(path.dirname(summaryFile)).summary).toEqual(run.summary);
    const cli = await bazaar(["run", path.join(dir, "pair.yaml"), "--set", "relations.pairs.0.value=0.3", "--runs", String(RUNS), "--seed", String(SEED), "--json", "--out", mkdtempSync(path.join(os.tmpdir(), "bazaar-studio-cli-"))]);
    expect(cli.status, cli.stderr).toBe(0);
    expect(cli.stdout).toBe(readFileSync(summaryFile, "utf8"));
    expect(saved.yaml).toMatch(/extends: pair\.yaml/);
    const again = await postJson(studio, "/api/save", { run: run.id, name: "pair-warm" });
    expect(again.status).toBe(409);
    expect((await postJson(studio, "/api/save", { run: run.id, name: "pair" })).status).toBe(409);
    const file = await fetch(withToken(studio, saved.links.variant));
    expect(await file.text()).toBe(readFileSync(variant, "utf8"));
  });

  it("compares with the baseline exactly as bazaar compare does", async () => {
    const view = await resultOf<CompareView>(await postJson(studio, "/api/compare", { run: run.id }));
    const baselineDir = path.join(mkdtempSync(path.join(os.tmpdir(), "bazaar-studio-base-")), "set");
    await runJob(loadScenarioFile(path.join(dir, "pair.yaml")), { runs: RUNS, seed: SEED, chunkSize: 2000, workers: 1, records: false, resume: false, dir: baselineDir, command: ["test"] });
    const library = compareRunSets(readRunSet(baselineDir), readRunSet(path.join(dir, "runs", `pair-warm-s${SEED}-n${RUNS}`)));
    expect(view.verdict).toBe(library.verdict);
    expect(view.outcomes.map((o) => [o.id, o.difference, o.beyondNoise])).toEqual(library.outcomes.map((o) => [o.id, o.difference, o.beyondNoise]));
    expect(view.chart.svg).toMatch(/^<svg/);
    expect(view.command.split("\n")).toHaveLength(3);
  });

  it("sweeps one assumption with the numbers of bazaar sweep, and traces a run as bazaar trace tells it", async () => {
    const sweep = await resultOf<SweepView>(await postJson(studio, "/api/sweep", { overrides: [], runs: 300, seed: SEED, path: "drivers.iran_pressure", from: 0, to: 1, steps: 3 }));
    const library = runSweep(loadScenarioFile(path.join(dir, "pair.yaml")), [parseVary("drivers.iran_pressure=0:1:3")], 300, SEED);
    expect(sweep.points.map((p) => p.outcomes)).toEqual(library.points.map((p) => p.outcomes));
    expect(sweep.command).toMatch(/--vary drivers\.iran_pressure=0:1:3 --runs 300/);

    const trace = (await (await postJson(studio, "/api/trace", { overrides: SETS, seed: SEED, run: 3 })).json()) as TraceView;
    const engine = new Engine(compileModel(loadScenarioFile(path.join(dir, "pair.yaml"), ["relations.pairs.0.value=0.3"]).spec));
    expect(trace.story).toBe(renderTrace(traceRun(engine, runRng(SEED, 3)).entries));
    const together = (await (await postJson(studio, "/api/trace", { overrides: SETS, seed: SEED, run: 0, outcome: "together" })).json()) as TraceView;
    expect(together.outcome.id).toBe("together");
    expect(together.command).toBe(`bazaar trace ${path.join(dir, "pair.yaml")} --seed ${SEED} --run ${together.run} --set relations.pairs.0.value=0.3`);
  });
});

describe("studio batches and the file on disk", () => {
  let dir: string;
  let studio: Studio;
  beforeAll(async () => {
    dir = scenarioFolder(fixture("pair.yaml"));
    studio = await studioOn(dir, "pair.yaml");
  });
  afterAll(() => studio.close());

  /** Starts a long batch and returns once it has reported progress. */
  async function longBatch() {
    const response = await postJson(studio, "/api/run", { overrides: [], runs: 1_000_000, seed: 1 });
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = "";
    while (!/"done":[1-9]/.test(text)) text += (await reader.read()).value ?? "";
    const rest = async () => {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return text;
        text += value;
      }
    };
    return { reader, rest };
  }

  const leftovers = () => readdirSync(path.join(dir, "runs"), { recursive: true }).map(String).filter((f) => !f.startsWith(".studio-") || f.split(path.sep).length > 1);

  it("cancels a batch on request or when the page goes away, leaving no run set, and frees the slot", async () => {
    const first = await longBatch();
    const busy = await postJson(studio, "/api/run", { overrides: [], runs: 10, seed: 1 });
    expect(busy.status).toBe(409);
    expect(((await busy.json()) as { error: string }).error).toMatch(/already running/);
    expect(await (await postJson(studio, "/api/cancel", {})).json()).toEqual({ cancelled: true });
    expect(await first.rest()).toMatch(/"type":"cancelled"/);

    const second = await longBatch();
    await second.reader.cancel(); // the page closes the connection
    await eventually(async () => ((await (await postJson(studio, "/api/cancel", {})).json()) as { cancelled: boolean }).cancelled ? undefined : true, "the slot to be free");
    await eventually(async () => (leftovers().length === 0 ? true : undefined), "the unfinished folder to go");
    expect(leftovers()).toEqual([]);
    const after = await resultOf<RunView>(await postJson(studio, "/api/run", { overrides: [], runs: 200, seed: 1 }));
    expect(after.summary.runs).toBe(200);
  });

  it("reloads an edited file, shows the validator's messages when it stops validating, and keeps serving", async () => {
    const file = path.join(dir, "pair.yaml");
    const original = readFileSync(file, "utf8");
    const view = async () => (await (await fetch(withToken(studio, "/api/scenario"))).json()) as ScenarioView;
    const events = await fetch(withToken(studio, "/api/events"));
    const eventReader = events.body!.pipeThrough(new TextDecoderStream()).getReader();
    const version = (await view()).version;

    writeFileSync(file, original.replace("seats: 30,", "seats: -3,"));
    const broken = await eventually(async () => { const v = await view(); return v.problems ? v : undefined; }, "the problems to show");
    expect(broken.problems).toContainEqual(expect.objectContaining({ file: expect.stringMatching(/pair\.yaml$/), line: 5, path: "actors[0].seats", message: "expected a number ≥ 0, found -3" }));
    expect(broken.controls.length).toBeGreaterThan(0);
    let sse = "";
    while (!sse.includes("event: scenario")) sse += (await eventReader.read()).value ?? "";
    await eventReader.cancel();
    const refused = await postJson(studio, "/api/run", { overrides: [], runs: 10, seed: 1 });
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { problems: unknown[] }).problems.length).toBeGreaterThan(0);

    writeFileSync(file, original.replace("seats: 30,", "seats: 29,"));
    const fixed = await eventually(async () => { const v = await view(); return !v.problems && v.controls.some((c) => c.path === "actors.a.seats" && c.value === 29) ? v : undefined; }, "the fixed file to load");
    expect(fixed.version).toBeGreaterThan(version + 1);
    expect(existsSync(file)).toBe(true);
  });
});

describe("bazaar studio on the command line", () => {
  it("listens on 127.0.0.1, prints its address with the token, answers only with it, and stops cleanly", async () => {
    const dir = scenarioFolder(fixture("pair.yaml"));
    const child = spawn(process.execPath, [BIN, "studio", "pair.yaml", "--no-open", "--port", "0"], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    child.stdout.setEncoding("utf8").on("data", (d) => (stdout += d));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    const url = await eventually(async () => /^(http:\/\/127\.0\.0\.1:\d+\/)\?token=([\w-]+)\n/.exec(stdout) ?? undefined, "the address", 1200);
    expect((await fetch(url[0].trim())).status).toBe(200);
    expect((await fetch(url[1])).status).toBe(401);
    const port = Number(new URL(url[1]).port);
    const outward = Object.values(os.networkInterfaces()).flat().find((i) => i && i.family === "IPv4" && !i.internal);
    if (outward) await expect(fetch(`http://${outward.address}:${port}/`)).rejects.toThrow(); // not listening there
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(readdirSync(path.join(dir, "runs"))).toEqual([]);
  });
});
