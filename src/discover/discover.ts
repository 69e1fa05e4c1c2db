// `bazaar discover`: scenario discovery on a run set with per-run records. Which combinations of the
// sampled assumptions lead to one outcome? PRIM (prim.ts) over the assumptions, the outcome as a
// binary target; the chosen box in plain words, with quasi-p-values and an optional bootstrap check.
// The result (discover.json) is deterministic: the same run set and options give the same bytes.
import path from "node:path";
import type { RunSet } from "../runner/runset.ts";
import { UserError } from "../scenario/problems.ts";
import { suggestion } from "../scenario/did-you-mean.ts";
import type { ScenarioSpec } from "../scenario/schema/scenario.ts";
import { compileModel } from "../model/compile.ts";
import { labelledRng } from "../rng/rng.ts";
import { VERSION } from "../version.ts";
import { Prim, type Box, type InputKind, type PasteStep, type PrimInput, type QuasiP, type Restriction } from "./prim.ts";
import { readRecordColumns } from "./records.ts";
import { bootstrapCheck, type BootstrapCheck } from "./bootstrap.ts";

export const DEFAULTS = { alpha: 0.05, minMass: 0.05, minCoverage: 0.5, maxP: 0.05, bootstrap: 100 } as const;
export const MAX_BOOTSTRAP = 10_000;

export interface DiscoverOptions {
  outcome: string;
  /** Peeling fraction (and pasting fraction). */
  alpha: number;
  minMass: number;
  minCoverage: number;
  /** A box index on the trajectory instead of the default rule. */
  box?: number;
  /** Only these assumption paths (default: every sampled assumption that varies). */
  inputs?: string[];
  /** The simpler box keeps only limits with a quasi-p-value at most this. */
  maxP: number;
  /** Bootstrap resamples on which PRIM runs again, scored out of bag (0: none). */
  bootstrap: number;
}

export interface DiscoverInput {
  path: string;
  kind: InputKind;
  /** The distribution the scenario samples it from. */
  distribution: string;
  min: number;
  max: number;
  /** Distinct values drawn in the run set. */
  distinct: number;
}

export interface TrajectoryEntry extends Box {
  index: number;
}


export interface Discovery {
  format: 1;
  tool: "bazaar";
  version: string;
  run_set: { name: string; scenario: { id: string; title: string; sha256: string }; seed: number; runs: number; records_sha256: string };
  outcome: { id: string; label: string; count: number; base_rate: number };
  parameters: { alpha: number; paste_alpha: number; min_mass: number; min_coverage: number; box: number | null; max_p: number; bootstrap: number; objective: string };
  inputs: DiscoverInput[];
  /** Sampled assumptions left out, and why. */
  unused: { path: string; reason: string }[];
  trajectory: TrajectoryEntry[];
  chosen: { index: number; rule: string };
  pasting: PasteStep[];
  /** The chosen box after pasting: its limits' quasi-p-values, and in words. */
  box: Box & { quasi_p: QuasiP[]; words: string };
  /** The chosen box without the limits whose quasi-p-value exceeds max_p, dropped one at a time. */
  pruned: { max_p: number; dropped: QuasiP[]; box: Box & { quasi_p: QuasiP[]; words: string } };
  /** PRIM run again on bootstrap resamples, each box scored on the runs its resample left out. */
  bootstrap: BootstrapCheck | null;
}

const OBJECTIVE = "largest gain in density per run removed (peeling) or added (pasting)";

