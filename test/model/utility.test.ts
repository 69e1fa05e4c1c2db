// Each utility term checked against values computed by hand from test/fixtures/pair.yaml and the
// documented defaults (office 1, pm_bonus 0.5, pm_sect_bonus 0.3, opposition 0.25, power_scale 0.1,
// enemy_penalty 1, base 0.5). Clout: a 0.33, b 0.29, c 0.24, d 0.20; Shia clout 0.62.
import { beforeEach, describe, expect, it } from "vitest";
import type { Model } from "../../src/model/compile.ts";
import type { RunState } from "../../src/model/state.ts";
import { utility } from "../../src/model/utility.ts";
import { pinModel, preparedFixture, variant } from "../helpers.ts";

const A = 0, B = 1, C = 2, D = 3;

// Uncertain defaults pinned to the numbers below (helpers.pinModel): office sharing 0.5, inclusion 0.3,
// unsecured 0.6, cushion 0.05, delay cost 0.03.
const setup = (edit?: Parameters<typeof variant>[1]) => preparedFixture("pair.yaml", (d) => {
  pinModel(d);
  edit?.(d);
});

function terms(model: Model, s: RunState, i: number, members: number[]) {
  const out = new Float64Array(4);
  const total = utility(model, s, i, Int32Array.from(members), members.length, out);
  return { total, power: out[0], iran: out[1], base: out[2], relations: out[3] };
}

describe("utility terms", () => {
  let model: Model;
  let s: RunState;
  beforeEach(() => ({ model, state: s } = setup()));

  it("derives clout from seat share and power", () => {
    expect(s.clout[A]).toBeCloseTo(0.33, 12);
    expect(s.shiaClout).toBeCloseTo(0.62, 12);
  });

  // A + B: 56 seats, the 51 needed plus the 5-seat cushion (0.05 of 100): secure. Only Shia: components
  // holding 44% of the seats are left out, so the government's standing is 1 − 0.3 × 0.44.
  const shiaOnly = 1 - 0.3 * 0.44;

  it("power: a share of office, half within the government (Gamson) and half by seats in parliament, plus the premier's bonus, times the government's standing", () => {
    expect(terms(model, s, A, [A, B]).power).toBeCloseTo((0.5 * (30 / 56) + 0.5 * 0.3 + 0.5) * shiaOnly, 12);
    expect(terms(model, s, B, [A, B]).power).toBeCloseTo((0.5 * (26 / 56) + 0.5 * 0.26) * shiaOnly, 12);
  });

  it("power: a government short of its cushion against defection is worth less, rising linearly to the cushion", () => {
    // A + C: 54 seats, 3 of the 5-seat cushion: standing 0.6 + 0.4 × 3/5; Shia and Sunni: 20% left out.
    const security = 0.6 + 0.4 * (3 / 5);
    expect(terms(model, s, A, [A, C]).power).toBeCloseTo((0.5 * (30 / 54) + 0.5 * 0.3 + 0.5) * security * (1 - 0.3 * 0.2), 12);
  });

  it("power: with every component in and offices allotted by seats alone, a surplus partner costs nothing", () => {
    ({ model, state: s } = setup((d) => {
      d.model.office.sharing = 1;
    }));
    expect(terms(model, s, B, [A, B, C, D]).power).toBeCloseTo(0.26, 12);
    expect(terms(model, s, B, [A, B, C, D]).power).toBeGreaterThan(terms(model, s, B, [A, B]).power);
  });

  it("power: larger-than-needed coalitions dilute each share (Riker)", () => {
    expect(terms(model, s, B, [A, B, C]).power).toBeLessThan(terms(model, s, B, [A, B]).power);
  });

  it("power: opposition earns opposition_value × clout", () => {
    expect(terms(model, s, C, [C]).power).toBeCloseTo(0.25 * 0.24, 12);
    expect(terms(model, s, C, [C, D]).power).toBeCloseTo(0.25 * 0.24, 12); // 44 seats: not winning
  });

  it("power: every round of bargaining without a government costs delay_cost outside a government that can govern", () => {
    s.round = 5; // four rounds since bargaining began in round 1
    expect(terms(model, s, C, [C, D]).power).toBeCloseTo(0.25 * 0.24 - 0.03 * 4, 12);
    expect(terms(model, s, B, [A, B]).power).toBeCloseTo((0.5 * (26 / 56) + 0.5 * 0.26) * shiaOnly, 12);
    s.government = A; // once a government exists, nobody pays for delay
    expect(terms(model, s, C, [C, D]).power).toBeCloseTo(0.25 * 0.24, 12);
  });

  it("iran: pressure × alignment × share of Shia clout in the coalition", () => {
    expect(terms(model, s, A, [A, B]).iran).toBeCloseTo(0.5 * 0.6 * 1, 12);
    expect(terms(model, s, A, [A, C]).iran).toBeCloseTo(0.5 * 0.6 * (0.33 / 0.62), 12);
    expect(terms(model, s, C, [C, A]).iran).toBeCloseTo(0.5 * -0.2 * (0.33 / 0.62), 12);
  });

  it("base: the base's view of partners' sects, plus its sect holding the premiership", () => {
    expect(terms(model, s, A, [A, B]).base).toBeCloseTo(0.5 * (0.2 + 0.3), 12);
    expect(terms(model, s, A, [A, C]).base).toBeCloseTo(0.5 * (0 + 0.3), 12);
    expect(terms(model, s, C, [A, C]).base).toBeCloseTo(0, 12); // Sunni base: neutral on Shia, premier not Sunni
  });

  it("relations: mean affinity to partners less the squared cost of enemies", () => {
    expect(terms(model, s, A, [A, B]).relations).toBeCloseTo(-0.2 - 0.04, 12);
    expect(terms(model, s, A, [A, B, C]).relations).toBeCloseTo((-0.2 + 0.1 - 0.04) / 2, 12);
    expect(terms(model, s, A, [A]).relations).toBe(0);
  });

  it("total is the weighted sum of the terms", () => {
    const t = terms(model, s, A, [A, B]);
    expect(t.total).toBeCloseTo(t.power + t.iran + t.base + t.relations, 12);
    const weighted = setup((d) => {
      d.actors[0].weights = { power: 2, iran: 0, base: 1, relations: 0.5 };
    });
    const w = terms(weighted.model, weighted.state, A, [A, B]);
    expect(w.total).toBeCloseTo(2 * t.power + t.base + 0.5 * t.relations, 12);
  });

  it("policy distance on declared issues costs in the relations term", () => {
    const withIssues = setup((d) => {
      d.issues = [{ id: "axis", label: "left to right" }];
      d.actors[0].positions = { axis: { position: -1, salience: 1 } };
      d.actors[1].positions = { axis: { position: 1, salience: 0.5 } };
    });
    // a's distance to b: salience 1 × |−1 − 1| / 2 = 1, over one issue.
    expect(terms(withIssues.model, withIssues.state, A, [A, B]).relations).toBeCloseTo(-0.2 - 1 - 0.04, 12);
    expect(terms(withIssues.model, withIssues.state, B, [A, B]).relations).toBeCloseTo(-0.2 - 0.5 - 0.04, 12);
  });
});
