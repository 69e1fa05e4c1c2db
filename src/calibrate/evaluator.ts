// Evaluating a candidate point: the outcome counts of each simulation with the point's parameter values
// applied exactly as `--set` applies them, from the same seed and run indices at every point (common
// random numbers). What the cache holds is reused; the rest runs on the pool, and the cache is
// checkpointed after each evaluation.
import { canonicalJson, withOverrides, type LoadedScenario } from "../scenario/load.ts";
import type { ScenarioSpec } from "../scenario/schema/scenario.ts";
import type { Override } from "../scenario/overrides.ts";
import type { EvaluationCache, Point } from "./cache.ts";
import type { CaseSet } from "./cases.ts";
import type { CountTask } from "./count.ts";
import type { CountPool } from "./pool.ts";

/** Runs per task: small enough to keep every worker busy to the end of an evaluation. */
export const TASK_RUNS = 500;

/** Thrown when the calibration is interrupted during an evaluation; the checkpoint stands. */
export class Interrupted extends Error {}

export interface EvaluatorOptions {
  seed: number;
  runs: number;
  /** The folder the checkpoint is written to. */
  dir: string;
  /** Hears of runs as they are done (progress only). */
  onRuns?: (runs: number) => void;
}

export class Evaluator {
  constructor(
    private readonly set: CaseSet,
    private readonly pool: CountPool,
    private readonly cache: EvaluationCache,
    private readonly options: EvaluatorOptions,
  ) {}

  /** Points evaluated so far (in the checkpoint). */
  evaluated(): number {
    return this.cache.size;
  }

  /** The outcome counts of each of `simulations` at `point`, by simulation index. */
  async counts(point: Point, simulations: readonly number[]): Promise<Map<number, number[]>> {
    const todo = simulations.filter((s) => !this.cache.get(point, this.set.simulations[s].key));
    if (todo.length > 0) await this.compute(point, todo);
    return new Map(simulations.map((s) => [s, this.cache.get(point, this.set.simulations[s].key)!]));
  }

  private async compute(point: Point, todo: number[]): Promise<void> {
    const tasks: CountTask[] = [];
    const keyOf = (s: number) => `${this.set.simulations[s].key}|${canonicalJson(point)}`;
    for (const s of todo) {
      const spec = specAt(this.set.simulations[s].loaded, point);
      const key = keyOf(s);
      for (let from = 0; from < this.options.runs; from += TASK_RUNS) {
        tasks.push({ id: tasks.length, key, spec, seed: this.options.seed, from, to: Math.min(this.options.runs, from + TASK_RUNS) });
      }
    }
    const results = await this.pool.run(tasks, (t) => this.options.onRuns?.(t.to - t.from));
    if (!results) throw new Interrupted();
    const totals = new Map<string, number[]>();
    results.forEach((r, k) => {
      const sum = totals.get(tasks[k].key);
      totals.set(tasks[k].key, sum ? sum.map((c, j) => c + r.counts[j]) : r.counts);
    });
    for (const s of todo) this.cache.set(point, this.set.simulations[s].key, totals.get(keyOf(s))!);
    this.cache.save(this.options.dir);
  }
}

/** The scenario with the point's values set, as `--set path=value` would set them, and validated again. */
export function specAt(loaded: LoadedScenario, point: Point): ScenarioSpec {
  const overrides: Override[] = Object.keys(point).sort().map((p) => ({ text: `${p}=${point[p]}`, path: p.split("."), value: point[p] }));
  return overrides.length === 0 ? loaded.spec : withOverrides(loaded, overrides).spec;
}
