// The `bazaar` command line: commands, exit codes, and error reporting without stack traces.
import { Command, CommanderError } from "commander";
import { UserError } from "../scenario/problems.ts";
import { VERSION } from "../version.ts";
import { registerRun } from "./commands/run.ts";
import { registerValidate } from "./commands/validate.ts";
import { registerSchema } from "./commands/schema.ts";
import { registerMerge } from "./commands/merge.ts";
import { registerTrace } from "./commands/trace.ts";
import { registerSweep } from "./commands/sweep.ts";
import { registerSensitivity } from "./commands/sensitivity.ts";
import { registerCompare } from "./commands/compare.ts";
import { registerReport } from "./commands/report.ts";
import { registerBacktest } from "./commands/backtest.ts";
import { registerDiscover } from "./commands/discover.ts";
import { registerStudio } from "./commands/studio.ts";
import { registerCalibrate } from "./commands/calibrate.ts";
import type { Io } from "./io.ts";

/** Exit codes (docs/errors.md): 2 for any bad input, 70 for a bug; an interrupted batch exits 130 (run.ts). */
export const EXIT = { ok: 0, usage: 2, internal: 70 } as const;

export function buildProgram(io: Io): Command {
  const program = new Command("bazaar")
    .description("Forecast political bargaining with a seeded agent-based Monte Carlo model.\nWith no command, forecasts the default scenario (Maliki–Sadr 2024, 10,000 runs).")
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showHelpAfterError("(run 'bazaar --help' for usage)");
  registerRun(program, io);
  registerValidate(program, io);
  registerSchema(program, io);
  registerMerge(program, io);
  registerTrace(program, io);
  registerSweep(program, io);
  registerSensitivity(program, io);
  registerCompare(program, io);
  registerReport(program, io);
  registerBacktest(program, io);
  registerDiscover(program, io);
  registerStudio(program, io);
  registerCalibrate(program, io);
  program.commands.forEach((c) => c.exitOverride().configureOutput({ writeOut: io.out, writeErr: io.err }));
  return program;
}

/** Runs the CLI and returns its exit code. */
export async function runCli(args: string[], io: Io): Promise<number> {
  let code: number = EXIT.ok;
  const withExit: Io = { ...io, exitCode: (c) => (code = Math.max(code, c)) };
  try {
    await buildProgram(withExit).parseAsync(args.length === 0 ? ["run"] : args, { from: "user" });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (e instanceof UserError) {
      io.err(`bazaar: ${e.message}\n`);
      return e.exitCode;
    }
    const error = e as Error;
    io.err(`bazaar: internal error: ${error?.message ?? String(e)}\nThis is a bug in bazaar; please report it with the command you ran.${process.env.BAZAAR_DEBUG ? `\n${error?.stack}` : " (BAZAAR_DEBUG=1 shows the stack.)"}\n`);
    return EXIT.internal;
  }
}
