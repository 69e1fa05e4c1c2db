// A worker thread: compiles the scenario once, then runs the chunks it is sent.
import { parentPort, workerData } from "node:worker_threads";
import { compileModel } from "../model/compile.ts";
import { Engine } from "../engine/run.ts";
import type { ScenarioSpec } from "../scenario/schema/scenario.ts";
import { executeChunk } from "./chunk.ts";
import type { ChunkRange } from "./plan.ts";

export interface WorkerSetup {
  spec: ScenarioSpec;
  seed: number;
  records: boolean;
}

const setup = workerData as WorkerSetup;
const model = compileModel(setup.spec);
const engine = new Engine(model);

parentPort!.on("message", (range: ChunkRange) => {
  parentPort!.postMessage(executeChunk(model, engine, setup.seed, range, setup.records));
});
