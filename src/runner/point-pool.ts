// Runs design-point tasks on W threads (this one and W − 1 workers) and hands results back in task
// order, so whatever consumes them (an analysis's accumulation, its checkpoints) sees one sequence for
// any worker count. Like the batch pool (pool.ts), each worker holds at most two tasks in flight.
import type { ScenarioSpec } from "../scenario/schema/scenario.ts";
import { PointExecutor, type PointTask, type PointTaskResult } from "./points.ts";
import type { PointWorkerSetup } from "./point-worker.ts";
import { InProcess, OrderedPool, ThisThread } from "./ordered-pool.ts";
import { workerSource } from "./worker-source.ts";

export interface PointRunner {
  /** Runs `tasks`, calling `onResult` in task order; once `stop()` is true no task starts and undelivered results are dropped. */
  run(tasks: PointTask[], onResult: (result: PointTaskResult) => void, stop: () => boolean): Promise<void>;
  /** Stops at once: running tasks are abandoned. */
  abort(): void;
  close(): Promise<void>;
}

export function createPointRunner(specs: ScenarioSpec[], seed: number, workers: number): PointRunner {
  const executor = new PointExecutor(specs, seed);
  const execute = (task: PointTask) => executor.execute(task);
  if (workers <= 1) return new InProcess(execute);
  const setup: PointWorkerSetup = { specs, seed };
  return new OrderedPool(workerSource(new URL("./point-worker.ts", import.meta.url)), setup, workers, new ThisThread(execute), (x) => x.task);
}
