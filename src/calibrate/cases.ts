// The historical cases a calibration scores: each a scenario with what happened. Cases that differ only
// in `meta` and `observed` (one situation observed more than once, as in a synthetic case set) describe
// the same simulation, so it is run once for all of them: with common random numbers the counts would be
// identical anyway.
import { canonicalJson, type LoadedScenario } from "../scenario/load.ts";
import { UserError } from "../scenario/problems.ts";
import { sha256 } from "../runner/runset.ts";

export interface Case {
  file: string;
  id: string;
  sha256: string;
  observed: string;
  /** Position of what happened among the scenario's outcomes. */
  observedIndex: number;
  /** Index of this case's simulation in `CaseSet.simulations`. */
  simulation: number;
}

export interface Simulation {
  /** sha256 of the scenario without `meta` and `observed`: what the runs depend on. */
  key: string;
  loaded: LoadedScenario;
}

export interface CaseSet {
  cases: Case[];
  simulations: Simulation[];
}

/** The cases, checked before any work starts: every scenario must record what happened. */
export function caseSetOf(loaded: readonly LoadedScenario[]): CaseSet {
  if (loaded.length === 0) throw new UserError("calibrate: no scenario with an `observed` outcome to fit to");
  const missing = loaded.find((l) => !l.spec.observed);
  if (missing) throw new UserError(`${missing.file}: has no \`observed\` outcome: calibrate fits only to scenarios that record what happened`);
  const simulations: Simulation[] = [];
  const byKey = new Map<string, number>();
  const cases = loaded.map((l): Case => {
    const key = simulationKey(l);
    if (!byKey.has(key)) {
      byKey.set(key, simulations.length);
      simulations.push({ key, loaded: l });
    }
    const observed = l.spec.observed!.outcome;
    return { file: l.file, id: l.spec.meta.id, sha256: l.sha256, observed, observedIndex: l.spec.outcomes.findIndex((o) => o.id === observed), simulation: byKey.get(key)! };
  });
  return { cases, simulations };
}

function simulationKey(loaded: LoadedScenario): string {
  const { meta: _meta, observed: _observed, ...rest } = loaded.spec;
  return sha256(canonicalJson(rest));
}
