// Files appear whole or not at all: write to a temporary name in the same folder, then rename.
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { UserError } from "../scenario/problems.ts";

export function writeFileAtomic(file: string, content: string): void {
  const dir = path.dirname(file);
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(temp, content);
    renameSync(temp, file);
  } catch (e) {
    rmSync(temp, { force: true });
    const code = (e as NodeJS.ErrnoException).code;
    const reason = code === "ENOSPC" ? "the disk is full" : code === "EACCES" || code === "EROFS" || code === "EPERM" ? "the folder is not writable" : code ?? (e as Error).message;
    throw new UserError(`cannot write ${file}: ${reason}`);
  }
}
