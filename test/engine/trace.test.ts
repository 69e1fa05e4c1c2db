import { describe, expect, it } from "vitest";
import { compileModel } from "../../src/model/compile.ts";
import { Engine } from "../../src/engine/run.ts";
import { traceRun } from "../../src/engine/trace.ts";
import { labelledRng, runRng } from "../../src/rng/rng.ts";
import { loadScenarioFile } from "../../src/scenario/load.ts";
import { renderTrace } from "../../src/cli/trace-text.ts";
import { scenarioFile } from "../helpers.ts";

describe("trace", () => {
  const model = compileModel(loadScenarioFile(scenarioFile("maliki-sadr-2024.yaml")).spec);

  it("reproduces exactly the run the batch counted, for 100 random run indices", () => {
    const batch = new Engine(model);
    const traced = new Engine(model);
    const pick = labelledRng(9, "trace-test");
    for (let k = 0; k < 100; k++) {
      const run = Math.floor(pick.next() * 1_000_000);
      const counted = batch.run(runRng(4, run));
      const outcome = counted.outcome;
      const metrics = Array.from(counted.metrics);
      const story = traceRun(traced, runRng(4, run));
      expect(story.outcome).toBe(outcome);
      expect(Array.from(traced.state.coalition)).toEqual(Array.from(batch.state.coalition));
      expect(Array.from(traced.result.metrics)).toEqual(metrics);
    }
  });

  it("tells the story: assumptions, rounds, choices, votes, the outcome and why", () => {
    const engine = new Engine(model);
    const voted = (run: number) => traceRun(engine, runRng(1, run)).entries.some((e) => e.kind === "vote");
    const run = Array.from({ length: 20 }, (_, k) => k).find(voted)!; // most runs come to a vote
    const { entries } = traceRun(engine, runRng(1, run));
    const kinds = new Set(entries.map((e) => e.kind));
    for (const k of ["assumptions", "round", "choice", "vote", "outcome"]) expect(kinds.has(k as never)).toBe(true);
    const outcome = entries.at(-1)!;
    expect(outcome.kind).toBe("outcome");
    const text = renderTrace(entries);
    expect(text).toMatch(/^Sampled assumptions:\n  actors\.sadrists\.seats = \d+/);
    expect(text).toMatch(/Vote on president for .* seats present \(quorum 219\.3\)/);
    expect(text).toMatch(/Outcome after \d+ rounds: .* because .*state_of_law.*sadrists/);
  });
});
