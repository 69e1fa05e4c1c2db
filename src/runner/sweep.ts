// `bazaar sweep`: outcome probabilities across a grid of one or two assumptions. Every grid point
// runs the same run indices with the same seed (common random numbers), so differences between
// points are the assumption's effect, not sampling noise between independent batches.
import { withOverrides, type LoadedScenario } from "../scenario/load.ts";
import { parseOverride } from "../scenario/overrides.ts";
import { UserError } from "../scenario/problems.ts";
import { compileModel } from "../model/compile.ts";
import { runBatch } from "./batch.ts";
import { summarize, type OutcomeSummary } from "./summary.ts";

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

export function runSweep(loaded: LoadedScenario, vary: Vary[], runs: number, seed: number): Sweep {
  if (vary.length < 1 || vary.length > 2) throw new UserError(`sweep: expected one or two --vary, found ${vary.length}`);
  const grid = vary.length === 1 ? vary[0].values.map((v) => [v]) : vary[0].values.flatMap((a) => vary[1].values.map((b) => [a, b]));
  if (grid.length > MAX_GRID_POINTS) throw new UserError(`sweep: expected at most ${MAX_GRID_POINTS} grid points, found ${grid.length}`);
  const points = grid.map((values) => {
    const variant = withOverrides(loaded, values.map((v, k) => parseOverride(`${vary[k].path}=${v}`)));
    const model = compileModel(variant.spec);
    const summary = summarize(variant, model, runBatch(model, { runs, seed }), seed);
    return { values: Object.fromEntries(values.map((v, k) => [vary[k].path, v])), outcomes: summary.outcomes };
  });
  return {
    scenario: { id: loaded.spec.meta.id, title: loaded.spec.meta.title, sha256: loaded.sha256 },
    seed, runs, vary, points,
    crossings: vary.length === 1 ? crossings(vary[0].path, points) : [],
  };
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
