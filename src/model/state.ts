// The state of one run: plain typed arrays, reused across runs so the hot loop allocates nothing.
import { PARAM_COUNT } from "./params.ts";

export interface Dimensions {
  actors: number;
  sects: number;
  drivers: number;
  events: number;
  effects: number;
  issues: number;
  /** Named compromise candidates for the premiership. */
  candidates: number;
  /** Uncertain assumptions (sampling slots). */
  slots: number;
}

/** Every per-run number an uncertain assumption can set. */
export const SAMPLED_ARRAYS = [
  "seats", "power", "align", "base", "wPower", "wIran", "wBase", "wRel",
  "rel0", "sectAff", "drivers", "eventProb", "effectShift", "position", "salience", "params",
  "candidateLift",
] as const;
export type SampledArray = (typeof SAMPLED_ARRAYS)[number];

export class RunState {
  // Sampled once per run (see SAMPLED_ARRAYS).
  readonly seats: Float64Array;
  readonly power: Float64Array;
  readonly align: Float64Array;
  readonly base: Float64Array;
  readonly wPower: Float64Array;
  readonly wIran: Float64Array;
  readonly wBase: Float64Array;
  readonly wRel: Float64Array;
  /** Baseline affinities, row-major: rel0[i*n+j] is i's view of j. */
  readonly rel0: Float64Array;
  readonly sectAff: Float64Array;
  readonly drivers: Float64Array;
  readonly eventProb: Float64Array;
  readonly effectShift: Float64Array;
  readonly position: Float64Array;
  readonly salience: Float64Array;
  readonly params: Float64Array;
  /** Each named candidate's lift (NaN: the model's default compromise lift). */
  readonly candidateLift: Float64Array;
  /** The value each sampling slot drew this run, in slot order (for per-run records and traces). */
  readonly sampled: Float64Array;

  // Evolving during the run.
  readonly rel: Float64Array;
  /** Policy distance i→j from positions; fixed within a run. */
  readonly policyDistance: Float64Array;
  /** Clout = seat share + power_scale × power; recomputed when seats or power change. */
  readonly clout: Float64Array;
  /**
   * The share of components a coalition covers, for each bitmask of its members' sects: the sects'
   * shares of the seats of actors that bargain as one, summed. Recomputed with clout.
   */
  readonly coverage: Float64Array;
  /**
   * clout[j] × i's base's view of j's sect, row-major (i*n+j): the sect term of i's partner sums,
   * recomputed with clout so that the per-turn loop does one load instead of three.
   */
  readonly cloutView: Float64Array;
  /** Coalition label of each actor; a label is an integer in [0, n). */
  readonly coalition: Int32Array;
  /**
   * Each actor's place in this run's tie-break order (a random permutation drawn before round 1):
   * equal seats are ranked by it, so no actor wins ties because of its id or its place in the file.
   */
  readonly tieRank: Int32Array;
  readonly eventFired: Uint8Array;
  /** Members of the last coalition that failed a vote; it and its parts count as blocked until `blockedUntil`. */
  readonly blocked: Uint8Array;
  blockedUntil = 0;
  /**
   * Office (in units of the power term) each actor receives from a formateur's or premier's side
   * payment while in the government (the payer's is negative); set when a deal is struck, kept while
   * the government stands, cleared when it falls or the vote fails.
   */
  readonly transfer: Float64Array;
  /**
   * Bumped whenever coalitions, seats, power, relations, the government or the blocked memory change, so caches of coalition
   * totals know to recompute. Never reset, so it also changes from one run to the next.
   */
  version = 0;
  shiaClout = 0;
  /** Seats a coalition can count on from fragmented actors: fragmented_backing × their seats. */
  fragmentedBacking = 0;
  round = 0;
  /** The round in which the current bargaining without a government began (delay is counted from it). */
  bargainingSince = 1;
  government = -1;
  /** The party holding the premiership (or whose nominee, for an independent), and how (utility.ts: LEADER, COMPROMISE, INDEPENDENT). */
  pm = -1;
  pmKind = 0;
  /** The named candidate (procedure.candidates) who is premier, or -1. */
  pmWho = -1;
  /** Whose leader is caretaker premier while no government exists (-1: nobody). */
  caretaker = -1;
  formedRound = 0;

  constructor(readonly dims: Dimensions) {
    const n = dims.actors;
    this.seats = new Float64Array(n);
    this.power = new Float64Array(n);
    this.align = new Float64Array(n);
    this.base = new Float64Array(n);
    this.wPower = new Float64Array(n);
    this.wIran = new Float64Array(n);
    this.wBase = new Float64Array(n);
    this.wRel = new Float64Array(n);
    this.rel0 = new Float64Array(n * n);
    this.sectAff = new Float64Array(dims.sects * dims.sects);
    this.drivers = new Float64Array(dims.drivers);
    this.eventProb = new Float64Array(dims.events);
    this.effectShift = new Float64Array(dims.effects);
    this.position = new Float64Array(n * dims.issues);
    this.salience = new Float64Array(n * dims.issues);
    this.params = new Float64Array(PARAM_COUNT);
    this.candidateLift = new Float64Array(dims.candidates);
    this.sampled = new Float64Array(dims.slots);
    this.rel = new Float64Array(n * n);
    this.policyDistance = new Float64Array(n * n);
    this.clout = new Float64Array(n);
    this.coverage = new Float64Array(1 << dims.sects);
    this.cloutView = new Float64Array(n * n);
    this.coalition = new Int32Array(n);
    this.tieRank = new Int32Array(n);
    this.eventFired = new Uint8Array(dims.events);
    this.blocked = new Uint8Array(n);
    this.transfer = new Float64Array(n);
  }

  /** Copies the sampled arrays of `template` into this state and clears the evolving part. */
  resetFrom(template: RunState): void {
    for (const name of SAMPLED_ARRAYS) this[name].set(template[name]);
    this.eventFired.fill(0);
    this.blocked.fill(0);
    this.transfer.fill(0);
    this.blockedUntil = 0;
    this.version++;
    this.round = 0;
    this.bargainingSince = 1;
    this.government = -1;
    this.pm = -1;
    this.pmKind = 0;
    this.pmWho = -1;
    this.caretaker = -1;
    this.formedRound = 0;
  }
}
