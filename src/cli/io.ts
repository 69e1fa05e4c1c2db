// What commands may touch of the outside world, so tests can run the CLI in-process too.
import path from "node:path";

export interface Io {
  argv: string[];
  out(text: string): void;
  err(text: string): void;
  exitCode(code: number): void;
  style: { bold: (s: string) => string };
  relative(file: string): string;
}

export function processIo(argv: string[], setExit: (code: number) => void): Io {
  const color = process.stdout.isTTY === true && !process.env.NO_COLOR;
  return {
    argv,
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    exitCode: setExit,
    style: { bold: (s) => (color ? `\x1b[1m${s}\x1b[22m` : s) },
    relative: (file) => path.relative(process.cwd(), file) || ".",
  };
}
