// Per-run records for pandas and R: one row per run with its sampled assumptions, outcome and metrics.
// runs.jsonl: {"run":0,"outcome":"sway","assumptions":{...},"metrics":{...}} per line.
// runs.csv: run,outcome,<assumption paths...>,<metric ids...>; categories by name, undefined as empty.
import type { Model } from "../model/compile.ts";
import type { RunState } from "../model/state.ts";
import type { RunResult } from "../engine/run.ts";

export interface RecordText {
  jsonl: string;
  csv: string;
}

export function csvHeader(model: Model): string {
  return [ "run", "outcome", ...model.slots.map((s) => s.path), ...model.metrics.map((m) => m.id)].map(csvField).join(",") + "\n";
}

/** Appends one run's record to the chunk's text. */
export function appendRecord(model: Model, run: number, s: RunState, result: RunResult, out: RecordText): void {
  const outcome = model.outcomes[result.outcome].id;
  const assumptions: Record<string, number> = {};
  model.slots.forEach((slot, k) => (assumptions[slot.path] = s.sampled[k]));
  const metrics: Record<string, number | string | null> = {};
  const cells: string[] = [String(run), csvField(outcome), ...Array.from(s.sampled, String)];
  model.metrics.forEach((m, k) => {
    const v = result.metrics[k];
    const value = Number.isNaN(v) ? null : m.kind === "categorical" ? m.categories[v] : v;
    metrics[m.id] = value;
    cells.push(value === null ? "" : typeof value === "string" ? csvField(value) : String(value));
  });
  out.jsonl += JSON.stringify({ run, outcome, assumptions, metrics }) + "\n";
  out.csv += cells.join(",") + "\n";
}

function csvField(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
