// Declarative conditions over a run's state, used by outcomes, events and metrics. No code, no eval.
import * as z from "zod";
import { ActorPair, ActorRef, Id } from "./ids.ts";

const RelationTest = z
  .strictObject({
    between: ActorPair,
    above: z.number().min(-1).max(1).optional().describe("True when the affinity is above this value."),
    below: z.number().min(-1).max(1).optional().describe("True when the affinity is below this value."),
  })
  .refine((r) => (r.above === undefined) !== (r.below === undefined), "expected exactly one of `above` or `below`")
  .describe("Compares the current affinity between two actors (the mean of both directions) with a threshold.");

const BlocIntact = z
  .strictObject({
    bloc: Id.describe("A bloc id used by some actor's `bloc`."),
    min_share: z.number().gt(0).max(1).default(0.75).describe("Share of the bloc's clout that must still sit in one coalition."),
  })
  .describe("True when at least `min_share` of the bloc's starting clout is still in a single coalition.");

const DriverTest = z
  .strictObject({
    id: Id.describe("A driver id."),
    above: z.number().optional().describe("True when the driver is above this value."),
    below: z.number().optional().describe("True when the driver is below this value."),
  })
  .refine((r) => (r.above === undefined) !== (r.below === undefined), "expected exactly one of `above` or `below`")
  .describe("Compares a driver's current value with a threshold.");

const RoundTest = z
  .strictObject({
    from: z.number().int().min(1).optional().describe("First round (inclusive)."),
    to: z.number().int().min(1).optional().describe("Last round (inclusive)."),
  })
  .describe("True during the given rounds (for events).");

export const CONDITION_KEYS = [
  "together", "apart", "relation", "governs", "pm", "pm_in", "pm_compromise", "pm_candidate", "government",
  "bloc_intact", "driver", "round", "all", "any", "not",
] as const;

export type ConditionSpec = {
  together?: [string, string];
  apart?: [string, string];
  relation?: { between: [string, string]; above?: number; below?: number };
  governs?: string;
  pm?: string;
  pm_in?: string[];
  pm_compromise?: boolean;
  pm_candidate?: string;
  government?: "formed" | "none";
  bloc_intact?: { bloc: string; min_share: number };
  driver?: { id: string; above?: number; below?: number };
  round?: { from?: number; to?: number };
  all?: ConditionSpec[];
  any?: ConditionSpec[];
  not?: ConditionSpec;
};

export const Condition: z.ZodType<ConditionSpec> = z
  .strictObject({
    together: ActorPair.optional().describe("The two actors are in the same coalition."),
    apart: ActorPair.optional().describe("The two actors are in different coalitions."),
    relation: RelationTest.optional(),
    governs: ActorRef.optional().describe("The actor is in the government."),
    pm: ActorRef.optional().describe("The actor's party holds the premiership, with its leader or a compromise figure of the party (not an independent it nominated). With pm_compromise: false, its leader."),
    pm_in: z.array(ActorRef).min(1).optional().describe("One of these actors' parties holds the premiership (as `pm`)."),
    pm_compromise: z.boolean().optional().describe("true: the premier is a compromise (not a party's leader: another person of a party, or an independent); false: a party leader is premier."),
    pm_candidate: Id.optional().describe("The named candidate (procedure.candidates) holds the premiership."),
    government: z.enum(["formed", "none"]).optional().describe("Whether a government has formed."),
    bloc_intact: BlocIntact.optional(),
    driver: DriverTest.optional(),
    round: RoundTest.optional(),
    get all() {
      return z.array(Condition).min(1).optional().describe("All of these hold.");
    },
    get any() {
      return z.array(Condition).min(1).optional().describe("At least one of these holds.");
    },
    get not() {
      return Condition.optional().describe("This does not hold.");
    },
  })
  .superRefine((c, ctx) => {
    const keys = Object.keys(c).filter((k) => (c as Record<string, unknown>)[k] !== undefined);
    if (keys.length !== 1) {
      ctx.addIssue({
        code: "custom",
        input: c,
        message: `expected exactly one condition (${CONDITION_KEYS.join(", ")}), found ${keys.length === 0 ? "none" : keys.join(" and ")}`,
      });
    }
  })
  .describe("A condition: exactly one of together, apart, relation, governs, pm, pm_in, pm_compromise, pm_candidate, government, bloc_intact, driver, round, all, any, not.") as z.ZodType<ConditionSpec>;
