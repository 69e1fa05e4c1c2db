// evaluations.json: every candidate point evaluated so far, with the outcome counts of each simulation
// there. Counts depend only on (version, seed, runs, scenario, point), so this one file is the
// calibration's checkpoint (rewritten atomically after each evaluation), the cache the leave-one-out
// folds share, and what `--resume` replays: the optimiser is deterministic, so it takes the same path
// and finds its evaluations already done.
import { existsSync } from "node:fs";
import path from "node:path";
import * as z from "zod";
import { canonicalJson } from "../scenario/load.ts";
import { UserError } from "../scenario/problems.ts";
import { writeFileAtomic } from "../runner/atomic.ts";
import { readSaved } from "../runner/saved-shapes.ts";

export const EVALUATIONS_FILE = "evaluations.json";

/** Parameter values by path; `{}` is the scenarios as they are. */
export type Point = Record<string, number>;

/** What makes cached counts valid for another calibration. */
export interface CacheIdentity {
  version: string;
  seed: number;
  runs: number;
}

const count = z.number().int().min(0);
const EvaluationsShape = z.object({
  format: z.literal(1),
  version: z.string(),
  seed: count,
  runs: z.number().int().min(1),
  evaluations: z.array(z.object({
    point: z.record(z.string(), z.number()),
    counts: z.record(z.string(), z.array(count).min(1)),
  })),
});
const EVALUATIONS = { shape: EvaluationsShape, what: "a bazaar calibration checkpoint", container: "calibration" };

export class EvaluationCache {
  private readonly entries = new Map<string, { point: Point; counts: Record<string, number[]> }>();

  constructor(readonly identity: CacheIdentity) {}

  /** The checkpoint in `dir`, which must be of the same identity, or undefined if there is none. */
  static read(dir: string, identity: CacheIdentity): EvaluationCache | undefined {
    const file = path.join(dir, EVALUATIONS_FILE);
    if (!existsSync(file)) return undefined;
    const saved = readSaved(EVALUATIONS, file);
    const differences = (["version", "seed", "runs"] as const)
      .filter((k) => saved[k] !== identity[k])
      .map((k) => `${k}: ${JSON.stringify(saved[k])} vs ${JSON.stringify(identity[k])}`);
    if (differences.length > 0) throw new UserError(`${dir}: cannot resume a different calibration (${differences.join("; ")})`);
    const cache = new EvaluationCache(identity);
    for (const e of saved.evaluations) for (const [sim, counts] of Object.entries(e.counts)) cache.set(e.point, sim, counts);
    return cache;
  }

  get size(): number {
    return this.entries.size;
  }

  get(point: Point, simulation: string): number[] | undefined {
    return this.entries.get(canonicalJson(point))?.counts[simulation];
  }

  set(point: Point, simulation: string, counts: number[]): void {
    const key = canonicalJson(point);
    let entry = this.entries.get(key);
    if (!entry) this.entries.set(key, (entry = { point, counts: {} }));
    entry.counts[simulation] = counts;
  }

  save(dir: string): void {
    const evaluations = [...this.entries.values()].map((e) => ({ point: e.point, counts: e.counts }));
    writeFileAtomic(path.join(dir, EVALUATIONS_FILE), JSON.stringify({ format: 1, ...this.identity, evaluations }) + "\n");
  }
}
