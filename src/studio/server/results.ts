// A finished batch as the page shows it: its summary, charts, and the command that gives the same numbers.
import type { RunView } from "../protocol.ts";
import { metricChart, outcomesChart } from "./charts.ts";
import { commandLine, runArgs } from "./commands.ts";
import type { RunRecord } from "./run-store.ts";

export async function runView(record: RunRecord): Promise<RunView> {
  const { summary, checkpoint } = record.runSet;
  const metrics = await Promise.all(
    Object.entries(summary.metrics).map(([id, m]) => metricChart(id, m, checkpoint?.aggregate.numeric[id]?.counts)),
  );
  return {
    id: record.id,
    seed: record.seed,
    runs: record.runs,
    overrides: record.overrides,
    summary,
    charts: { outcomes: await outcomesChart(summary), metrics },
    command: commandLine(runArgs(record.file, record.overrides, record.runs, record.seed)),
  };
}
