// One batch in its own process, so its peak resident memory (main thread and workers) can be read.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadScenarioFile } from "../src/scenario/load.ts";
import { runJob } from "../src/runner/job.ts";
import { DEFAULT_SCENARIO } from "../src/version.ts";

const runs = Number(process.argv[2]);
const workers = Number(process.argv[3] ?? 2);
const dir = mkdtempSync(path.join(os.tmpdir(), "bazaar-bench-"));
const result = await runJob(loadScenarioFile(DEFAULT_SCENARIO), { runs, seed: 1, chunkSize: 2000, workers, records: false, resume: false, dir, command: ["bench"] });
rmSync(dir, { recursive: true, force: true });
if (result.status !== "complete") throw new Error("interrupted");
console.log(JSON.stringify({ runs, workers, seconds: result.seconds, peakRssMB: process.resourceUsage().maxRSS / 1024 }));
