// Generated scenarios for scaling measurements: n actors, deterministic attributes from a labelled stream.
import { Scenario, type ScenarioSpec } from "../src/scenario/schema/scenario.ts";
import { labelledRng } from "../src/rng/rng.ts";

const SECT_CYCLE = ["shia", "sunni", "kurd", "shia", "secular"] as const;

export function generatedScenario(actors: number, rounds = 12): ScenarioSpec {
  const rng = labelledRng(actors, "bench-scenario");
  const parliament = 329;
  const weights = Array.from({ length: actors }, () => 0.2 + rng.next());
  const total = weights.reduce((a, b) => a + b, 0);
  const seats = weights.map((w) => Math.floor((w / total) * parliament * 0.95));
  const ids = Array.from({ length: actors }, (_, i) => `p${i}`);
  const pairs = [];
  for (let i = 0; i < actors; i++) {
    for (let j = i + 1; j < actors; j++) {
      if (rng.next() < 0.3) pairs.push({ between: [ids[i], ids[j]], value: Math.round((rng.next() * 1.6 - 0.8) * 100) / 100 });
    }
  }
  return Scenario.parse({
    meta: { id: `generated-${actors}`, title: `Generated, ${actors} actors`, question: "Do p0 and p1 end together?", as_of: "2024-01-01" },
    parliament: { seats: parliament },
    actors: ids.map((id, i) => ({
      id, name: id.toUpperCase(), sect: SECT_CYCLE[i % SECT_CYCLE.length], seats: seats[i],
      bloc: i % 4 === 0 ? undefined : `b${Math.floor(i / 4)}`,
      power: Math.round(rng.next() * 100) / 100,
      iran_alignment: Math.round((rng.next() * 2 - 1) * 100) / 100,
      base: 0.5,
    })),
    relations: { default: 0, pairs },
    sect_affinity: { pairs: [{ base: "shia", partner: "shia", value: 0.3 }] },
    drivers: { iran_pressure: { dist: "beta", a: 6, b: 3 } },
    events: [{ id: "shock", probability: 0.2, effects: [{ relation: { between: ["p0", "p1"], shift: 0.05 } }] }],
    procedure: {
      pm_eligible: { sect: ["shia"] },
      steps: [
        { id: "president", quorum: { fraction: 0.6667 }, pass: { fraction: 0.5, of: "present" } },
        { id: "cabinet", quorum: { fraction: 0.5 }, pass: { seats: 165 } },
      ],
    },
    rounds: { max: rounds, stability: 3 },
    outcomes: [
      { id: "together", label: "p0 and p1 together", when: { together: ["p0", "p1"] } },
      { id: "apart", label: "Apart", otherwise: true },
    ],
    metrics: [{ id: "formed", type: "condition", when: { government: "formed" } }],
  });
}