/** Everything checked before any work or writing: the run set has records, the outcome and inputs exist. */
export function discover(runSet: RunSet, options: DiscoverOptions): Discovery {
  const { manifest, summary } = runSet;
  const records = manifest.files["runs.jsonl"];
  if (!records) {
    const overrides = (manifest.scenario.overrides ?? []).map((o) => ` --set '${o}'`).join("");
    throw new UserError(
      `${runSet.dir}: this run set has no per-run records (runs.jsonl), which discover needs; run it again with --records, e.g. bazaar run ${manifest.scenario.file} --runs ${manifest.runs} --seed ${manifest.seed}${overrides} --records`,
    );
  }
  const outcomeIndex = summary.outcomes.findIndex((o) => o.id === options.outcome);
  if (outcomeIndex < 0) throw new UserError(`--outcome ${options.outcome}: no such outcome in ${runSet.dir}${suggestion(options.outcome, summary.outcomes.map((o) => o.id))}`);
  const target = summary.outcomes[outcomeIndex];
  if (target.count === 0) throw new UserError(`--outcome ${target.id}: ${target.label} happens in none of the ${manifest.runs.toLocaleString("en-US")} runs, so there is nothing to discover; try more runs`);
  if (target.count === manifest.runs) throw new UserError(`--outcome ${target.id}: ${target.label} happens in every run, so no assumption makes a difference to it`);

  const slots = compileModel(manifest.scenario.resolved as ScenarioSpec).slots;
  const byPath = new Map(slots.map((s) => [s.path, s]));
  if (slots.length === 0) throw new UserError(`${runSet.dir}: the scenario samples no assumption (every number is fixed), so there is nothing to discover`);
  for (const p of options.inputs ?? []) {
    if (!byPath.has(p)) throw new UserError(`--inputs: ${p} is not a sampled assumption of this run set${suggestion(p, [...byPath.keys()].sort())}`);
  }
  const paths = [...new Set(options.inputs ?? slots.map((s) => s.path))].sort();
  const columns = readRecordColumns(runSet.dir, records.sha256, manifest.runs, summary.outcomes.map((o) => o.id), paths);

  const inputs: DiscoverInput[] = [];
  const unused: Discovery["unused"] = [];
  const primInputs: PrimInput[] = [];
  for (const p of paths) {
    const values = columns.values.get(p)!;
    const slot = byPath.get(p)!;
    const distinct = new Set(values).size;
    if (distinct < 2) {
      if (options.inputs) throw new UserError(`--inputs: ${p} never varies in these ${manifest.runs.toLocaleString("en-US")} runs (always ${values[0]}), so it cannot explain anything; leave it out`);
      unused.push({ path: p, reason: `never varies (always ${values[0]})` });
      continue;
    }
    const kind: InputKind = slot.dist.dist === "choice" ? "categorical" : slot.range.integer ? "discrete" : "continuous";
    let min = Infinity;
    let max = -Infinity;
    for (const v of values) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
    inputs.push({ path: p, kind, distribution: slot.dist.dist, min, max, distinct });
    primInputs.push({ name: p, kind, values });
  }
  if (primInputs.length === 0) throw new UserError(`${runSet.dir}: no sampled assumption varies in these runs, so there is nothing to discover`);

  const y = Uint8Array.from(columns.outcome, (o) => (o === outcomeIndex ? 1 : 0));
  const primOptions = { alpha: options.alpha, minMass: options.minMass };
  const prim = new Prim(primInputs, y, primOptions);
  const trajectory = prim.peel().map((b, index) => ({ index, ...b }));
  const chosen = chooseBox(trajectory, options);
  const pasting = prim.paste(trajectory[chosen.index]);
  const final: Box = pasting.length ? strip(pasting[pasting.length - 1]) : strip(trajectory[chosen.index]);
  const baseRate = target.count / manifest.runs;
  const box = { ...final, quasi_p: prim.quasiP(final), words: describeBox(target.label, final, baseRate) };
  const pruned = prim.prune(final, options.maxP);
  return {
    format: 1,
    tool: "bazaar",
    version: VERSION,
    run_set: {
      name: path.basename(path.resolve(runSet.dir)),
      scenario: { id: summary.scenario.id, title: summary.scenario.title, sha256: summary.scenario.sha256 },
      seed: manifest.seed,
      runs: manifest.runs,
      records_sha256: records.sha256,
    },
    outcome: { id: target.id, label: target.label, count: target.count, base_rate: baseRate },
    parameters: {
      alpha: options.alpha, paste_alpha: options.alpha, min_mass: options.minMass, min_coverage: options.minCoverage,
      box: options.box ?? null, max_p: options.maxP, bootstrap: options.bootstrap, objective: OBJECTIVE,
    },
    inputs,
    unused,
    trajectory,
    chosen,
    pasting,
    box,
    pruned: { max_p: options.maxP, dropped: pruned.dropped, box: { ...pruned.box, quasi_p: pruned.quasiP, words: describeBox(target.label, pruned.box, baseRate) } },
    bootstrap: options.bootstrap > 0
      ? bootstrapCheck(primInputs, y, primOptions, (t) => chooseBox(t, { minCoverage: options.minCoverage }).index, final, options.bootstrap, labelledRng(manifest.seed, `discover/bootstrap/${target.id}`))
      : null,
  };
}

function strip(b: Box): Box {
  return { n: b.n, k: b.k, coverage: b.coverage, density: b.density, mass: b.mass, restrictions: b.restrictions };
}

/** The box on the trajectory: `--box N`, or the densest with coverage ≥ minCoverage (the earliest on a tie). */
export function chooseBox(trajectory: Box[], options: Pick<DiscoverOptions, "box" | "minCoverage">): { index: number; rule: string } {
  if (options.box !== undefined) {
    if (options.box >= trajectory.length) {
      throw new UserError(`--box ${options.box}: expected a box on the peeling trajectory, from 0 to ${trajectory.length - 1}`);
    }
    return { index: options.box, rule: `box ${options.box}, as asked (--box)` };
  }
  let best = 0;
  trajectory.forEach((b, i) => {
    if (b.coverage >= options.minCoverage && b.density > trajectory[best].density) best = i;
  });
  return { index: best, rule: `the densest box covering at least ${percent(options.minCoverage)} of the outcome's runs` };
}

/** A share as a percentage: whole numbers from 10%, one decimal below. */
export function percent(x: number): string {
  const p = x * 100;
  if (p >= 10 || p === 0) return `${Math.round(p)}%`;
  return `${Number(p.toFixed(1))}%`;
}

/** A limit as a person reads it: whole numbers as they are, others to three significant digits. */
export function formatValue(x: number): string {
  if (Number.isInteger(x)) return String(x);
  return String(Number(x.toPrecision(3)));
}

export function describeRestriction(r: Restriction): string {
  if (r.kind === "set") return r.values.length === 1 ? `${r.input} = ${formatValue(r.values[0])}` : `${r.input} ∈ {${r.values.map(formatValue).join(", ")}}`;
  if (r.min !== null && r.max !== null) return r.min === r.max ? `${r.input} = ${formatValue(r.min)}` : `${formatValue(r.min)} ≤ ${r.input} ≤ ${formatValue(r.max)}`;
  return r.min !== null ? `${r.input} ≥ ${formatValue(r.min)}` : `${r.input} ≤ ${formatValue(r.max!)}`;
}

/** "Rapprochement: 41% of runs (base rate 3%) when a ≤ 45 and b ≥ 0.71; covers 58% of all rapprochement runs". */
export function describeBox(label: string, box: Box, baseRate: number): string {
  const where = box.restrictions.length === 0 ? "whatever the assumptions (no box narrower than all runs was found)" : `when ${box.restrictions.map(describeRestriction).join(" and ")}`;
  return `${label}: ${percent(box.density)} of runs (base rate ${percent(baseRate)}) ${where}; covers ${percent(box.coverage)} of all ${label.toLowerCase()} runs`;
}
