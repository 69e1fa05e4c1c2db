// A problem found in a scenario: where it is, what was expected, what was found.
export type FieldPath = (string | number)[];

export interface Problem {
  file: string;
  line?: number;
  column?: number;
  path: FieldPath;
  message: string;
}

/** Bad input from the user. The CLI prints `message` and exits 2; never a stack trace. */
export class UserError extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = "UserError";
  }
}

/** Every problem found in one or more scenario files, reported together. */
export class ScenarioError extends UserError {
  constructor(readonly problems: Problem[]) {
    super(
      problems.length === 1
        ? formatProblem(problems[0])
        : `${[...new Set(problems.map((p) => p.file))].join(", ")}: ${problems.length} problems:\n${problems.map((p) => `  ${formatProblem(p)}`).join("\n")}`,
    );
    this.name = "ScenarioError";
  }
}

export function formatPath(path: FieldPath): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? part : `.${part}`;
  }
  return out || "(top level)";
}

export function formatProblem(p: Problem): string {
  const where = p.line !== undefined ? `${p.file}:${p.line}:${p.column ?? 1}` : p.file;
  return p.path.length === 0 ? `${where}: ${p.message}` : `${where}: ${formatPath(p.path)}: ${p.message}`;
}

/** Shows a value the way a YAML author wrote it, shortened. */
export function describeFound(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? value.slice(0, 37) + "..." : value);
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === "object") return `a mapping with keys ${Object.keys(value).slice(0, 5).join(", ") || "(none)"}`;
  return String(value);
}

/** Why a file could not be read, in words (the code itself when there is no plainer word). */
export function describeReadError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return "no such file";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "ENOTDIR") return "a part of the path is not a folder";
  if (code === "ENAMETOOLONG") return "the path is too long";
  return code ?? (e as Error).message;
}
