// How a long command meets Ctrl-C (SIGINT) and SIGTERM: the first asks the job to stop at its next
// checkpoint; a second Ctrl-C exits at once. Shared by run, sweep, sensitivity, backtest and calibrate.

/** Exit code of an interrupted batch (128 + SIGINT), as shells report it. */
export const EXIT_INTERRUPTED = 130;

/** Waits for `done`, calling `interrupt` on the first signal; ends the progress line and removes the handlers either way. */
export async function untilDoneOrInterrupted<T>(done: Promise<T>, interrupt: () => void, progress: { end(): void }): Promise<T> {
  const onSignal = () => {
    interrupt();
    process.once("SIGINT", () => process.exit(EXIT_INTERRUPTED));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  return done.finally(() => {
    progress.end();
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  });
}

/** The command line that resumes the interrupted command into `dir` (`bazaar` alone runs the default forecast). */
export function resumeCommand(argv: string[], dir: string): string {
  const args = argv.slice(1).filter((a) => a !== "--resume");
  if (args.length === 0) args.push("run");
  if (!args.includes("--out")) args.push("--out", dir);
  return [...args, "--resume"].map((a) => (/\s/.test(a) ? JSON.stringify(a) : a)).join(" ");
}
