// Finished batches of this session, each a complete run set in a private staging folder under runs/
// (`.studio-<pid>/r<k>`), kept for comparing and saving. A cancelled batch's folder is removed whole;
// the staging folder goes when the studio stops.
import { readdirSync, rmSync } from "node:fs";
import path from "node:path";
import type { LoadedScenario } from "../../scenario/load.ts";
import type { RunSet } from "./api.ts";
import { HttpError } from "./http-error.ts";

export interface RunRecord {
  id: string;
  /** The scenario file the overrides apply to, and the scenario as it was loaded then. */
  file: string;
  base: LoadedScenario;
  edited: LoadedScenario;
  overrides: string[];
  seed: number;
  runs: number;
  runSet: RunSet;
}

/** Finished batches kept at once; older ones (and their folders) are dropped. */
const KEEP = 24;

export class RunStore {
  private readonly records = new Map<string, RunRecord>();
  private readonly baselines = new Map<string, RunRecord>();
  private count = 0;

  constructor(readonly staging: string) {
    removeAbandoned(path.dirname(staging));
  }

  /** A fresh folder name for the next batch. */
  nextDir(): { id: string; dir: string } {
    const id = `r${++this.count}`;
    return { id, dir: path.join(this.staging, id) };
  }

  add(record: RunRecord): void {
    this.records.set(record.id, record);
    if (record.overrides.length === 0) this.baselines.set(baselineKey(record.base, record.seed, record.runs), record);
    while (this.records.size > KEEP) this.drop(this.records.keys().next().value!);
  }

  get(id: string): RunRecord {
    const record = this.records.get(id);
    if (!record) throw new HttpError(404, `no batch '${id}' in this session: run it again`);
    return record;
  }

  /** A finished batch of the base scenario with this seed and run count, if there is one. */
  baselineFor(record: RunRecord): RunRecord | undefined {
    return this.baselines.get(baselineKey(record.base, record.seed, record.runs));
  }

  discard(dir: string): void {
    rmSync(dir, { recursive: true, force: true });
  }

  close(): void {
    this.discard(this.staging);
  }

  private drop(id: string): void {
    const record = this.records.get(id)!;
    this.records.delete(id);
    const key = baselineKey(record.base, record.seed, record.runs);
    if (this.baselines.get(key) === record) this.baselines.delete(key);
    this.discard(record.runSet.dir);
  }
}

function baselineKey(base: LoadedScenario, seed: number, runs: number): string {
  return `${base.sha256}/${seed}/${runs}`;
}

/** Staging folders of studios that were killed before they could remove them. */
function removeAbandoned(runs: string): void {
  let names: string[] = [];
  try {
    names = readdirSync(runs);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = /^\.studio-(\d+)$/.exec(name)?.[1];
    if (pid && Number(pid) !== process.pid && !isAlive(Number(pid))) rmSync(path.join(runs, name), { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}
