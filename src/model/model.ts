// The engine's plain-data model of a scenario: what compileModel produces and every model part reads.
import type { ScenarioSpec } from "../scenario/schema/scenario.ts";
import type { DistributionSpec, Range } from "../scenario/schema/quantity.ts";
import type { RunState, SampledArray } from "./state.ts";
import type { ConditionContext, Test } from "./conditions.ts";
import type { CompiledMetric } from "./metrics.ts";

/** An uncertain assumption: sampled once per run and written to every listed index. */
export interface Slot {
  path: string;
  array: SampledArray;
  indices: number[];
  dist: DistributionSpec;
  range: Range;
  /** Set by sensitivity analysis: the slot still draws (keeping every stream aligned) but takes this value. */
  pinned?: number;
}

export interface CompiledStep {
  id: string;
  quorumSeats: number;
  passSeats: number;
  /** When > 0, the yes votes needed are this fraction of members present (passSeats is then unused). */
  passFractionOfPresent: number;
}

export const enum EffectKind { Relation, Driver, Power, Seats }

export interface CompiledEffect {
  kind: EffectKind;
  a: number;
  b: number;
  directed: boolean;
  shiftIndex: number;
}

export interface CompiledEvent {
  id: string;
  label: string;
  test: Test | undefined;
  once: boolean;
  effects: CompiledEffect[];
}

export interface Model {
  spec: ScenarioSpec;
  n: number;
  ids: string[];
  sect: Int32Array;
  shiaSect: number;
  blocIds: string[];
  blocOf: Int32Array;
  initialCoalition: Int32Array;
  pmEligible: Uint8Array;
  /** 1 for actors whose members vote individually and never bargain as a bloc. */
  fragmented: Uint8Array;
  totalSeats: number;
  restActor: number;
  issues: number;
  /** Whether any position or salience is uncertain; if not, policy distances are computed once, here. */
  positionsVary: boolean;
  steps: CompiledStep[];
  /** Seats a coalition needs to pass every step with a full house. */
  minWinning: number;
  /** Seats a coalition needs to meet every step's quorum and pass threshold with its own members. */
  secureSeats: number;
  /** Named compromise candidates (procedure.candidates): ids, and each one's party (-1: independent). */
  candidateIds: string[];
  candidateParty: Int32Array;
  /** For each actor, its named candidates in file order. */
  candidatesOf: number[][];
  /** Named independents in file order. */
  independents: number[];
  /** Whether an independent may be premier when partners veto every party's candidates. */
  independentPremier: boolean;
  unanimity: boolean;
  /**
   * The campaign's exposure of each ordered pair (row-major): summed stakes of the regions where the
   * two ran on rival lists, and where they ran on one list; null without a campaign.
   */
  campaign: { rival: Float64Array; joint: Float64Array } | null;
  /** The actor holding the premiership as caretaker until a government forms, or -1. */
  caretaker: number;
  /** Whether partners can veto a premier (procedure.pm_rule: acceptable). */
  premierVeto: boolean;
  maxRounds: number;
  blockedMemory: number;
  stabilityRounds: number;
  iranPressure: number;
  driverIds: string[];
  template: RunState;
  slots: Slot[];
  events: CompiledEvent[];
  outcomes: { id: string; label: string; test: Test }[];
  /** How conditions name actors, drivers and blocs in this model (for compiling further conditions). */
  conditions: ConditionContext;
  metrics: CompiledMetric[];
}
