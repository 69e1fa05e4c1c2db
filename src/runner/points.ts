// Design points: a scenario (one of a list) with some uncertain inputs pinned, run for a batch of run
// indices. Every analysis (sweep, sensitivity, …) is a list of such points; this is the unit of work
// the worker pool runs, and what an analysis checkpoint saves. A point's result is exact integer
// counts, so its chunks may run anywhere, in any order, and add up to the same thing.
import { runRng } from "../rng/rng.ts";
import { compileModel, type Model } from "../model/compile.ts";
import { Engine } from "../engine/run.ts";
import type { ScenarioSpec } from "../scenario/schema/scenario.ts";
import { GRID } from "../stats/histogram.ts";

export interface PointSpec {
  /** Index into the analysis's list of scenario specs. */
  spec: number;
  /** Per uncertain input (slot) of that spec's model: the value to pin it at, or null to leave it uncertain. */
  pins: (number | null)[] | null;
  /** Run r of the point uses the random stream of run index runOffset + r (0 for common random numbers). */
  runOffset: number;
}

export interface PointTask extends PointSpec {
  task: number;
  point: number;
  /** Runs [from, to) of the point. */
  from: number;
  to: number;
}

/** Outcome counts, and for each numeric metric (in model order) [values recorded, sum of values × GRID]. */
export interface PointResult {
  runs: number;
  outcomes: number[];
  numeric: [number, number][];
}

export interface PointTaskResult {
  task: number;
  result: PointResult;
}

export function emptyResult(model: Model): PointResult {
  return { runs: 0, outcomes: model.outcomes.map(() => 0), numeric: model.metrics.filter((m) => m.kind === "numeric").map(() => [0, 0]) };
}

export function addResult(into: PointResult, other: PointResult): void {
  into.runs += other.runs;
  other.outcomes.forEach((c, k) => (into.outcomes[k] += c));
  other.numeric.forEach(([n, sum], k) => {
    into.numeric[k][0] += n;
    into.numeric[k][1] += sum;
  });
}

/** Compiled models by spec index, built on first use (one per thread). */
export class PointExecutor {
  private readonly compiled = new Map<number, { model: Model; engine: Engine; numeric: number[] }>();
  constructor(private readonly specs: ScenarioSpec[], private readonly seed: number) {}

  execute(task: PointTask): PointTaskResult {
    let c = this.compiled.get(task.spec);
    if (!c) {
      const model = compileModel(this.specs[task.spec]);
      c = { model, engine: new Engine(model), numeric: model.metrics.flatMap((m, k) => (m.kind === "numeric" ? [k] : [])) };
      this.compiled.set(task.spec, c);
    }
    const { model, engine, numeric } = c;
    const result = emptyResult(model);
    // Pinned slots still draw (prepareRun), so every point's runs consume their streams identically.
    model.slots.forEach((slot, k) => (slot.pinned = task.pins?.[k] ?? undefined));
    try {
      for (let r = task.from; r < task.to; r++) {
        const run = engine.run(runRng(this.seed, task.runOffset + r));
        result.runs++;
        result.outcomes[run.outcome]++;
        numeric.forEach((k, j) => {
          const value = run.metrics[k];
          if (Number.isNaN(value)) return;
          result.numeric[j][0]++;
          result.numeric[j][1] += Math.round(value * GRID); // as the run's Histogram records it
        });
      }
    } finally {
      for (const slot of model.slots) slot.pinned = undefined;
    }
    return { task: task.task, result };
  }
}
