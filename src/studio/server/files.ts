// The only files the studio reads or writes: under the scenario's folder and under runs/. A path is
// checked twice: as written (no "..", no absolute path) and as the file system resolves it (no symlink
// leading out).
import { realpathSync, statSync } from "node:fs";
import path from "node:path";
import { HttpError } from "./http-error.ts";

export interface Roots {
  /** The scenario's folder: variants are saved here. */
  scenarios: string;
  /** The run sets' folder. */
  runs: string;
}

/** `relative` inside `root`, or a 403 naming why not; the file need not exist yet. */
export function resolveInside(root: string, relative: string): string {
  if (relative.includes("\0")) throw new HttpError(400, "a path may not contain a NUL character");
  if (path.isAbsolute(relative) || /^[a-zA-Z]:/.test(relative)) throw new HttpError(403, `'${relative}': expected a path relative to the allowed folder`);
  const target = path.resolve(root, relative);
  if (!isWithin(root, target)) throw new HttpError(403, `'${relative}' lies outside the allowed folder`);
  const real = realpathOfExisting(target);
  if (!isWithin(realpathOfExisting(root), real)) throw new HttpError(403, `'${relative}' leads outside the allowed folder through a link`);
  return target;
}

export function isWithin(root: string, target: string): boolean {
  const rel = path.relative(path.resolve(root), path.resolve(target));
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
}

/** The real path of `p`, or of its nearest existing ancestor joined with the rest. */
function realpathOfExisting(p: string): string {
  const missing: string[] = [];
  let current = path.resolve(p);
  for (;;) {
    try {
      return path.join(realpathSync(current), ...missing.reverse());
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return path.resolve(p);
      missing.push(path.basename(current));
      current = parent;
    }
  }
}

/** A URL path `/files/<root>/<rest>` as an existing file under one of the roots. */
export function fileFromUrl(urlPath: string, roots: Roots): string {
  const m = /^\/files\/(scenarios|runs)\/(.+)$/.exec(urlPath);
  if (!m) throw new HttpError(404, "expected /files/scenarios/<file> or /files/runs/<file>");
  let relative: string;
  try {
    relative = decodeURIComponent(m[2]);
  } catch {
    throw new HttpError(400, "malformed percent-encoding in the path");
  }
  const file = resolveInside(m[1] === "runs" ? roots.runs : roots.scenarios, relative);
  let isFile = false;
  try {
    isFile = statSync(file).isFile();
  } catch {
    throw new HttpError(404, `no such file: ${relative}`);
  }
  if (!isFile) throw new HttpError(404, `not a file: ${relative}`);
  return file;
}

/** Plain types only: a file from these folders is never served as a page or a script. */
export function contentTypeOf(file: string): string {
  const ext = path.extname(file).toLowerCase();
  if (ext === ".json") return "application/json; charset=utf-8";
  if ([".yaml", ".yml", ".csv", ".jsonl", ".txt", ".md"].includes(ext)) return "text/plain; charset=utf-8";
  return "application/octet-stream";
}
