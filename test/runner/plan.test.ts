import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { chunkCount, parseShard, shardChunks } from "../../src/runner/plan.ts";

describe("chunk plans", () => {
  it("shards partition the chunks: every chunk in exactly one shard", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50_000 }), fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 12 }), (runs, size, count) => {
        const all = Array.from({ length: count }, (_, k) => shardChunks(runs, size, { index: k + 1, count })).flat().sort((a, b) => a - b);
        expect(all).toEqual(Array.from({ length: chunkCount(runs, size) }, (_, c) => c));
      }),
      { numRuns: 100 },
    );
  });
});

describe("--shard", () => {
  it("parses K/N", () => {
    expect(parseShard("2/8")).toEqual({ index: 2, count: 8 });
    expect(() => parseShard("0/8")).toThrow(/between 1 and 8, found 0/);
    expect(() => parseShard("9/8")).toThrow(/between 1 and 8, found 9/);
    expect(() => parseShard("two")).toThrow(/expected K\/N/);
  });

  it("reads a Kubernetes Indexed Job's 0-based JOB_COMPLETION_INDEX with --shards", () => {
    expect(parseShard("auto", { JOB_COMPLETION_INDEX: "0" }, 4)).toEqual({ index: 1, count: 4 });
    expect(parseShard("auto", { JOB_COMPLETION_INDEX: "3" }, 4)).toEqual({ index: 4, count: 4 });
    expect(() => parseShard("auto", { JOB_COMPLETION_INDEX: "3" })).toThrow(/--shards N/);
  });

  it("reads a Slurm array's task id, minimum and count", () => {
    expect(parseShard("auto", { SLURM_ARRAY_TASK_ID: "1", SLURM_ARRAY_TASK_MIN: "1", SLURM_ARRAY_TASK_COUNT: "8" })).toEqual({ index: 1, count: 8 });
    expect(parseShard("auto", { SLURM_ARRAY_TASK_ID: "7", SLURM_ARRAY_TASK_MIN: "0", SLURM_ARRAY_TASK_COUNT: "8" })).toEqual({ index: 8, count: 8 });
  });

  it("says what it looked for when neither scheduler is present", () => {
    expect(() => parseShard("auto", {})).toThrow(/JOB_COMPLETION_INDEX .* SLURM_ARRAY_TASK_ID/);
  });
});
