// Which runs two run sets share, from their manifests: run i depends only on (scenario, seed, i) and the
// bazaar version, an unsharded batch (or a --precision one) holds runs 0…n−1 and shard K of N holds the
// chunks K−1, K−1+N, … of its batch.
import { describe, expect, it } from "vitest";
import { detectOverlap, runSetIdentity } from "../../src/runner/overlap.ts";
import type { RunSet } from "../../src/runner/runset.ts";

/** The fields of a run set that say which runs it holds. */
function runSet({ runs, sha = "s", seed = 1, version = "1", chunk = 1000, shard = null, batchRuns }: {
  runs: number; sha?: string; seed?: number; version?: string; chunk?: number; shard?: { index: number; count: number } | null; batchRuns?: number;
}): RunSet {
  return {
    dir: "x",
    manifest: { version, seed, runs, chunk_size: chunk, shard, scenario: { sha256: sha } },
    summary: {},
    checkpoint: batchRuns === undefined ? undefined : { runs: batchRuns },
  } as unknown as RunSet;
}

const overlap = (a: RunSet, b: RunSet) => detectOverlap(runSetIdentity(a), runSetIdentity(b));

describe("run set overlap", () => {
  it("finds identical and nested unsharded batches (a batch of n runs is the first n of a longer one)", () => {
    expect(overlap(runSet({ runs: 5000 }), runSet({ runs: 5000 }))).toEqual({ kind: "identical", runs: 5000 });
    expect(overlap(runSet({ runs: 5000 }), runSet({ runs: 7300, chunk: 100 }))).toEqual({ kind: "nested", small: "a", shared: 5000, extra: 2300 });
    expect(overlap(runSet({ runs: 7300 }), runSet({ runs: 5000 }))).toEqual({ kind: "nested", small: "b", shared: 5000, extra: 2300 });
  });

  it("treats different scenarios, seeds or versions as independent, and flags a version-only difference", () => {
    expect(overlap(runSet({ runs: 10 }), runSet({ runs: 10, sha: "t" }))).toEqual({ kind: "independent", sameInputsOtherVersion: false });
    expect(overlap(runSet({ runs: 10 }), runSet({ runs: 10, seed: 2 }))).toEqual({ kind: "independent", sameInputsOtherVersion: false });
    expect(overlap(runSet({ runs: 10 }), runSet({ runs: 10, version: "2" }))).toEqual({ kind: "independent", sameInputsOtherVersion: true });
  });

  it("locates a shard's chunks: inside the whole batch, apart from its sibling, partly over another split", () => {
    const whole = runSet({ runs: 6000 });
    const shard2of3 = runSet({ runs: 2000, shard: { index: 2, count: 3 }, batchRuns: 6000 }); // chunks 1 and 4
    const shard1of3 = runSet({ runs: 2000, shard: { index: 1, count: 3 }, batchRuns: 6000 }); // chunks 0 and 3
    const shard1of2 = runSet({ runs: 3000, shard: { index: 1, count: 2 }, batchRuns: 6000 }); // chunks 0, 2 and 4
    expect(overlap(whole, shard2of3)).toEqual({ kind: "nested", small: "b", shared: 2000, extra: 4000 });
    expect(overlap(shard1of3, shard2of3)).toEqual({ kind: "disjoint" });
    expect(overlap(shard1of3, shard1of2)).toEqual({ kind: "partial", shared: 1000 });
    expect(overlap(whole, runSet({ runs: 2000, shard: { index: 2, count: 3 } }))).toEqual({ kind: "partial", shared: null });
  });
});
