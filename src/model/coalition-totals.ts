// What every coalition adds up to, indexed by coalition label. Shared by the actors' turns and the
// formation step, and recomputed only when the state's version says coalitions, seats, power,
// relations, the government or the blocked memory changed.
import type { Model } from "./model.ts";
import type { RunState } from "./state.ts";
import { acceptablePremier, LEADER, PremierChoice, premierWith } from "./premier.ts";
import { couldGovern } from "./utility.ts";

export class CoalitionTotals {
  /** The state version these totals were computed for. */
  private version = -1;
  readonly size: Int32Array;
  readonly seats: Float64Array;
  readonly clout: Float64Array;
  /** Clout of Shia members. */
  readonly shia: Float64Array;
  /** Bitmask of the members' sects. */
  readonly sects: Int32Array;
  /** Premier's party (model/premier.ts), or -1; how he holds the office; the named candidate or -1. */
  readonly pm: Int32Array;
  readonly pmKind: Int32Array;
  readonly pmWho: Int32Array;
  /** 1 when the premier is the sitting premier, or the leader of the best-ranked eligible member (no one outranking him was refused). */
  readonly pmTop: Uint8Array;
  private readonly choice = new PremierChoice();
  /** 1 when some member lies outside the last coalition that failed a vote. */
  readonly unblocked: Uint8Array;
  /** 1 for the singleton label of a fragmented actor (never joined, never a formateur). */
  readonly fragmented: Uint8Array;

  constructor(n: number) {
    this.size = new Int32Array(n);
    this.seats = new Float64Array(n);
    this.clout = new Float64Array(n);
    this.shia = new Float64Array(n);
    this.sects = new Int32Array(n);
    this.pm = new Int32Array(n);
    this.pmKind = new Int32Array(n);
    this.pmWho = new Int32Array(n);
    this.pmTop = new Uint8Array(n);
    this.unblocked = new Uint8Array(n);
    this.fragmented = new Uint8Array(n);
    this.memberStart = new Int32Array(n + 1);
    this.memberList = new Int32Array(n);
    this.cursor = new Int32Array(n);
  }

  /**
   * Members grouped by label, kept only under the kingmaker's veto (premiers then need member lists):
   * label k's members are memberList[memberStart[k] .. memberStart[k + 1]).
   */
  readonly memberStart: Int32Array;
  readonly memberList: Int32Array;
  private readonly cursor: Int32Array;

  /** Brings the totals up to date with `s`: a no-op when nothing they depend on has changed. */
  refresh(model: Model, s: RunState): this {
    if (this.version === s.version) return this;
    const n = model.n;
    // Arrays in locals: V8 cannot prove typed-array stores leave object fields alone. One reset
    // loop: fill() calls cost more than the loop at this size.
    const { size, seats, clout, shia, sects, pm, pmKind, pmWho, unblocked, fragmented } = this;
    for (let k = 0; k < n; k++) {
      size[k] = 0;
      seats[k] = 0;
      clout[k] = 0;
      shia[k] = 0;
      sects[k] = 0;
      pm[k] = -1;
      pmKind[k] = LEADER;
      pmWho[k] = -1;
      this.pmTop[k] = 0;
      unblocked[k] = 0;
      fragmented[k] = 0;
    }
    for (let j = 0; j < n; j++) {
      const label = s.coalition[j];
      size[label]++;
      seats[label] += s.seats[j];
      clout[label] += s.clout[j];
      if (model.sect[j] === model.shiaSect) shia[label] += s.clout[j];
      sects[label] |= 1 << model.sect[j];
      pm[label] = premierWith(model, s, pm[label], j);
      if (s.blocked[j] === 0) unblocked[label] = 1;
      if (model.fragmented[j] === 1) fragmented[label] = 1;
    }
    if (model.premierVeto) this.applyVeto(model, s);
    this.version = s.version;
    return this;
  }

  private applyVeto(model: Model, s: RunState): void {
    const { size, memberStart, memberList, cursor } = this;
    const n = model.n;
    memberStart[0] = 0;
    for (let k = 0; k < n; k++) {
      memberStart[k + 1] = memberStart[k] + size[k];
      cursor[k] = memberStart[k];
    }
    for (let j = 0; j < n; j++) memberList[cursor[s.coalition[j]]++] = j;
    for (let k = 0; k < n; k++) {
      if (size[k] < 2 || !couldGovern(model, s, this.seats[k])) continue; // below the threshold the premier does not matter
      const top = this.pm[k];
      this.pm[k] = acceptablePremier(model, s, memberList, memberStart[k], memberStart[k + 1], this.choice);
      this.pmKind[k] = this.choice.kind;
      this.pmWho[k] = this.choice.who;
      this.pmTop[k] = this.pm[k] >= 0 && ((this.pm[k] === top && this.choice.kind === LEADER) || this.pm[k] === s.pm) ? 1 : 0;
    }
  }

  /** Whether `label` lies within the last coalition that failed a vote, while that is remembered. */
  blocked(s: RunState, label: number): boolean {
    return s.round <= s.blockedUntil && this.unblocked[label] === 0;
  }

  /** A label no coalition uses (one exists whenever some coalition has two or more members). */
  freeLabel(): number {
    for (let k = 0; k < this.size.length; k++) if (this.size[k] === 0) return k;
    return -1;
  }
}
