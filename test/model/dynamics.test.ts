import { describe, expect, it } from "vitest";
import { driftRelations } from "../../src/model/dynamics.ts";
import { fireEvents } from "../../src/model/events.ts";
import { runRng } from "../../src/rng/rng.ts";
import { preparedFixture, variant } from "../helpers.ts";

function prepared(edit?: Parameters<typeof variant>[1]) {
  const { model, state } = preparedFixture("pair.yaml", edit);
  return { model, s: state };
}

describe("relation dynamics", () => {
  it("decays toward the baseline and pulls Iran-aligned actors together", () => {
    const { model, s } = prepared();
    const ab = 0 * 4 + 1;
    const cd = 2 * 4 + 3;
    s.rel[ab] = 0.3; // baseline −0.2
    s.rel[cd] = 0.5; // baseline 0
    driftRelations(model, s);
    // decay 0.15; pull 0.04 × pressure 0.5 × 0.6 × 0.5 between a and b; c and d resist Tehran: no pull.
    expect(s.rel[ab]).toBeCloseTo(0.3 + 0.15 * (-0.2 - 0.3) + 0.04 * 0.5 * 0.6 * 0.5, 12);
    expect(s.rel[cd]).toBeCloseTo(0.5 + 0.15 * (0 - 0.5), 12);
  });

  it("keeps affinities in [-1, 1]", () => {
    const { model, s } = prepared((d) => {
      d.drivers.iran_pressure = 1;
      d.model.dynamics.pressure_pull = 1;
      d.model.dynamics.decay = 0;
    });
    s.rel[1] = 0.99;
    driftRelations(model, s);
    expect(s.rel[1]).toBe(1);
  });
});

describe("events", () => {
  it("fire with their probability and shift the relation and its baseline", () => {
    const { model, s } = prepared((d) => {
      d.events[0].probability = 1;
    });
    fireEvents(model, s, runRng(1, 1));
    expect(s.rel[1]).toBeCloseTo(-0.25, 12);
    expect(s.rel0[1]).toBeCloseTo(-0.25, 12);
  });

  it("respect `once` and their condition", () => {
    const { model, s } = prepared((d) => {
      d.events[0].probability = 1;
      d.events[0].once = true;
      d.events.push({ id: "late", probability: 1, once: false, when: { round: { from: 3 } }, effects: [{ driver: { id: "iran_pressure", shift: 0.1 } }] });
    });
    const rng = runRng(1, 2);
    for (let round = 1; round <= 4; round++) {
      s.round = round;
      fireEvents(model, s, rng);
    }
    expect(s.rel[1]).toBeCloseTo(-0.25, 12); // fired once, not four times
    expect(s.drivers[0]).toBeCloseTo(0.7, 12); // rounds 3 and 4 only
  });

  it("never fire at probability 0", () => {
    const { model, s } = prepared((d) => {
      d.events[0].probability = 0;
    });
    for (let k = 0; k < 50; k++) fireEvents(model, s, runRng(1, k));
    expect(s.rel[1]).toBeCloseTo(-0.2, 12);
  });
});
