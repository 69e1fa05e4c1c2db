// Which runs two run sets share. Run i of a batch draws only from the stream of (seed, i) and the
// resolved scenario, so two run sets made by the same bazaar version from the same scenario (same
// sha256, overrides included) and seed hold the very same run i whenever both hold index i: a batch of
// n runs IS the first n runs of a longer batch, a --precision batch is a prefix too, and a shard holds
// its own chunks. Such run sets are not independent samples and compare must not treat them so.
import { chunkRange, shardChunks } from "./plan.ts";
import type { RunSet } from "./runset.ts";
import type { Summary } from "./summary.ts";

/** Run indices [from, to). */
export type Range = [number, number];

export interface RunIdentity {
  sha256: string;
  seed: number;
  version: string;
  runs: number;
  /** The run indices held, or null when the run set does not say (a shard without its checkpoint). */
  ranges: Range[] | null;
}

export type Overlap =
  /** Different inputs (or versions): independent samples. */
  | { kind: "independent"; sameInputsOtherVersion: boolean }
  /** Same inputs, no run in common: independent samples of one distribution. */
  | { kind: "disjoint" }
  /** The same runs. */
  | { kind: "identical"; runs: number }
  /** One run set's runs are all in the other: `small` holds `shared` runs, the other these plus `extra`. */
  | { kind: "nested"; small: "a" | "b"; shared: number; extra: number }
  /** Some runs in common, neither set inside the other (or the run indices are unknown). */
  | { kind: "partial"; shared: number | null };

/** An unsharded batch holds runs 0…runs−1 (a --precision batch stops after a prefix too). */
export function summaryIdentity(summary: Summary): RunIdentity {
  return { sha256: summary.scenario.sha256, seed: summary.seed, version: summary.version, runs: summary.runs, ranges: [[0, summary.runs]] };
}

/** The runs a run set holds, from its manifest (and, for a shard, the batch size in its checkpoint). */
export function runSetIdentity(r: RunSet): RunIdentity {
  const { manifest } = r;
  const base = { sha256: manifest.scenario.sha256, seed: manifest.seed, version: manifest.version, runs: manifest.runs };
  if (!manifest.shard) return { ...base, ranges: [[0, manifest.runs]] };
  const total = r.checkpoint?.runs;
  if (total === undefined) return { ...base, ranges: null };
  const ranges = shardChunks(total, manifest.chunk_size, manifest.shard).map((c): Range => {
    const { from, to } = chunkRange(c, total, manifest.chunk_size);
    return [from, to];
  });
  return { ...base, ranges: size(ranges) === manifest.runs ? ranges : null };
}

export function detectOverlap(a: RunIdentity, b: RunIdentity): Overlap {
  const sameInputs = a.sha256 === b.sha256 && a.seed === b.seed;
  if (!sameInputs || a.version !== b.version) return { kind: "independent", sameInputsOtherVersion: sameInputs };
  if (!a.ranges || !b.ranges) return { kind: "partial", shared: null };
  const shared = intersection(a.ranges, b.ranges);
  if (shared === 0) return { kind: "disjoint" };
  if (shared === a.runs && shared === b.runs) return { kind: "identical", runs: shared };
  if (shared === a.runs) return { kind: "nested", small: "a", shared, extra: b.runs - shared };
  if (shared === b.runs) return { kind: "nested", small: "b", shared, extra: a.runs - shared };
  return { kind: "partial", shared };
}

function size(ranges: Range[]): number {
  return ranges.reduce((sum, [from, to]) => sum + (to - from), 0);
}

/** Runs in both lists (each list's ranges are disjoint). */
function intersection(a: Range[], b: Range[]): number {
  let shared = 0;
  for (const [fa, ta] of a) for (const [fb, tb] of b) shared += Math.max(0, Math.min(ta, tb) - Math.max(fa, fb));
  return shared;
}
