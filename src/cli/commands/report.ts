import path from "node:path";
import type { Command } from "commander";
import { buildReport } from "../../report/report.ts";
import { writeFileAtomic } from "../../runner/atomic.ts";
import type { Io } from "../io.ts";

export function registerReport(program: Command, io: Io): void {
  program
    .command("report")
    .description("a self-contained report.html from run sets (two: a comparison), sweeps, sensitivity analyses, backtests and discover folders")
    .argument("<folders...>", "run set, sweep, sensitivity, backtest (--out) or discover folders")
    .option("--out <file>", "where to write the report (default: report.html in the first folder)")
    .action(async (dirs: string[], options: { out?: string }) => {
      const html = await buildReport(dirs);
      const file = options.out ?? path.join(dirs[0], "report.html");
      writeFileAtomic(file, html);
      io.err(`report: ${io.relative(path.resolve(file))}\n`);
    });
}
