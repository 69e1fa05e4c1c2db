// The bazaar library API. The CLI is built on exactly these functions.
export { loadScenarioFile, parseScenarioText, scenarioHash, type LoadedScenario } from "./scenario/load.ts";
export { Scenario, type ScenarioSpec } from "./scenario/schema/scenario.ts";
export { scenarioJsonSchema } from "./scenario/json-schema.ts";
export { ScenarioError, UserError, type Problem } from "./scenario/problems.ts";
export { compileModel, type Model } from "./model/compile.ts";
export { Engine, type RunResult } from "./engine/run.ts";
export { runBatch, type BatchOptions } from "./runner/batch.ts";
export { Aggregate } from "./runner/aggregate.ts";
export { summarize, type Summary, type OutcomeSummary } from "./runner/summary.ts";
export { forecast, DEFAULT_RUNS, DEFAULT_SEED, type Forecast, type ForecastOptions } from "./runner/forecast.ts";
export { runJob, startJob, type JobOptions, type JobResult, type JobControl } from "./runner/job.ts";
export { mergeRunSets } from "./runner/merge.ts";
export { parseShard, type Shard } from "./runner/plan.ts";
export { readRunSet, writeRunSet, type RunSet, type Manifest } from "./runner/runset.ts";
export { runRng, type Rng } from "./rng/rng.ts";
export { wilsonInterval } from "./stats/wilson.ts";
export { VERSION, DEFAULT_SCENARIO } from "./version.ts";
