// Which chunks of run indices a batch runs. Chunk c holds runs [c·size, min(runs, (c+1)·size)).
import { UserError } from "../scenario/problems.ts";

export interface Shard {
  /** 1-based shard number. */
  index: number;
  count: number;
}

export interface ChunkRange {
  chunk: number;
  from: number;
  to: number;
}

export function chunkCount(runs: number, size: number): number {
  return Math.ceil(runs / size);
}

export function chunkRange(chunk: number, runs: number, size: number): ChunkRange {
  return { chunk, from: chunk * size, to: Math.min(runs, (chunk + 1) * size) };
}

/** The chunks a shard runs, in order: shard K of N takes chunks K−1, K−1+N, K−1+2N, … */
export function shardChunks(runs: number, size: number, shard?: Shard): number[] {
  const total = chunkCount(runs, size);
  const chunks: number[] = [];
  const start = shard ? shard.index - 1 : 0;
  const step = shard ? shard.count : 1;
  for (let c = start; c < total; c += step) chunks.push(c);
  return chunks;
}

/** Parses `K/N` or `auto` (Kubernetes Indexed Jobs, or Slurm job arrays). */
export function parseShard(text: string, env: NodeJS.ProcessEnv = process.env, shardsOption?: number): Shard {
  if (text === "auto") return shardFromEnvironment(env, shardsOption);
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!m) throw new UserError(`--shard: expected K/N (e.g. 2/8) or 'auto', found '${text}'`);
  return checkShard(Number(m[1]), Number(m[2]), `--shard ${text}`);
}

function shardFromEnvironment(env: NodeJS.ProcessEnv, shardsOption?: number): Shard {
  if (env.JOB_COMPLETION_INDEX !== undefined) {
    if (!shardsOption) throw new UserError("--shard auto: JOB_COMPLETION_INDEX is set (Kubernetes Indexed Job), so --shards N must give the completion count");
    return checkShard(Number(env.JOB_COMPLETION_INDEX) + 1, shardsOption, `JOB_COMPLETION_INDEX=${env.JOB_COMPLETION_INDEX}`);
  }
  if (env.SLURM_ARRAY_TASK_ID !== undefined) {
    const count = Number(env.SLURM_ARRAY_TASK_COUNT ?? shardsOption);
    const min = Number(env.SLURM_ARRAY_TASK_MIN ?? 0);
    return checkShard(Number(env.SLURM_ARRAY_TASK_ID) - min + 1, count, `SLURM_ARRAY_TASK_ID=${env.SLURM_ARRAY_TASK_ID}`);
  }
  throw new UserError("--shard auto: expected JOB_COMPLETION_INDEX (Kubernetes) or SLURM_ARRAY_TASK_ID (Slurm) in the environment, found neither");
}

function checkShard(index: number, count: number, source: string): Shard {
  if (!Number.isSafeInteger(count) || count < 1 || count > 100000) throw new UserError(`${source}: expected a shard count between 1 and 100000, found ${count}`);
  if (!Number.isSafeInteger(index) || index < 1 || index > count) throw new UserError(`${source}: expected a shard number between 1 and ${count}, found ${index}`);
  return { index, count };
}
