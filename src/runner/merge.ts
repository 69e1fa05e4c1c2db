// `bazaar merge`: combines shard run sets into the run set the unsharded batch would have written.
import path from "node:path";
import { compileModel } from "../model/compile.ts";
import { UserError } from "../scenario/problems.ts";
import { VERSION } from "../version.ts";
import { Aggregate } from "./aggregate.ts";
import { identityDifferences, writeCheckpoint, type Checkpoint } from "./checkpoint.ts";
import { checkRunSetFolder, clearRunSet, readRunSet, platformInfo, sha256, writeRunSet, type RunSet } from "./runset.ts";
import { chunkCount } from "./plan.ts";
import { summarize } from "./summary.ts";

export function mergeRunSets(dirs: string[], out: string, command: string[]): RunSet {
  if (dirs.length === 0) throw new UserError("merge: expected at least one shard run set");
  if (dirs.some((d) => path.resolve(d) === path.resolve(out))) throw new UserError(`merge: --out ${out} is one of the shards; choose another folder so no shard is overwritten`);
  checkRunSetFolder(out);
  const shards = dirs.map((dir) => {
    const runSet = readRunSet(dir);
    const checkpoint = runSet.checkpoint;
    if (!checkpoint || !checkpoint.complete) throw new UserError(`${dir}: expected a completed shard run set with checkpoint.json`);
    if (!checkpoint.shard) throw new UserError(`${dir}: expected a shard run set (made with --shard K/N), found an unsharded batch`);
    return { dir, runSet, checkpoint };
  });
  const first = shards[0];
  for (const s of shards.slice(1)) {
    const differences = identityDifferences({ ...first.checkpoint, shard: null }, { ...s.checkpoint, shard: null });
    if (s.checkpoint.shard!.count !== first.checkpoint.shard!.count) differences.push(`shard count: ${first.checkpoint.shard!.count} vs ${s.checkpoint.shard!.count}`);
    if (differences.length > 0) throw new UserError(`${s.dir} is not a shard of the same batch as ${first.dir}: ${differences.join("; ")}`);
  }
  if (first.checkpoint.version !== VERSION) {
    throw new UserError(`${first.dir}: made by bazaar ${first.checkpoint.version}, but this is ${VERSION}: merge with the version that made the shards`);
  }
  checkShardSet(shards.map((s) => ({ dir: s.dir, index: s.checkpoint.shard!.index })), first.checkpoint);

  const spec = first.runSet.manifest.scenario.resolved;
  const model = compileModel(spec);
  const aggregate = new Aggregate(model);
  for (const s of [...shards].sort((a, b) => a.checkpoint.shard!.index - b.checkpoint.shard!.index)) {
    aggregate.merge(Aggregate.fromJSON(model, s.checkpoint.aggregate));
  }
  const loaded = { file: first.runSet.manifest.scenario.file, spec, sha256: first.checkpoint.scenario_sha256 };
  const summary = summarize(loaded, model, aggregate, first.checkpoint.seed);
  const checkpoint: Checkpoint = {
    ...first.checkpoint, shard: null, chunks_done: chunkCount(first.checkpoint.runs, first.checkpoint.chunk_size),
    runs_done: aggregate.runs, records_bytes: null, records: false, complete: true, aggregate: aggregate.toJSON(),
  };
  clearRunSet(out);
  const checkpointText = writeCheckpoint(out, checkpoint);
  const seconds = shards.reduce((sum, s) => sum + s.runSet.manifest.timings.seconds, 0);
  return writeRunSet(out, {
    tool: "bazaar",
    version: VERSION,
    command,
    scenario: first.runSet.manifest.scenario,
    seed: first.checkpoint.seed,
    runs: aggregate.runs,
    chunk_size: first.checkpoint.chunk_size,
    shard: null,
    merged_from: shards.map((s) => path.resolve(s.dir)),
    timings: { ...first.runSet.manifest.timings, seconds, runs_per_second: Math.round(aggregate.runs / Math.max(seconds, 1e-9)) },
    platform: platformInfo(),
  }, summary, { "checkpoint.json": { sha256: sha256(checkpointText) } });
}

function checkShardSet(found: { dir: string; index: number }[], identity: Checkpoint): void {
  const count = identity.shard!.count;
  const seen = new Map<number, string>();
  for (const { dir, index } of found) {
    if (seen.has(index)) throw new UserError(`merge: shard ${index}/${count} given twice (${seen.get(index)} and ${dir})`);
    seen.set(index, dir);
  }
  const missing = Array.from({ length: count }, (_, k) => k + 1).filter((k) => !seen.has(k));
  if (missing.length > 0) throw new UserError(`merge: expected all ${count} shards, missing ${missing.map((k) => `${k}/${count}`).join(", ")}`);
}
