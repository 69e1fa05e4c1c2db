// A synthetic case set with a known truth: variants of test/fixtures/calibrate/quorum.yaml whose
// "observed" outcomes are single runs drawn at a true value of one model parameter, from a seed apart
// from the calibration's, so the calibration's runs and the observations share no random stream.
import { produce } from "immer";
import { scenarioHash, withOverrides, type LoadedScenario } from "../../src/scenario/load.ts";
import { compileModel } from "../../src/model/compile.ts";
import { Engine } from "../../src/engine/run.ts";
import { runRng } from "../../src/rng/rng.ts";
import { loadFixture } from "../helpers.ts";

const set = (path: string, value: unknown) => ({ text: `${path}=${value}`, path: path.split("."), value });

export interface SyntheticOptions {
  /** The parameter and the value the observations are drawn at. */
  path: string;
  truth: number;
  /** Baseline gov–opp affinities, one variant each. */
  relations: number[];
  /** Observed cases per variant. */
  perVariant: number;
  seed: number;
}

export function syntheticCases(options: SyntheticOptions): LoadedScenario[] {
  const base = loadFixture("calibrate/quorum.yaml");
  return options.relations.flatMap((relation, v) => {
    const variant = withOverrides(base, [set("relations.pairs.0.value", relation)]);
    const engine = new Engine(compileModel(withOverrides(variant, [set(options.path, options.truth)]).spec));
    return Array.from({ length: options.perVariant }, (_, k) => {
      const outcome = variant.spec.outcomes[engine.run(runRng(options.seed, v * options.perVariant + k)).outcome].id;
      const spec = produce(variant.spec, (d) => {
        d.meta.id = `variant${v}-case${k}`;
        d.observed = { outcome, date: "2024-01-01", source: `synthetic: drawn at ${options.path} = ${options.truth}` };
      });
      return { ...variant, spec, sha256: scenarioHash(spec) };
    });
  });
}
