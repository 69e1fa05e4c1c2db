// checkpoint.json: a batch's exact, mergeable state after its last completed chunk. Written
// atomically; `bazaar run --resume` continues from it and `bazaar merge` combines shards from it.
import { existsSync } from "node:fs";
import path from "node:path";
import type { AggregateJSON } from "./aggregate.ts";
import type { Shard } from "./plan.ts";
import { writeFileAtomic } from "./atomic.ts";
import { CHECKPOINT, readSaved } from "./saved-shapes.ts";

/** What makes two batches the same batch: a checkpoint is only resumed or merged when these agree. */
export interface BatchIdentity {
  version: string;
  scenario_sha256: string;
  seed: number;
  runs: number;
  chunk_size: number;
  precision: number | null;
  shard: Shard | null;
  records: boolean;
}

export interface Checkpoint extends BatchIdentity {
  format: 1;
  chunks_done: number;
  runs_done: number;
  records_bytes: { jsonl: number; csv: number } | null;
  complete: boolean;
  aggregate: AggregateJSON;
}

export const CHECKPOINT_FILE = "checkpoint.json";

export function writeCheckpoint(dir: string, checkpoint: Checkpoint): string {
  const text = JSON.stringify(checkpoint) + "\n";
  writeFileAtomic(path.join(dir, CHECKPOINT_FILE), text);
  return text;
}

/** The checkpoint in `dir`, if any (an interrupted batch's, which no manifest vouches for). */
export function readCheckpoint(dir: string): Checkpoint | undefined {
  const file = path.join(dir, CHECKPOINT_FILE);
  return existsSync(file) ? (readSaved(CHECKPOINT, file) as Checkpoint) : undefined;
}

/** The fields in which two identities differ, as "field: a vs b". */
export function identityDifferences(a: BatchIdentity, b: BatchIdentity): string[] {
  const keys: (keyof BatchIdentity)[] = ["version", "scenario_sha256", "seed", "runs", "chunk_size", "precision", "shard", "records"];
  return keys
    .filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]))
    .map((k) => `${k}: ${JSON.stringify(a[k])} vs ${JSON.stringify(b[k])}`);
}
