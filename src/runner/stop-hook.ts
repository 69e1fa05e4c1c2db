// TEST-ONLY: a deterministic crash point. When BAZAAR_TEST_STOP_AT names a step, the process kills
// itself with SIGKILL on reaching it (no cleanup, no exit handlers: as if the power went), so the fault
// tests can stop a batch at every step of its finishing sequence on every run, whatever the machine's
// speed. Unset (always, outside tests), this does nothing.

/** The named steps of a batch, in the order it reaches them (src/runner/job.ts, src/runner/runset.ts). */
export const STOP_STEPS = [
  "batch-started", // folder cleared, record files opened, no run yet
  "chunk-merged", // the first chunk merged into the aggregate and records (kills at the first one)
  "runs-done", // every run done, the complete checkpoint not yet written
  "checkpoint-complete", // the complete checkpoint written, records still .partial
  "runs.jsonl-renamed", // runs.jsonl.partial renamed to runs.jsonl
  "runs.csv-renamed", // runs.csv.partial renamed to runs.csv
  "summary-written", // summary.json written, manifest.json not yet
  "manifest-written", // the run set complete
] as const;

export type StopStep = (typeof STOP_STEPS)[number];

export function stopPoint(step: StopStep): void {
  if (process.env.BAZAAR_TEST_STOP_AT === step) process.kill(process.pid, "SIGKILL");
}
