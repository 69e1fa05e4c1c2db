// Default run set folder names: runs/<scenario>-s<seed>-n<runs>[-p<precision>][-shard<K>of<N>].
import path from "node:path";
import type { Shard } from "./plan.ts";

export function defaultRunSetDir(scenarioId: string, seed: number, runs: number, precision?: number, shard?: Shard, root = "runs"): string {
  const parts = [`${scenarioId}-s${seed}`, precision !== undefined ? `p${precision}` : `n${runs}`];
  if (shard) parts.push(`shard${shard.index}of${shard.count}`);
  return path.resolve(root, parts.join("-"));
}
