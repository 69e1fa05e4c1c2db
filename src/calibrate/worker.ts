// A calibration worker thread: counts outcomes for the tasks it is sent.
import { parentPort } from "node:worker_threads";
import { countOutcomes, type CountTask } from "./count.ts";

parentPort!.on("message", (task: CountTask) => {
  parentPort!.postMessage(countOutcomes(task));
});
