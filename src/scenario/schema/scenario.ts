// The root of the scenario format: the single source of truth for files, validation and `bazaar schema`.
import * as z from "zod";
import { Id } from "./ids.ts";
import { Actor } from "./actor.ts";
import { Relations, SectAffinity } from "./relations.ts";
import { Event } from "./event.ts";
import { Procedure } from "./procedure.ts";
import { Outcomes } from "./outcome.ts";
import { Metric } from "./metric.ts";
import { ModelParams } from "./model.ts";
import { Campaign } from "./campaign.ts";
import { quantity, UNIT } from "./quantity.ts";
import { LIMITS } from "../limits.ts";

export const Source = z
  .strictObject({
    id: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, "expected a short key of letters, digits, '_' or '-'").optional().describe("Short key to cite the source in comments, e.g. R24."),
    title: z.string().min(1).describe("Title of the document."),
    url: z.string().optional().describe("Address of the document."),
    seed: z.string().optional().describe("File name under shared/seeds, for the project's source documents."),
    date: z.string().optional().describe("Publication date."),
  })
  .describe("A source the scenario's numbers come from.");

export const Meta = z
  .strictObject({
    id: Id.describe("Scenario id (names run sets)."),
    title: z.string().min(1).describe("Title for tables and reports."),
    question: z.string().min(1).describe("The forecast question in one sentence."),
    as_of: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date YYYY-MM-DD").describe("Date of the information used (YYYY-MM-DD)."),
    sources: z.array(Source).default([]).describe("Where the numbers come from."),
    notes: z.string().optional().describe("Modelling notes."),
  })
  .describe("What the scenario is about.");

export const Parliament = z
  .strictObject({
    seats: z.number().int().min(1).max(100000).describe("Total seats in parliament."),
  })
  .describe("The legislature.");

export const Issue = z
  .strictObject({
    id: Id.describe("Issue id, used in actors' `positions`."),
    label: z.string().min(1).describe("What the dimension runs between, e.g. 'militias (-1) to state monopoly (+1)'."),
  })
  .describe("A policy dimension on which actors take positions.");

export const Rounds = z
  .strictObject({
    max: z.number().int().min(1).max(LIMITS.rounds).describe("Maximum negotiation rounds."),
    stability: z
      .number()
      .int()
      .min(0)
      .max(1000)
      .default(0)
      .describe("Rounds played after a government forms, in which partners may defect (0: stop at formation)."),
  })
  .describe("How long a run lasts.");

export const Observed = z
  .strictObject({
    outcome: Id.describe("The id of the outcome that actually happened."),
    date: z.string().describe("When it happened."),
    source: z.string().describe("Where that is recorded."),
  })
  .describe("What really happened (historical scenarios only).");

export const Scenario = z
  .strictObject({
    $schema: z.string().optional().describe("JSON Schema address for editors."),
    extends: z
      .string()
      .optional()
      .describe("A base scenario file (relative to this one) whose fields this file overrides: mappings merge deeply, lists of items with ids (actors, outcomes, metrics, events…) and relation pairs merge item by item."),
    meta: Meta,
    parliament: Parliament,
    issues: z.array(Issue).default([]).describe("Declared policy dimensions."),
    actors: z.array(Actor).min(2).max(LIMITS.actors).describe(`The party agents (2 to ${LIMITS.actors}).`),
    relations: Relations.prefault({}),
    sect_affinity: SectAffinity.prefault({}),
    drivers: z
      .record(Id, quantity(UNIT, "An exogenous quantity."))
      .default({})
      .describe("Named exogenous quantities in [0, 1]; `iran_pressure` drives the iran term and the pull between Iran-aligned actors."),
    campaign: Campaign.optional(),
    events: z.array(Event).default([]).describe("Per-round shocks."),
    procedure: Procedure,
    rounds: Rounds,
    model: ModelParams.prefault({}),
    outcomes: Outcomes,
    metrics: z.array(Metric).default([]).describe("Numbers recorded per run."),
    observed: Observed.optional(),
  })
  .describe("A bazaar scenario: a political bargaining situation to forecast.");

export type ScenarioSpec = z.infer<typeof Scenario>;
