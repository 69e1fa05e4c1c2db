// The premier rules: the kingmaker's veto (pm_rule: acceptable), compromise premiers and the caretaker premier.
import { describe, expect, it } from "vitest";
import { compileModel } from "../../src/model/compile.ts";
import { prepareRun } from "../../src/model/draw.ts";
import { P } from "../../src/model/params.ts";
import { RunState } from "../../src/model/state.ts";
import { utility } from "../../src/model/utility.ts";
import { acceptablePremier, COMPROMISE, FULL_RECOUNT, LEADER, PremierChoice, premierWith, premierWithNewcomer } from "../../src/model/premier.ts";
import fc from "fast-check";
import { runRng } from "../../src/rng/rng.ts";
import { loadFixture, pinModel, variant } from "../helpers.ts";

// pair.yaml: a (shia, 30 seats), b (shia, 26), c (sunni, 24), d (kurd, 20); only Shia may be premier.
function setUp(edit: Parameters<typeof variant>[1] = () => {}) {
  const model = compileModel(variant(loadFixture("pair.yaml"), (d) => {
    pinModel(d); // veto line -0.3, compromise lift 0.35
    edit(d);
  }).spec);
  const s = new RunState(model.template.dims);
  prepareRun(model, s, runRng(1, 0));
  const id = (name: string) => model.ids.indexOf(name);
  const setRel = (from: string, to: string, value: number) => (s.rel[id(from) * model.n + id(to)] = value);
  const choice = new PremierChoice();
  const premier = (...names: string[]) => {
    const pm = acceptablePremier(model, s, Int32Array.from(names.map(id)), 0, names.length, choice);
    if (pm < 0) return null;
    return choice.kind === LEADER ? model.ids[pm] : choice.kind === COMPROMISE ? `${model.ids[pm]} (compromise)` : `independent via ${model.ids[pm]}`;
  };
  return { model, s, id, setRel, premier, choice };
}

const acceptable = (d: { procedure: { pm_rule: string } }) => {
  d.procedure.pm_rule = "acceptable";
};

describe("the kingmaker's veto and compromise premiers", () => {
  it("gives the premiership to the largest eligible member's leader when nobody objects", () => {
    const { premier } = setUp(acceptable);
    expect(premier("a", "b", "c")).toBe("a");
  });

  it("keeps it in the largest party, with a compromise figure, when a weighty partner's hostility is within the compromise lift", () => {
    const { premier, setRel, s } = setUp(acceptable);
    setRel("b", "a", s.params[P.veto_below] - s.params[P.compromise_lift] + 0.01);
    expect(premier("a", "b")).toBe("a (compromise)");
  });

  it("passes it to the next eligible party's leader when the hostility is beyond the lift", () => {
    const { premier, setRel, s } = setUp(acceptable);
    setRel("b", "a", s.params[P.veto_below] - s.params[P.compromise_lift] - 0.01);
    expect(premier("a", "b")).toBe("b");
  });

  it("ignores the objection of a partner below the minimum share of the coalition's seats", () => {
    const { premier, setRel, s } = setUp(acceptable);
    s.params[P.veto_share] = 0.5; // b holds 26 of 56 seats: under half
    setRel("b", "a", -0.9);
    expect(premier("a", "b")).toBe("a");
  });

  it("turns to an independent when every party is refused, or leaves the coalition without a premier if the procedure allows none", () => {
    const { premier, setRel } = setUp(acceptable);
    setRel("b", "a", -0.9);
    setRel("a", "b", -0.9);
    expect(premier("a", "b")).toBe("independent via a");
    expect(premier("c", "d")).toBeNull(); // nobody eligible to nominate one
    const strict = setUp((d) => {
      acceptable(d);
      d.procedure.independent_premier = false;
    });
    strict.setRel("b", "a", -0.9);
    strict.setRel("a", "b", -0.9);
    expect(strict.premier("a", "b")).toBeNull();
  });

  it("takes a party's first named candidate whose lift covers the partners' hostility", () => {
    const { premier, setRel, model, choice } = setUp((d) => {
      acceptable(d);
      d.procedure.candidates = [
        { id: "a_second", name: "A's deputy", party: "a", lift: 0.2 },
        { id: "a_third", name: "A's outsider", party: "a", lift: 0.6 },
      ];
    });
    setRel("b", "a", -0.6); // 0.3 below the veto line: the deputy's 0.2 is not enough
    expect(premier("a", "b")).toBe("a (compromise)");
    expect(model.candidateIds[choice.who]).toBe("a_third");
  });

  it("keeps a sitting premier in office", () => {
    const { premier, setRel, s, id } = setUp(acceptable);
    setRel("b", "a", -0.9);
    s.pm = id("a");
    expect(premier("a", "b")).toBe("a");
  });

  it("does not depend on the order in which members are listed", () => {
    const { premier, setRel } = setUp(acceptable);
    setRel("c", "a", -0.9);
    expect(premier("a", "b", "c")).toBe("b");
    expect(premier("c", "b", "a")).toBe("b");
  });
});

describe("the newcomer's shortcut (premierWithNewcomer)", () => {
  it("agrees with working out the whole veto again, whenever it answers", () => {
    const { model, s } = setUp(acceptable);
    const n = model.n; // pair.yaml: four actors, a and b eligible
    let answered = 0;
    fc.assert(fc.property(
      fc.array(fc.integer({ min: 1, max: 40 }), { minLength: n, maxLength: n }),
      fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: n * n, maxLength: n * n }),
      fc.double({ min: -0.8, max: 0, noNaN: true }), fc.double({ min: 0, max: 0.6, noNaN: true }), fc.double({ min: 0, max: 0.5, noNaN: true }),
      fc.subarray([0, 1, 2, 3], { minLength: 1 }), fc.integer({ min: 0, max: 3 }),
      (seats, rel, below, share, lift, members, newcomer) => {
        if (members.includes(newcomer)) return;
        s.seats.set(seats);
        s.rel.set(rel);
        s.params[P.veto_below] = below;
        s.params[P.veto_share] = share;
        s.params[P.compromise_lift] = lift;
        s.pm = -1;
        const inK = Int32Array.from(members);
        const choice = new PremierChoice();
        const p = acceptablePremier(model, s, inK, 0, inK.length, choice);
        let top = -1;
        for (const m of members) top = premierWith(model, s, top, m);
        if (p < 0 || p !== top || choice.kind !== LEADER) return; // the shortcut's precondition
        const quick = new PremierChoice();
        const fast = premierWithNewcomer(model, s, inK, 0, inK.length, p, newcomer, quick);
        if (fast === FULL_RECOUNT) return;
        answered++;
        const full = new PremierChoice();
        const all = Int32Array.from([...members, newcomer]);
        expect(fast).toBe(acceptablePremier(model, s, all, 0, all.length, full));
        expect([quick.kind, quick.who]).toEqual([full.kind, full.who]);
      },
    ), { numRuns: 2000, seed: 7 });
    expect(answered).toBeGreaterThan(100); // the shortcut is taken often enough for the check to mean something
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
