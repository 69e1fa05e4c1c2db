// Checks that need the whole scenario: unique ids, references between sections, seat arithmetic.
import type { ScenarioSpec } from "./schema/scenario.ts";
import type { ConditionSpec } from "./schema/condition.ts";
import { isDistribution, support } from "./schema/quantity.ts";
import { isPmEligible } from "./schema/procedure.ts";
import type { FieldIssue } from "./zod-issues.ts";
import type { FieldPath } from "./problems.ts";
import { suggestion } from "./did-you-mean.ts";

export function crossCheck(s: ScenarioSpec, options: { referencesOnly?: boolean } = {}): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const report = (path: FieldPath, message: string) => issues.push({ path, message });

  const actorIds = uniqueIds(s.actors, ["actors"], "actor", report);
  uniqueIds(s.outcomes, ["outcomes"], "outcome", report);
  uniqueIds(s.metrics, ["metrics"], "metric", report);
  uniqueIds(s.events, ["events"], "event", report);
  uniqueIds(s.procedure?.steps, ["procedure", "steps"], "step", report);
  const issueIds = uniqueIds(s.issues, ["issues"], "issue", report);
  const blocIds = new Set(list(s.actors).flatMap((a) => (typeof a?.bloc === "string" ? [a.bloc] : [])));
  const driverIds = new Set(s.drivers && typeof s.drivers === "object" ? Object.keys(s.drivers) : []);
  const outcomeIds = new Set(list(s.outcomes).map((o) => o?.id));
  const candidateIds = uniqueIds(s.procedure?.candidates, ["procedure", "candidates"], "candidate", report);

  const actor = (id: unknown, path: FieldPath) => {
    if (typeof id === "string" && !actorIds.has(id)) report(path, `expected an actor id, found '${id}'${suggestion(id, actorIds)}`);
  };
  const pair = (ids: unknown, path: FieldPath) => {
    if (!Array.isArray(ids)) return;
    actor(ids[0], [...path, 0]);
    actor(ids[1], [...path, 1]);
    if (typeof ids[0] === "string" && ids[0] === ids[1]) report(path, `expected two different actors, found '${ids[0]}' twice`);
  };
  const refs: Refs = { actor, pair, blocIds, driverIds, candidateIds, report };

  list(s.actors).forEach((a, i) => {
    for (const issue of Object.keys(a?.positions ?? {})) {
      if (!issueIds.has(issue)) report(["actors", i, "positions", issue], `expected an issue declared under 'issues', found '${issue}'${suggestion(issue, issueIds)}`);
    }
  });
  list(s.relations?.pairs).forEach((p, i) => pair(p?.between, ["relations", "pairs", i, "between"]));
  list(s.events).forEach((e, i) => {
    if (e?.when) checkCondition(e.when, ["events", i, "when"], refs);
    list(e?.effects).forEach((eff, j) => {
      const at: FieldPath = ["events", i, "effects", j];
      if (eff?.relation) pair(eff.relation.between, [...at, "relation", "between"]);
      if (typeof eff?.driver?.id === "string" && !driverIds.has(eff.driver.id)) report([...at, "driver", "id"], `expected a driver declared under 'drivers', found '${eff.driver.id}'${suggestion(eff.driver.id, driverIds)}`);
      if (eff?.power) actor(eff.power.actor, [...at, "power", "actor"]);
      if (eff?.seats) actor(eff.seats.actor, [...at, "seats", "actor"]);
    });
  });
  list(s.outcomes).forEach((o, i) => o?.when && checkCondition(o.when, ["outcomes", i, "when"], refs));
  list(s.metrics).forEach((m, i) => {
    if (m?.type === "relation") pair(m.between, ["metrics", i, "between"]);
    if (m?.type === "condition" && m.when) checkCondition(m.when, ["metrics", i, "when"], refs);
  });
  list(s.procedure?.pm_eligible?.actors).forEach((id, i) => actor(id, ["procedure", "pm_eligible", "actors", i]));
  checkCampaign(s, actor, report);
  if (typeof s.procedure?.caretaker === "string") actor(s.procedure.caretaker, ["procedure", "caretaker"]);
  checkCandidates(s, actor, report);
  if (typeof s.observed?.outcome === "string" && !outcomeIds.has(s.observed.outcome)) {
    report(["observed", "outcome"], `expected an outcome id, found '${s.observed.outcome}'${suggestion(s.observed.outcome, outcomeIds)}`);
  }
  if (!options.referencesOnly) {
    checkSeats(s, report);
    checkProcedure(s, report);
  }
  return issues;
}

function checkCampaign(s: ScenarioSpec, actor: Refs["actor"], report: Refs["report"]): void {
  const regions = list(s.campaign?.regions);
  const regionIds = new Set(regions.flatMap((r) => (typeof r?.id === "string" ? [r.id] : [])));
  regions.forEach((region, i) => {
    const seen = new Set<string>();
    list(region?.lists).forEach((members, j) =>
      list(members).forEach((id, k) => {
        const at: FieldPath = ["campaign", "regions", i, "lists", j, k];
        actor(id, at);
        if (seen.has(id)) report(at, `expected each actor on at most one list in a region, found '${id}' again`);
        seen.add(id);
        if (s.actors?.find((a) => a?.id === id)?.fragmented) report(at, `expected no fragmented actor on a list (they never bargain as a bloc), found '${id}'`);
      }),
    );
  });
  const stakes = regions.reduce((sum, r) => sum + (typeof r?.stake === "number" ? r.stake : 0), 0);
  if (stakes > 1 + 1e-9) report(["campaign", "regions"], `expected the regions' stakes to sum to at most 1, found ${Number(stakes.toFixed(6))}`);
  const opening = s.campaign?.opening;
  if (typeof opening === "string" && !regionIds.has(opening)) report(["campaign", "opening"], `expected a region id, found '${opening}'${suggestion(opening, regionIds)}`);
}

