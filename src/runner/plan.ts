// Which chunks of run indices a batch runs. Chunk c holds runs [c·size, min(runs, (c+1)·size)); a
// precision batch cuts them further at the check points of its target.
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

/** The first run count at which a precision target is checked. */
export const FIRST_PRECISION_CHECK = 100;

/**
 * Whether a precision target is checked after `runs` runs: at every count from 100 on with at most two
 * significant digits (100, 110, …, 990, 1,000, 1,100, …, 9,900, 10,000, 11,000, …). Checks come 1% to
 * 10% apart, and neither chunk size nor worker count moves them.
 */
export function isPrecisionCheck(runs: number): boolean {
  return runs >= FIRST_PRECISION_CHECK && runs % checkSpacing(runs) === 0;
}

/** The first precision check point after `runs`. */
export function nextPrecisionCheck(runs: number): number {
  if (runs < FIRST_PRECISION_CHECK) return FIRST_PRECISION_CHECK;
  const spacing = checkSpacing(runs);
  return (Math.floor(runs / spacing) + 1) * spacing;
}

/** Check points among counts of d digits are 10^(d−2) apart: 10 for 100–999, 100 for 1,000–9,999, … */
function checkSpacing(runs: number): number {
  return 10 ** (String(Math.trunc(runs)).length - 2);
}

/**
 * The pieces a precision batch runs, in order: its chunks, each cut at the check points it straddles,
 * so that at every check point n the batch has merged exactly runs 0 … n−1.
 */
export function precisionPieces(runs: number, size: number): ChunkRange[] {
  const pieces: ChunkRange[] = [];
  for (let from = 0; from < runs; ) {
    const to = Math.min(runs, (Math.floor(from / size) + 1) * size, nextPrecisionCheck(from));
    pieces.push({ chunk: pieces.length, from, to });
    from = to;
  }
  return pieces;
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
