// The campaign: rival lists cool relations, shared lists warm them, scaled by each region's stake.
import { describe, expect, it } from "vitest";
import { compileModel } from "../../src/model/compile.ts";
import { prepareRun } from "../../src/model/draw.ts";
import { RunState } from "../../src/model/state.ts";
import { runRng } from "../../src/rng/rng.ts";
import { crossCheck } from "../../src/scenario/cross-check.ts";
import type { ScenarioSpec } from "../../src/scenario/schema/scenario.ts";
import { loadFixture, variant } from "../helpers.ts";

const withCampaign = (campaign: Record<string, unknown>) =>
  variant(loadFixture("pair.yaml"), (d) => {
    (d as { campaign?: unknown }).campaign = { rivalry: 0.3, solidarity: 0.1, ...campaign };
  });

function startOf(spec: ScenarioSpec) {
  const model = compileModel(spec);
  const s = new RunState(model.template.dims);
  prepareRun(model, s, runRng(1, 0));
  const id = (name: string) => model.ids.indexOf(name);
  return { rel: (a: string, b: string) => s.rel[id(a) * model.n + id(b)], rel0: (a: string, b: string) => s.rel0[id(a) * model.n + id(b)], coalition: (a: string) => s.coalition[id(a)] };
}

const regions = [
  { id: "south", stake: 0.5, lists: [["a"], ["b"]] },
  { id: "north", stake: 0.25, lists: [["a", "b"], ["c"]] },
];

describe("the campaign", () => {
  it("shifts starting relations by stake: rivals cool, list partners warm; baselines stay", () => {
    const start = startOf(withCampaign({ regions }).spec);
    expect(start.rel("a", "b")).toBeCloseTo(-0.2 - 0.3 * 0.5 + 0.1 * 0.25, 12);
    expect(start.rel("b", "a")).toBeCloseTo(start.rel("a", "b"), 12);
    expect(start.rel("a", "c")).toBeCloseTo(0.1 - 0.3 * 0.25, 12);
    expect(start.rel("a", "d")).toBe(0); // d ran nowhere
    expect(start.rel0("a", "b")).toBe(-0.2);
  });

  it("opens the bargaining from the named region's lists instead of the blocs", () => {
    const start = startOf(withCampaign({ regions, opening: "north" }).spec);
    expect(start.coalition("a")).toBe(start.coalition("b"));
    expect(start.coalition("c")).not.toBe(start.coalition("a"));
    expect(start.coalition("d")).not.toBe(start.coalition("a"));
    const south = startOf(withCampaign({ regions, opening: "south" }).spec);
    expect(south.coalition("a")).not.toBe(south.coalition("b"));
  });

  it("reports an actor on two lists of one region, stakes above 1 and an unknown opening region", () => {
    const bad = withCampaign({
      opening: "nowhere",
      regions: [{ id: "south", stake: 0.8, lists: [["a"], ["a", "b"]] }, { id: "north", stake: 0.4, lists: [["c"]] }],
    });
    const messages = crossCheck(bad.spec).map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(messages).toContainEqual(expect.stringMatching(/^campaign\.regions\.0\.lists\.1\.0: .*'a' again/));
    expect(messages).toContainEqual(expect.stringMatching(/^campaign\.regions: .*sum to at most 1, found 1\.2/));
    expect(messages).toContainEqual(expect.stringMatching(/^campaign\.opening: expected a region id, found 'nowhere'/));
  });
});
