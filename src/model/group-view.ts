// A proposed coalition given as a member list: its totals and premier are worked out once, then any
// member's utility in it costs one pass over the partners. Used where whole packages are weighed (the
// formateur's proposal, the offers before a vote), so the veto is not recomputed for every member.
import type { Model } from "./model.ts";
import { acceptablePremier, FULL_RECOUNT, LEADER, PremierChoice, premierWithNewcomer } from "./premier.ts";
import type { RunState } from "./state.ts";
import { ActorTerms, couldGovern, MemberView, prepareActorTerms, type Terms } from "./utility.ts";

export class GroupView {
  members: Int32Array = new Int32Array(0);
  count = 0;
  /** The coalition's totals, and (between calls) the sums over one member's partners. */
  private readonly view = new MemberView();
  /** Whether the premier is the sitting premier or the best-ranked eligible member's leader (see premierWithNewcomer). */
  pmTop = false;
  private readonly choice = new PremierChoice();

  /** Takes the coalition `members[0..count)` (the array is read, not copied: keep it unchanged while in use). */
  set(model: Model, s: RunState, members: Int32Array, count: number): this {
    this.members = members;
    this.count = count;
    const view = this.view.clear(s);
    for (let k = 0; k < count; k++) view.addMember(model, s, members[k]);
    this.pmTop = false;
    if (model.premierVeto && couldGovern(model, s, view.seats)) {
      const top = view.pm;
      view.pm = acceptablePremier(model, s, members, 0, count, this.choice);
      view.pmKind = this.choice.kind;
      this.pmTop = view.pm >= 0 && ((view.pm === top && view.pmKind === LEADER) || view.pm === s.pm);
    }
    return this;
  }

  /**
   * Takes `base`'s coalition plus the newcomer `members[count]` (base.members must be `members`, and
   * its members `members[0..count)`): the totals are carried over and the premier worked out from
   * base's where the veto allows, so weighing each candidate partner costs little.
   */
  setWith(model: Model, s: RunState, base: GroupView, j: number): this {
    this.members = base.members;
    this.count = base.count + 1;
    const view = this.view;
    const from = base.view;
    view.seats = from.seats;
    view.shia = from.shia;
    view.sects = from.sects;
    view.pm = from.pm;
    view.blocked = from.blocked;
    view.addMember(model, s, j);
    view.pmKind = LEADER;
    this.pmTop = false;
    if (!model.premierVeto || !couldGovern(model, s, view.seats)) return this;
    if (base.pmTop && from.pm === s.pm) {
      view.pm = from.pm;
      view.pmKind = s.pmKind;
      this.pmTop = true;
      return this;
    }
    const quick = base.pmTop ? premierWithNewcomer(model, s, base.members, 0, base.count, from.pm, j, this.choice) : FULL_RECOUNT;
    view.pm = quick !== FULL_RECOUNT ? quick : acceptablePremier(model, s, this.members, 0, this.count, this.choice);
    view.pmKind = this.choice.kind;
    this.pmTop = quick !== FULL_RECOUNT && view.pmKind === LEADER; // a leader who outranks everyone, or the old top premier
    return this;
  }

  /** The coalition's seats, and the bitmask of its members' sects. */
  get seats(): number {
    return this.view.seats;
  }
  get sects(): number {
    return this.view.sects;
  }

  /** Whether the coalition could put itself to the vote: a premier, not just failed, and the seats. */
  governable(model: Model, s: RunState): boolean {
    return this.view.pm >= 0 && !this.view.blocked && couldGovern(model, s, this.view.seats);
  }

  /**
   * Utility in this coalition of the member whose prepared terms are `t`, when `sums` holds the sums
   * over all its other members but `extra` (-1: none), which is added here.
   */
  utilityFromSums(model: Model, s: RunState, t: ActorTerms, sums: PartnerSums, extra: number, terms?: Terms): number {
    const a = t.actor;
    const view = this.view;
    view.partners = sums.partners[a];
    view.partnerClout = sums.clout[a];
    view.sectView = sums.sectView[a];
    view.affinity = sums.affinity[a];
    view.enmity = sums.enmity[a];
    if (extra >= 0 && extra !== a) view.addPartner(s, a * model.n, extra);
    return view.utility(model, t, terms);
  }

  /** Utility in this coalition of the member whose prepared terms are `t`. */
  utilityOf(model: Model, s: RunState, t: ActorTerms, terms?: Terms): number {
    const i = t.actor;
    const row = i * model.n;
    const view = this.view.clearPartners();
    for (let k = 0; k < this.count; k++) if (this.members[k] !== i) view.addPartner(s, row, this.members[k]);
    return view.utility(model, t, terms);
  }
}

/**
 * Sums over the members of a coalition being put together, as each actor sees them (itself excluded):
 * adding a member costs one pass over the actors, after which any actor's utility in the coalition,
 * with or without one more member, costs O(1).
 */
export class PartnerSums {
  readonly partners: Float64Array;
  readonly clout: Float64Array;
  readonly sectView: Float64Array;
  readonly affinity: Float64Array;
  readonly enmity: Float64Array;
  constructor(n: number) {
    this.partners = new Float64Array(n);
    this.clout = new Float64Array(n);
    this.sectView = new Float64Array(n);
    this.affinity = new Float64Array(n);
    this.enmity = new Float64Array(n);
  }

  clear(): this {
    this.partners.fill(0);
    this.clout.fill(0);
    this.sectView.fill(0);
    this.affinity.fill(0);
    this.enmity.fill(0);
    return this;
  }

  add(model: Model, s: RunState, m: number): this {
    const n = model.n;
    for (let a = 0; a < n; a++) {
      if (a === m) continue;
      const cell = a * n + m;
      const r = s.rel[cell];
      this.partners[a]++;
      this.clout[a] += s.clout[m];
      this.sectView[a] += s.cloutView[cell];
      this.affinity[a] += r - s.policyDistance[cell];
      if (r < 0) this.enmity[a] += r * r;
    }
    return this;
  }
}

/** Every actor's utility terms, prepared once for a package that is weighed while nothing moves. */
export class TermsCache {
  readonly terms: ActorTerms[];
  constructor(n: number) {
    this.terms = Array.from({ length: n }, () => new ActorTerms());
  }

  prepare(model: Model, s: RunState): this {
    for (let i = 0; i < model.n; i++) prepareActorTerms(model, s, i, this.terms[i]);
    return this;
  }
}

/**
 * Each actor's utility where it stands now, written to `into`: one GroupView per coalition. Fragmented
 * actors get 0 (they never join a package).
 */
export function utilitiesWhereTheyStand(model: Model, s: RunState, cache: TermsCache, group: GroupView, scratch: Int32Array, into: Float64Array): void {
  for (let label = 0; label < model.n; label++) {
    let count = 0;
    for (let j = 0; j < model.n; j++) if (s.coalition[j] === label) scratch[count++] = j;
    if (count === 0) continue;
    group.set(model, s, scratch, count);
    for (let k = 0; k < count; k++) {
      const j = scratch[k];
      into[j] = model.fragmented[j] === 1 ? 0 : group.utilityOf(model, s, cache.terms[j]);
    }
  }
}
