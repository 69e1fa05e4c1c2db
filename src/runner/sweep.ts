// `bazaar sweep`: outcome probabilities across a grid of one or two assumptions. Every grid point
// runs the same run indices with the same seed (common random numbers), so differences between
// points are the assumption's effect, not sampling noise between independent batches. Grid points are
// design points (points.ts): the CLI runs them on the worker pool with checkpoints (analysis.ts).
import { withOverrides, type LoadedScenario } from "../scenario/load.ts";
import { parseOverride } from "../scenario/overrides.ts";
import { UserError } from "../scenario/problems.ts";
import { compileModel } from "../model/compile.ts";
import { wilsonInterval } from "../stats/wilson.ts";
import type { Design } from "./analysis.ts";
import type { PointResult } from "./points.ts";
import { evaluateDesign } from "./sensitivity.ts";
import type { OutcomeSummary } from "./summary.ts";

export const MAX_GRID_POINTS = 400;

export interface Vary {
  path: string;
  values: number[];
}

export interface SweepPoint {
  values: Record<string, number>;
  outcomes: OutcomeSummary[];
}

export interface Crossing {
  path: string;
  /** Outcome a is more likely below `at`, b above it (or the reverse, as `direction` says). */
  outcomes: [string, string];
  at: number;
}

export interface Sweep {
  scenario: { id: string; title: string; sha256: string };
  seed: number;
  runs: number;
  vary: Vary[];
  points: SweepPoint[];
  crossings: Crossing[];
}

export function parseVary(text: string): Vary {
  const m = /^([^=]+)=(-?[\d.]+):(-?[\d.]+):(\d+)$/.exec(text.trim());
  if (!m) throw new UserError(`--vary ${text}: expected path=from:to:steps, e.g. drivers.iran_pressure=0:1:11`);
  const [from, to, steps] = [Number(m[2]), Number(m[3]), Number(m[4])];
  if (!Number.isFinite(from) || !Number.isFinite(to)) throw new UserError(`--vary ${text}: expected numbers for from and to`);
  if (steps < 2 || steps > MAX_GRID_POINTS) throw new UserError(`--vary ${text}: expected between 2 and ${MAX_GRID_POINTS} steps, found ${steps}`);
  const values = Array.from({ length: steps }, (_, k) => Math.round((from + ((to - from) * k) / (steps - 1)) * 1e9) / 1e9);
  return { path: m[1].trim(), values };
}

/** The design: one point per grid point, each its own scenario variant, every one on run indices 0 … runs − 1. */
export function sweepDesign(loaded: LoadedScenario, vary: Vary[], runs: number, seed: number): Design {
  if (vary.length < 1 || vary.length > 2) throw new UserError(`sweep: expected one or two --vary, found ${vary.length}`);
  const grid = vary.length === 1 ? vary[0].values.map((v) => [v]) : vary[0].values.flatMap((a) => vary[1].values.map((b) => [a, b]));
  if (grid.length > MAX_GRID_POINTS) throw new UserError(`sweep: expected at most ${MAX_GRID_POINTS} grid points, found ${grid.length}`);
  const specs = grid.map((values) => withOverrides(loaded, values.map((v, k) => parseOverride(`${vary[k].path}=${v}`))).spec);
  for (const spec of specs) compileModel(spec); // any problem with a variant surfaces now, before work starts
  return { kind: "sweep", parameters: { vary }, specs, points: specs.map((_, k) => ({ spec: k, pins: null, runOffset: 0 })), runs, seed };
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** The sweep from its design's point results (in grid order). */
export function analyzeSweep(loaded: LoadedScenario, vary: Vary[], design: Design, results: PointResult[]): Sweep {
  const labels = loaded.spec.outcomes.map((o) => ({ id: o.id, label: o.label }));
  const points = results.map((r, k): SweepPoint => ({
    values: Object.fromEntries(vary.map((v, j) => [v.path, readValue(k, j, vary)])),
    outcomes: labels.map((o, j): OutcomeSummary => {
      const count = r.outcomes[j];
      const [lo, hi] = wilsonInterval(count, r.runs);
      return { ...o, count, probability: round6(r.runs ? count / r.runs : 0), ci95: [round6(lo), round6(hi)] };
    }),
  }));
  return {
    scenario: { id: loaded.spec.meta.id, title: loaded.spec.meta.title, sha256: loaded.sha256 },
    seed: design.seed, runs: design.runs, vary, points,
    crossings: vary.length === 1 ? crossings(vary[0].path, points) : [],
  };
}

function readValue(point: number, j: number, vary: Vary[]): number {
  const second = vary[1]?.values.length ?? 1;
  return j === 0 ? vary[0].values[Math.floor(point / second)] : vary[1].values[point % second];
}

export function runSweep(loaded: LoadedScenario, vary: Vary[], runs: number, seed: number): Sweep {
  const design = sweepDesign(loaded, vary, runs, seed);
  return analyzeSweep(loaded, vary, design, evaluateDesign(design));
}

/** Where, along a one-dimensional sweep, one outcome's probability overtakes another's (linear interpolation). */
export function crossings(path: string, points: SweepPoint[]): Crossing[] {
  const found: Crossing[] = [];
  const ids = points[0].outcomes.map((o) => o.id);
  for (let a = 0; a < ids.length; a++) {
    for (let b = a + 1; b < ids.length; b++) {
      for (let k = 1; k < points.length; k++) {
        const d0 = points[k - 1].outcomes[a].probability - points[k - 1].outcomes[b].probability;
        const d1 = points[k].outcomes[a].probability - points[k].outcomes[b].probability;
        if (d0 === 0 || Math.sign(d0) === Math.sign(d1) || d1 === 0) continue;
        const x0 = points[k - 1].values[path];
        const x1 = points[k].values[path];
        const at = x0 + ((x1 - x0) * d0) / (d0 - d1);
        found.push({ path, outcomes: d0 > 0 ? [ids[a], ids[b]] : [ids[b], ids[a]], at: Math.round(at * 1e6) / 1e6 });
      }
    }
  }
  return found;
}

/** Long format for pandas and R: one row per grid point and outcome. */
export function sweepCsv(sweep: Sweep): string {
  const header = [...sweep.vary.map((v) => v.path), "outcome", "probability", "ci95_low", "ci95_high"].join(",");
  const rows = sweep.points.flatMap((p) => p.outcomes.map((o) => [...sweep.vary.map((v) => p.values[v.path]), o.id, o.probability, o.ci95[0], o.ci95[1]].join(",")));
  return [header, ...rows].join("\n") + "\n";
}
