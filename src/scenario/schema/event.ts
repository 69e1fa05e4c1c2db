import * as z from "zod";
import { ActorPair, ActorRef, Id } from "./ids.ts";
import { quantity, SHIFT, UNIT } from "./quantity.ts";
import { Condition } from "./condition.ts";

const RelationShift = z
  .strictObject({
    between: ActorPair,
    shift: quantity(SHIFT, "Change in affinity (the result is kept in [-1, 1])."),
    directed: z.boolean().default(false).describe("Shift only the first actor's view of the second."),
  })
  .describe("Shift an affinity and its baseline (a lasting change, not a passing mood).");

const DriverShift = z
  .strictObject({
    id: Id.describe("A driver id."),
    shift: quantity(SHIFT, "Change in the driver (the result is kept in [0, 1])."),
  })
  .describe("Shift a driver.");

const ActorShift = z
  .strictObject({
    actor: ActorRef,
    shift: quantity({ min: -1000, max: 1000 }, "Change in the attribute (kept in its range)."),
  })
  .describe("Shift an actor's attribute.");

export const Effect = z
  .strictObject({
    relation: RelationShift.optional(),
    driver: DriverShift.optional(),
    power: ActorShift.optional().describe("Shift an actor's power (kept in [0, 1])."),
    seats: ActorShift.optional().describe("Shift an actor's seats (kept ≥ 0)."),
  })
  .superRefine((e, ctx) => {
    const keys = Object.keys(e).filter((k) => (e as Record<string, unknown>)[k] !== undefined);
    if (keys.length !== 1) {
      ctx.addIssue({ code: "custom", input: e, message: `expected exactly one effect (relation, driver, power, seats), found ${keys.length === 0 ? "none" : keys.join(" and ")}` });
    }
  })
  .describe("One effect: exactly one of relation, driver, power, seats.");

export const Event = z
  .strictObject({
    id: Id.describe("Unique event id."),
    label: z.string().optional().describe("Short description for traces and reports."),
    probability: quantity(UNIT, "Chance the event fires in a round where its condition holds."),
    when: Condition.optional().describe("The event can fire only while this holds."),
    once: z.boolean().default(false).describe("If true, the event fires at most once per run."),
    effects: z.array(Effect).min(1).describe("What happens when it fires, in order."),
    note: z.string().optional().describe("Source and reasoning."),
  })
  .describe("A per-round shock.");

export type EventSpec = z.infer<typeof Event>;
export type EffectSpec = z.infer<typeof Effect>;
