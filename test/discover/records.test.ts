import { describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { readRecordColumns } from "../../src/discover/records.ts";
import { UserError } from "../../src/scenario/problems.ts";

const LINES = [
  { run: 0, outcome: "b", assumptions: { "x.y": 1.5, "actors.a.seats": 40 }, metrics: { m: 1 } },
  { run: 1, outcome: "a", assumptions: { "x.y": -0.25, "actors.a.seats": 41 }, metrics: { m: null } },
  { run: 2, outcome: "b", assumptions: { "x.y": 3, "actors.a.seats": 39 }, metrics: { m: "é" } },
];

function folder(lines: unknown[]) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "bazaar-records-"));
  const text = lines.map((l) => JSON.stringify(l)).join("\n") + "\n";
  writeFileSync(path.join(dir, "runs.jsonl"), text);
  return { dir, sha: createHash("sha256").update(text).digest("hex") };
}

describe("reading per-run records into columns", () => {
  it("gives the same columns whatever the block size (lines split across reads, multi-byte text)", () => {
    const { dir, sha } = folder(LINES);
    for (const block of [1, 2, 7, 64, 1 << 20]) {
      const c = readRecordColumns(dir, sha, 3, ["a", "b"], ["actors.a.seats", "x.y"], block);
      expect(Array.from(c.outcome)).toEqual([1, 0, 1]);
      expect(Array.from(c.values.get("x.y")!)).toEqual([1.5, -0.25, 3]);
      expect(Array.from(c.values.get("actors.a.seats")!)).toEqual([40, 41, 39]);
    }
  });

  it("refuses records that are out of order, short, of another run set, or not the ones the manifest hashed", () => {
    const cases: [unknown[], number, RegExp][] = [
      [[LINES[1], LINES[0], LINES[2]], 3, /runs\.jsonl:1: expected the record of run 0/],
      [LINES.slice(0, 2), 3, /expected 3 records \(one per run\), found 2/],
      [LINES, 2, /runs\.jsonl:3: expected 2 records \(one per run\), found more/],
      [[{ ...LINES[0], outcome: "zz" }], 1, /expected an outcome of this run set, found "zz"/],
      [[{ ...LINES[0], assumptions: { "x.y": 1 } }], 1, /expected a number for actors\.a\.seats, found nothing/],
    ];
    for (const [lines, runs, message] of cases) {
      const { dir, sha } = folder(lines);
      expect(() => readRecordColumns(dir, sha, runs, ["a", "b"], ["actors.a.seats", "x.y"])).toThrow(message);
    }
    const { dir } = folder(LINES);
    expect(() => readRecordColumns(dir, "0".repeat(64), 3, ["a", "b"], ["x.y"])).toThrow(UserError);
    expect(() => readRecordColumns(dir, "0".repeat(64), 3, ["a", "b"], ["x.y"])).toThrow(/expected sha256 0{64} from manifest\.json/);
  });
});
