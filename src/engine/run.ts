// One run of the model: sample the assumptions, play negotiation rounds, classify the final state.
import { shuffleInPlace, type Rng } from "../rng/rng.ts";
import type { Model } from "../model/compile.ts";
import { prepareRun } from "../model/draw.ts";
import { driftRelations } from "../model/dynamics.ts";
import { fireEvents } from "../model/events.ts";
import { attemptFormation, callsTheVote, checkGovernment, formingCoalition, governmentStanding } from "../model/government.ts";
import { takeTurn, TurnScratch } from "../model/negotiation.ts";
import { offerOffice, OfferScratch } from "../model/offer.ts";
import { formateurProposal, FormateurScratch } from "../model/formateur.ts";
import { RunState } from "../model/state.ts";
import type { Tracer } from "../model/tracer.ts";

export interface RunResult {
  outcome: number;
  /** One value per metric: a number, a category index, or NaN when undefined for this run. */
  metrics: Float64Array;
}

/** Everything one worker needs to simulate runs without allocating: reuse it for every run. */
export class Engine {
  readonly state: RunState;
  private readonly scratch: TurnScratch;
  private readonly offers: OfferScratch;
  private readonly formateur: FormateurScratch;
  private readonly order: Int32Array;
  readonly result: RunResult;

  constructor(readonly model: Model) {
    const n = model.n;
    this.state = new RunState(model.template.dims);
    this.scratch = new TurnScratch(n);
    this.offers = new OfferScratch(n);
    this.formateur = new FormateurScratch(n);
    this.order = new Int32Array(n);
    this.result = { outcome: -1, metrics: new Float64Array(model.metrics.length) };
  }

  /** Simulates one run with the given stream; the returned result is overwritten by the next run. */
  run(rng: Rng, trace?: Tracer): RunResult {
    const { model, state: s } = this;
    prepareRun(model, s, rng);
    trace?.add({ kind: "assumptions", values: model.slots.map((slot, k) => ({ path: slot.path, value: s.sampled[k] })) });
    for (let round = 1; round <= model.maxRounds; round++) {
      s.round = round;
      trace?.add({ kind: "round", round });
      this.playRound(rng, trace);
      if (s.government >= 0 && round >= s.formedRound + model.stabilityRounds) break;
    }
    this.result.outcome = classify(model, s);
    for (let k = 0; k < model.metrics.length; k++) this.result.metrics[k] = model.metrics[k].value(s);
    return this.result;
  }

  private playRound(rng: Rng, trace?: Tracer): void {
    const { model, state: s, order } = this;
    fireEvents(model, s, rng, trace && ((k) => trace.add({ kind: "event", round: s.round, id: model.events[k].id, label: model.events[k].label })));
    checkGovernment(model, s, trace);
    driftRelations(model, s);
    for (let i = 0; i < model.n; i++) order[i] = i;
    shuffleInPlace(rng, order);
    for (let k = 0; k < model.n; k++) takeTurn(model, s, rng, this.scratch, order[k], trace);
    if (s.government < 0) this.tryFormation(rng, trace);
  }

  private tryFormation(rng: Rng, trace?: Tracer): void {
    const { model, state: s } = this;
    const totals = this.scratch.totals;
    let label = formingCoalition(model, s, totals);
    if (label < 0 && formateurProposal(model, s, rng, this.formateur, trace)) label = formingCoalition(model, s, totals);
    if (label < 0) return;
    if (governmentStanding(model, s, label, totals) < 1) {
      offerOffice(model, s, this.offers, label, totals.pm[label], trace);
      totals.refresh(model, s);
    }
    if (totals.pm[label] >= 0 && callsTheVote(model, s, rng, label, totals, trace)) attemptFormation(model, s, rng, label, totals, trace);
  }
}

export function classify(model: Model, s: RunState): number {
  for (let k = 0; k < model.outcomes.length; k++) if (model.outcomes[k].test(s)) return k;
  return model.outcomes.length - 1;
}
