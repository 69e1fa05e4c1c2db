// Files appear whole or not at all: write to a temporary name in the same folder, then rename; append
// only what was written in full.
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from "node:fs";
import path from "node:path";
import { UserError } from "../scenario/problems.ts";

/** `.name.<pid>.tmp`: where process <pid> writes `name` before renaming it into place. */
const TEMP_FILE = /^\.(.+)\.(\d+)\.tmp$/;

export function isTempFile(name: string): boolean {
  return TEMP_FILE.test(name);
}

export function writeFileAtomic(file: string, content: string): void {
  const dir = path.dirname(file);
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.tmp`);
  ensureDir(dir);
  removeStaleTemps(dir, path.basename(file));
  try {
    writeFileSync(temp, content);
    renameSync(temp, file);
  } catch (e) {
    rmSync(temp, { force: true });
    throw new UserError(`cannot write ${file}: ${reasonOf(e)}`);
  }
}

/**
 * Writes all of `text` at `position`, or throws a UserError: write(2) may write less than asked when
 * the disk fills, and a short write taken as whole would lose records silently.
 */
export function writeAll(fd: number, text: string, position: number): number {
  const bytes = Buffer.from(text, "utf8");
  let done = 0;
  try {
    while (done < bytes.length) {
      const written = writeSync(fd, bytes, done, bytes.length - done, position + done);
      if (written === 0) throw Object.assign(new Error("no bytes written"), { code: "ENOSPC" });
      done += written;
    }
  } catch (e) {
    throw new UserError(`cannot write the per-run records: ${reasonOf(e)}`);
  }
  return done;
}

/**
 * Removes temporary files a killed process left while writing `name` (SIGKILL gives no chance to
 * clean up). A temp file is stale when the process named in it is gone, or is this one (whose writes
 * are synchronous, so none of its own is in progress).
 */
function removeStaleTemps(dir: string, name: string): void {
  for (const entry of readdirSync(dir)) {
    const match = TEMP_FILE.exec(entry);
    if (match && match[1] === name && !isOtherLiveProcess(Number(match[2]))) rmSync(path.join(dir, entry), { force: true });
  }
}

function isOtherLiveProcess(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Removes `file` if it exists (its folder is created if missing, so a bad folder gets ensureDir's message). */
export function removeFile(file: string): void {
  ensureDir(path.dirname(file));
  try {
    rmSync(file, { force: true });
  } catch (e) {
    throw new UserError(`cannot remove ${file}: ${reasonOf(e)}`);
  }
}

/**
 * Creates `dir` and its missing parents one level at a time. (Node's recursive mkdir can loop
 * forever on special file systems such as /proc, where mkdir reports ENOENT under an existing parent.)
 */
export function ensureDir(dir: string): void {
  try {
    createMissingFolders(dir);
  } catch (e) {
    throw new UserError(`cannot create the folder ${dir}: ${reasonOf(e)}`);
  }
}

function createMissingFolders(dir: string): void {
  const missing: string[] = [];
  let current = path.resolve(dir);
  for (;;) {
    const kind = kindOf(current);
    if (kind === "dir") break;
    if (kind === "other") throw Object.assign(new Error(`${current} is not a folder`), { code: "ENOTDIR" });
    missing.push(current);
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const d of missing.reverse()) mkdirSync(d);
}

function kindOf(p: string): "dir" | "other" | "none" {
  try {
    return statSync(p).isDirectory() ? "dir" : "other";
  } catch {
    return "none";
  }
}

function reasonOf(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === "ENOSPC") return "the disk is full";
  if (code === "EACCES" || code === "EROFS" || code === "EPERM") return "the folder is not writable";
  if (code === "ENOENT") return "the folder cannot be created there";
  if (code === "ENOTDIR") return "a file stands where a folder is needed";
  if (code === "EISDIR") return "a folder stands where the file should be";
  return code ?? (e as Error).message;
}
