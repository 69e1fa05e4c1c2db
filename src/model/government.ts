// Forming a government: a coalition that can pass the procedure puts it to a vote, step by step,
// while outsiders choose to attend or boycott (docs/model.md, "Procedure").
import type { Rng } from "../rng/rng.ts";
import type { CompiledStep, Model } from "./model.ts";
import { P } from "./params.ts";
import type { RunState } from "./state.ts";
import type { CoalitionTotals } from "./coalition-totals.ts";
import type { Tracer } from "./tracer.ts";
import { supportFor } from "./support.ts";
import { describePremier } from "./premier.ts";
import { ActorTerms, prepareActorTerms, standing } from "./utility.ts";

export interface VoteCount {
  /** Seats of members present, counting the coalition in full. */
  present: number;
  yes: number;
}

/** Whether a step passes given who attended and who voted yes. */
export function stepPasses(step: CompiledStep, votes: VoteCount): boolean {
  if (votes.present < step.quorumSeats) return false;
  const needed = step.passFractionOfPresent > 0 ? step.passFractionOfPresent * votes.present : step.passSeats;
  return votes.yes >= needed;
}

/** The coalition that attempts formation this round (most seats, ties by the run's tie-break order of premiers), or -1. */
export function formingCoalition(model: Model, s: RunState, totals: CoalitionTotals): number {
  const { seats, pm } = totals.refresh(model, s);
  let best = -1;
  for (let k = 0; k < model.n; k++) {
    if (pm[k] < 0 || seats[k] + s.fragmentedBacking < model.minWinning || totals.blocked(s, k)) continue;
    if (outranks(s, totals, k, best)) best = k;
  }
  return best;
}

/** Whether coalition `k` (which has a premier) comes before coalition `best` (or -1) as formateur: more seats, ties by the run's tie-break order of premiers. */
export function outranks(s: RunState, totals: CoalitionTotals, k: number, best: number): boolean {
  const { seats, pm } = totals;
  return best < 0 || seats[k] > seats[best] || (seats[k] === seats[best] && s.tieRank[pm[k]] < s.tieRank[pm[best]]);
}

const premierTerms = new ActorTerms();

/** The standing (model/utility.ts) of coalition `label` as a government, as its premier's party sees it. */
export function governmentStanding(model: Model, s: RunState, label: number, totals: CoalitionTotals): number {
  const t = prepareActorTerms(model, s, totals.pm[label], premierTerms);
  return standing(t, totals.seats[label], totals.sects[label]);
}

/**
 * Whether the coalition `label` calls its vote this round rather than hold out for a broader package:
 * with probability equal to its standing σ, raised toward 1 by what delay has cost so far,
 * p = σ + (1 − σ) × min(1, delay). A secure government that includes every component votes at
 * once; a bare or one-sided one usually waits while delay is cheap. Draws one random number.
 */
export function callsTheVote(model: Model, s: RunState, rng: Rng, label: number, totals: CoalitionTotals, trace?: Tracer): boolean {
  const sigma = governmentStanding(model, s, label, totals);
  const p = sigma + (1 - sigma) * Math.min(1, premierTerms.delay);
  const calls = rng.next() < p;
  if (!calls) trace?.add({ kind: "hold", round: s.round, coalition: trace.members(s, label), standing: sigma, chance: p });
  return calls;
}

/** Puts coalition `label`, with the premier and seats its (current) totals give, through every step; records the government if all pass. */
export function attemptFormation(model: Model, s: RunState, rng: Rng, label: number, totals: CoalitionTotals, trace?: Tracer): boolean {
  const pm = totals.pm[label];
  const coalitionSeats = totals.seats[label];
  const boycottBelow = s.params[P.boycott_below];
  const temperature = s.params[P.attendance_temperature];
  for (const step of model.steps) {
    const votes: VoteCount = { present: coalitionSeats, yes: coalitionSeats };
    const outsiders: { actor: string; support: number; attended: boolean | number; yes: boolean }[] | undefined = trace && [];
    for (let o = 0; o < model.n; o++) {
      if (s.coalition[o] === label) continue;
      const support = supportFor(model, s, o, label);
      const attend = logistic((support - boycottBelow) / temperature);
      if (model.fragmented[o] === 1) {
        // Members decide one by one: count the expected attendance and yes votes, no draw.
        votes.present += s.seats[o] * attend;
        votes.yes += s.seats[o] * attend * logistic(support / temperature);
        outsiders?.push({ actor: model.ids[o], support, attended: attend, yes: support > 0 });
        continue;
      }
      const attended = rng.next() < attend;
      outsiders?.push({ actor: model.ids[o], support, attended, yes: attended && support > 0 });
      if (!attended) continue;
      votes.present += s.seats[o];
      if (support > 0) votes.yes += s.seats[o];
    }
    const passed = stepPasses(step, votes);
    trace?.add({
      kind: "vote", round: s.round, coalition: trace.members(s, label), pm: model.ids[pm], step: step.id, present: votes.present, yes: votes.yes,
      needed: { quorum: step.quorumSeats, yes: step.passFractionOfPresent > 0 ? step.passFractionOfPresent * votes.present : step.passSeats }, passed, outsiders: outsiders!,
    });
    if (!passed) {
      rememberBlocked(model, s, label);
      s.transfer.fill(0);
      return false;
    }
  }
  s.government = label;
  for (let i = 0; i < model.n; i++) if (s.coalition[i] !== label) s.transfer[i] = 0;
  s.pm = pm;
  s.pmKind = totals.pmKind[label];
  s.pmWho = totals.pmWho[label];
  s.formedRound = s.round;
  s.version++;
  trace?.add({ kind: "government", round: s.round, coalition: trace.members(s, label), pm: model.ids[pm], how: describePremier(model, pm, s.pmKind, s.pmWho) });
  return true;
}

function rememberBlocked(model: Model, s: RunState, label: number): void {
  for (let i = 0; i < model.n; i++) s.blocked[i] = s.coalition[i] === label ? 1 : 0;
  s.blockedUntil = s.round + model.blockedMemory;
  s.version++;
}

function logistic(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** A government falls when its coalition drops below the seats it needs or loses its premier, who stays on as caretaker if the scenario has caretakers. */
export function checkGovernment(model: Model, s: RunState, trace?: Tracer): void {
  if (s.government < 0) return;
  let seats = 0;
  for (let i = 0; i < model.n; i++) if (s.coalition[i] === s.government) seats += s.seats[i];
  if (seats + s.fragmentedBacking < model.minWinning || s.coalition[s.pm] !== s.government) {
    trace?.add({ kind: "fall", round: s.round, coalition: trace.members(s, s.government), reason: s.coalition[s.pm] !== s.government ? "the premier's party left" : "it no longer has the seats to govern" });
    if (model.caretaker >= 0) s.caretaker = s.pm;
    s.government = -1;
    s.pm = -1;
    s.pmKind = 0;
    s.pmWho = -1;
    s.bargainingSince = s.round;
    s.transfer.fill(0);
    s.version++;
  }
}
