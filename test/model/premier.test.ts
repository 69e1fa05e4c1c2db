// The premier rules: the kingmaker's veto (pm_rule: acceptable) and the caretaker premier.
import { describe, expect, it } from "vitest";
import { compileModel } from "../../src/model/compile.ts";
import { prepareRun } from "../../src/model/draw.ts";
import { P } from "../../src/model/params.ts";
import { RunState } from "../../src/model/state.ts";
import { acceptablePremier, utility } from "../../src/model/utility.ts";
import { runRng } from "../../src/rng/rng.ts";
import { loadFixture, variant } from "../helpers.ts";

// pair.yaml: a (shia, 30 seats), b (shia, 26), c (sunni, 24), d (kurd, 20); only Shia may be premier.
function setUp(edit: Parameters<typeof variant>[1] = () => {}) {
  const model = compileModel(variant(loadFixture("pair.yaml"), edit).spec);
  const s = new RunState(model.template.dims);
  prepareRun(model, s, runRng(1, 0));
  const id = (name: string) => model.ids.indexOf(name);
  const setRel = (from: string, to: string, value: number) => (s.rel[id(from) * model.n + id(to)] = value);
  const premier = (...names: string[]) => {
    const pm = acceptablePremier(model, s, Int32Array.from(names.map(id)), 0, names.length);
    return pm < 0 ? null : model.ids[pm];
  };
  return { model, s, id, setRel, premier };
}

const acceptable = (d: { procedure: { pm_rule: string } }) => {
  d.procedure.pm_rule = "acceptable";
};

describe("the kingmaker's veto", () => {
  it("gives the premiership to the largest eligible member when nobody objects", () => {
    const { premier } = setUp(acceptable);
    expect(premier("a", "b", "c")).toBe("a");
  });

  it("passes it to the next eligible member when a weighty partner is hostile to the largest", () => {
    const { premier, setRel } = setUp(acceptable);
    setRel("b", "a", -0.5);
    expect(premier("a", "b")).toBe("b");
  });

  it("ignores the objection of a partner below the minimum share of the coalition's seats", () => {
    const { premier, setRel, s } = setUp(acceptable);
    s.params[P.veto_share] = 0.5; // b holds 26 of 56 seats: under half
    setRel("b", "a", -0.5);
    expect(premier("a", "b")).toBe("a");
  });

  it("leaves the coalition without a premier when every candidate is refused", () => {
    const { premier, setRel } = setUp(acceptable);
    setRel("b", "a", -0.5);
    setRel("a", "b", -0.5);
    expect(premier("a", "b")).toBeNull();
    expect(premier("c", "d")).toBeNull();
  });

  it("keeps a sitting premier in office", () => {
    const { premier, setRel, s, id } = setUp(acceptable);
    setRel("b", "a", -0.9);
    s.pm = id("a");
    expect(premier("a", "b")).toBe("a");
  });

  it("does not depend on the order in which members are listed", () => {
    const { premier, setRel } = setUp(acceptable);
    setRel("c", "a", -0.6);
    expect(premier("a", "b", "c")).toBe("b");
    expect(premier("c", "b", "a")).toBe("b");
  });
});

describe("the caretaker premier", () => {
  const withCaretaker = (d: { procedure: { caretaker?: string } }) => {
    d.procedure.caretaker = "a";
  };

  it("holds part of the premiership's value while no government exists, and loses it when one forms", () => {
    const { model, s, id } = setUp(withCaretaker);
    const alone = Int32Array.of(id("a"));
    const bonus = s.params[P.pm_bonus] * s.params[P.caretaker_value];
    const plain = setUp();
    const without = utility(plain.model, plain.s, id("a"), alone, 1);
    expect(utility(model, s, id("a"), alone, 1) - without).toBeCloseTo(bonus, 12);
    s.government = id("c");
    expect(utility(model, s, id("a"), alone, 1)).toBeCloseTo(without, 12);
  });

  it("is worth nothing to anyone else", () => {
    const { model, s, id } = setUp(withCaretaker);
    const plain = setUp();
    const alone = Int32Array.of(id("b"));
    expect(utility(model, s, id("b"), alone, 1)).toBe(utility(plain.model, plain.s, id("b"), alone, 1));
  });
});
