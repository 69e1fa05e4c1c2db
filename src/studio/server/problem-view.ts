// A validator's problem as the page shows it: where (file relative to the working folder, line,
// column), which field, and the message saying what was expected and what was found.
import { formatPath, type Problem } from "../../scenario/problems.ts";
import type { ProblemView } from "../protocol.ts";
import { shown } from "./commands.ts";

export function problemView(p: Problem): ProblemView {
  return { file: shown(p.file), ...(p.line !== undefined ? { line: p.line, column: p.column } : {}), path: formatPath(p.path), message: p.message };
}
