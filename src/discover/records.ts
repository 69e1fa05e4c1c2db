// Reads a run set's per-run records (runs.jsonl, written by `bazaar run --records`) into columns: each
// run's outcome and the value each sampled assumption drew. The file is read in blocks (memory grows
// with runs × inputs, not with the file's text) and checked against the sha256 its manifest records.
import { closeSync, openSync, readSync } from "node:fs";
import { createHash } from "node:crypto";
import path from "node:path";
import { describeReadError, UserError } from "../scenario/problems.ts";

export interface RecordColumns {
  runs: number;
  /** Each run's outcome, as an index into the outcome ids given. */
  outcome: Int32Array;
  /** Each assumption path's values, one per run, in run order. */
  values: Map<string, Float64Array>;
}

const BLOCK = 1 << 20;

/**
 * Reads `runs.jsonl` in `dir`: exactly `runs` lines, run i on line i + 1, each with a known outcome and
 * a finite number for every path in `paths`. Anything else, or a checksum that differs from
 * `sha256`, is a UserError naming the file and line.
 */
export function readRecordColumns(dir: string, sha256: string, runs: number, outcomeIds: string[], paths: string[], block = BLOCK): RecordColumns {
  const file = path.join(dir, "runs.jsonl");
  const outcomeIndex = new Map(outcomeIds.map((id, k) => [id, k]));
  const outcome = new Int32Array(runs);
  const values = new Map(paths.map((p) => [p, new Float64Array(runs)]));
  const hash = createHash("sha256");
  let line = 0;
  const fail = (what: string): never => {
    throw new UserError(`${file}:${line}: ${what}: the records do not belong to this run set or are corrupt; run it again with --records`);
  };
  const take = (text: string) => {
    line++;
    if (line > runs) fail(`expected ${runs} records (one per run), found more`);
    let row: unknown;
    try {
      row = JSON.parse(text);
    } catch {
      fail("expected one JSON record per line");
    }
    const r = row as { run?: unknown; outcome?: unknown; assumptions?: Record<string, unknown> };
    if (r === null || typeof r !== "object" || r.run !== line - 1) fail(`expected the record of run ${line - 1}`);
    const k = outcomeIndex.get(r.outcome as string);
    if (typeof r.outcome !== "string" || k === undefined) fail(`expected an outcome of this run set, found ${JSON.stringify(r.outcome)}`);
    outcome[line - 1] = k!;
    if (typeof r.assumptions !== "object" || r.assumptions === null) fail("expected the run's assumptions");
    for (const [p, column] of values) {
      const v = Object.hasOwn(r.assumptions!, p) ? r.assumptions![p] : undefined;
      if (typeof v !== "number" || !Number.isFinite(v)) fail(`expected a number for ${p}, found ${JSON.stringify(v) ?? "nothing"}`);
      column[line - 1] = v as number;
    }
  };
  let fd: number;
  try {
    fd = openSync(file, "r");
  } catch (e) {
    throw new UserError(`${file}: cannot read it (${describeReadError(e)}): the run set's records are missing; run it again with --records`);
  }
  try {
    const buffer = Buffer.alloc(block);
    let carry = Buffer.alloc(0);
    for (;;) {
      const got = readSync(fd, buffer, 0, block, null);
      if (got === 0) break;
      const chunk = buffer.subarray(0, got);
      hash.update(chunk);
      const data = carry.length ? Buffer.concat([carry, chunk]) : chunk;
      let start = 0;
      for (let nl = data.indexOf(10, start); nl >= 0; nl = data.indexOf(10, start)) {
        take(data.toString("utf8", start, nl));
        start = nl + 1;
      }
      carry = Buffer.from(data.subarray(start)); // a copy: the next read reuses the buffer
    }
    if (carry.length > 0) take(carry.toString("utf8"));
  } finally {
    closeSync(fd);
  }
  if (line < runs) fail(`expected ${runs} records (one per run), found ${line}`);
  const digest = hash.digest("hex");
  if (digest !== sha256) throw new UserError(`${file}: expected sha256 ${sha256} from manifest.json, found ${digest}: the records are corrupt or incomplete`);
  return { runs, outcome, values };
}
