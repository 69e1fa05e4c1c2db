// The command line that gives the same result as the page, shown under every result.
import path from "node:path";

/** A path as the person at the terminal would type it: relative to where the studio was started. */
export function shown(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith("..") ? relative : file;
}

function quote(arg: string): string {
  return /^[A-Za-z0-9_./=:,+-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

export function commandLine(args: string[]): string {
  return ["bazaar", ...args].map(quote).join(" ");
}

const sets = (overrides: string[]) => overrides.flatMap((o) => ["--set", o]);

export function runArgs(file: string, overrides: string[], runs: number, seed: number, out?: string): string[] {
  return ["run", shown(file), "--runs", String(runs), "--seed", String(seed), ...sets(overrides), ...(out ? ["--out", shown(out)] : [])];
}

export function compareCommand(file: string, overrides: string[], runs: number, seed: number, dirs: { baseline: string; variant: string }): string {
  return [
    commandLine(runArgs(file, [], runs, seed, dirs.baseline)),
    commandLine(runArgs(file, overrides, runs, seed, dirs.variant)),
    commandLine(["compare", shown(dirs.baseline), shown(dirs.variant)]),
  ].join("\n");
}

export function sweepCommand(file: string, overrides: string[], vary: { path: string; from: number; to: number; steps: number }, runs: number, seed: number): string {
  return commandLine(["sweep", shown(file), ...sets(overrides), "--vary", `${vary.path}=${vary.from}:${vary.to}:${vary.steps}`, "--runs", String(runs), "--seed", String(seed)]);
}

export function traceCommand(file: string, overrides: string[], seed: number, run: number): string {
  return commandLine(["trace", shown(file), "--seed", String(seed), "--run", String(run), ...sets(overrides)]);
}
