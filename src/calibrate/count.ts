// The unit of work of a calibration: outcome counts over a range of run indices of one scenario at one
// candidate point. Run i draws from runRng(seed, i) whichever thread runs it, so counts add up exactly.
import { compileModel, type Model } from "../model/compile.ts";
import { Engine } from "../engine/run.ts";
import { runRng } from "../rng/rng.ts";
import type { ScenarioSpec } from "../scenario/schema/scenario.ts";

export interface CountTask {
  /** Position of the task in its batch. */
  id: number;
  /** Names the spec (simulation and candidate point), so a thread compiles each spec once. */
  key: string;
  spec: ScenarioSpec;
  seed: number;
  from: number;
  to: number;
}

export interface CountResult {
  id: number;
  counts: number[];
}

let compiled: { key: string; model: Model; engine: Engine } | undefined;

export function countOutcomes(task: CountTask): CountResult {
  if (compiled?.key !== task.key) {
    const model = compileModel(task.spec);
    compiled = { key: task.key, model, engine: new Engine(model) };
  }
  const counts = new Array<number>(compiled.model.outcomes.length).fill(0);
  for (let run = task.from; run < task.to; run++) counts[compiled.engine.run(runRng(task.seed, run)).outcome]++;
  return { id: task.id, counts };
}
