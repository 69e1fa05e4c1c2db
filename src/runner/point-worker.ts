// A worker thread for design points: compiles each scenario once, then runs the point tasks it is sent.
import { parentPort, workerData } from "node:worker_threads";
import type { ScenarioSpec } from "../scenario/schema/scenario.ts";
import { PointExecutor, type PointTask } from "./points.ts";

export interface PointWorkerSetup {
  specs: ScenarioSpec[];
  seed: number;
}

const setup = workerData as PointWorkerSetup;
const executor = new PointExecutor(setup.specs, setup.seed);

parentPort!.on("message", (task: PointTask) => {
  parentPort!.postMessage(executor.execute(task));
});