function checkCandidates(s: ScenarioSpec, actor: Refs["actor"], report: Refs["report"]): void {
  list(s.procedure?.candidates).forEach((c, i) => {
    const at: FieldPath = ["procedure", "candidates", i, "party"];
    if (typeof c?.party !== "string" || c.party === "independent") return;
    actor(c.party, at);
    const party = list(s.actors).find((a) => a?.id === c.party);
    if (party && s.procedure?.pm_eligible && !isPmEligible(party, s.procedure.pm_eligible)) {
      report(at, `expected a party that may hold the premiership (procedure.pm_eligible), found '${c.party}'`);
    }
    if (party?.fragmented) report(at, `expected a party that bargains as one, found the fragmented '${c.party}'`);
  });
}

/** The list at `value`, or nothing when the (possibly unvalidated) data has no list there. */
function list<T>(value: T[] | undefined): T[] {
  return Array.isArray(value) ? value : [];
}

interface Refs {
  actor(id: unknown, path: FieldPath): void;
  pair(ids: unknown, path: FieldPath): void;
  blocIds: Set<string>;
  driverIds: Set<string>;
  candidateIds: Set<string>;
  report(path: FieldPath, message: string): void;
}

function checkCondition(c: ConditionSpec, path: FieldPath, r: Refs): void {
  if (!c || typeof c !== "object") return;
  if (c.together) r.pair(c.together, [...path, "together"]);
  if (c.apart) r.pair(c.apart, [...path, "apart"]);
  if (c.relation) r.pair(c.relation.between, [...path, "relation", "between"]);
  if (c.governs) r.actor(c.governs, [...path, "governs"]);
  if (c.pm) r.actor(c.pm, [...path, "pm"]);
  list(c.pm_in).forEach((id, i) => r.actor(id, [...path, "pm_in", i]));
  if (typeof c.pm_candidate === "string" && !r.candidateIds.has(c.pm_candidate)) {
    r.report([...path, "pm_candidate"], `expected a candidate id from procedure.candidates, found '${c.pm_candidate}'${suggestion(c.pm_candidate, r.candidateIds)}`);
  }
  if (typeof c.bloc_intact?.bloc === "string" && !r.blocIds.has(c.bloc_intact.bloc)) {
    r.report([...path, "bloc_intact", "bloc"], `expected a bloc named by some actor's 'bloc', found '${c.bloc_intact.bloc}'${suggestion(c.bloc_intact.bloc, r.blocIds)}`);
  }
  if (typeof c.driver?.id === "string" && !r.driverIds.has(c.driver.id)) {
    r.report([...path, "driver", "id"], `expected a driver declared under 'drivers', found '${c.driver.id}'${suggestion(c.driver.id, r.driverIds)}`);
  }
  list(c.all).forEach((sub, i) => checkCondition(sub, [...path, "all", i], r));
  list(c.any).forEach((sub, i) => checkCondition(sub, [...path, "any", i], r));
  if (c.not) checkCondition(c.not, [...path, "not"], r);
}

function uniqueIds(items: { id: string }[] | undefined, path: FieldPath, what: string, report: (p: FieldPath, m: string) => void): Set<string> {
  const seen = new Set<string>();
  list(items).forEach((item, i) => {
    if (typeof item?.id !== "string") return;
    if (seen.has(item.id)) report([...path, i, "id"], `expected a unique ${what} id, found '${item.id}' a second time`);
    seen.add(item.id);
  });
  return seen;
}

function maxSeats(seats: ScenarioSpec["actors"][number]["seats"]): number {
  if (seats === "rest") return 0;
  return isDistribution(seats) ? support(seats)[1] : seats;
}

function checkSeats(s: ScenarioSpec, report: (p: FieldPath, m: string) => void): void {
  const rest = s.actors.flatMap((a, i) => (a.seats === "rest" ? [i] : []));
  rest.slice(1).forEach((i) => report(["actors", i, "seats"], "expected at most one actor with seats 'rest', found another"));
  const total = s.actors.reduce((sum, a) => sum + maxSeats(a.seats), 0);
  if (total > s.parliament.seats) {
    report(["actors"], `expected seats (at their largest possible values) to sum to at most the parliament's ${s.parliament.seats}, found ${total}`);
  }
  s.actors.forEach((a, i) => {
    if (isDistribution(a.seats) && a.seats.dist === "normal") {
      report(["actors", i, "seats", "dist"], "expected a bounded distribution for seats (uniform, beta, triangular or choice), found normal");
    }
  });
}

function checkProcedure(s: ScenarioSpec, report: (p: FieldPath, m: string) => void): void {
  const total = s.parliament.seats;
  s.procedure.steps.forEach((step, i) => {
    if (step.quorum.seats !== undefined && step.quorum.seats > total) {
      report(["procedure", "steps", i, "quorum", "seats"], `expected a quorum no larger than the parliament's ${total} seats, found ${step.quorum.seats}`);
    }
    if (step.pass.seats !== undefined && step.pass.seats > total) {
      report(["procedure", "steps", i, "pass", "seats"], `expected a pass threshold no larger than the parliament's ${total} seats, found ${step.pass.seats}`);
    }
  });
  if (!s.actors.some((a) => isPmEligible(a, s.procedure.pm_eligible))) report(["procedure", "pm_eligible"], "expected at least one actor eligible for the premiership, found none");
}
