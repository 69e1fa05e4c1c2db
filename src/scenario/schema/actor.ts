import * as z from "zod";
import { Id, Sect } from "./ids.ts";
import { quantity, SEATS, SIGNED_UNIT, UNIT, WEIGHT } from "./quantity.ts";

export const UtilityWeights = z
  .strictObject({
    power: quantity(WEIGHT, "Weight of the office (power) term.").default(1),
    iran: quantity(WEIGHT, "Weight of the Iranian-pressure term.").default(1),
    base: quantity(WEIGHT, "Weight of the sectarian-base term.").default(1),
    relations: quantity(WEIGHT, "Weight of the relations term.").default(1),
  })
  .describe("How much this actor cares about each utility term (default 1 each).");

export const Position = z
  .strictObject({
    position: quantity(SIGNED_UNIT, "Where the actor stands on the issue."),
    salience: quantity(UNIT, "How much the issue matters to the actor.").default(1),
  })
  .describe("A position on a declared issue dimension, with its salience.");

export const Actor = z
  .strictObject({
    id: Id.describe("Unique actor id used everywhere else in the file."),
    name: z.string().min(1).describe("Display name, e.g. 'State of Law Coalition'."),
    leader: z.string().optional().describe("The actor's leader, for reports."),
    sect: Sect,
    bloc: Id.optional().describe("A pre-existing alliance the actor starts in (actors sharing a bloc start in one coalition)."),
    seats: z
      .union([quantity(SEATS, "Seats held in parliament."), z.literal("rest")])
      .describe("Seats in parliament: a whole number, a distribution (rounded per run), or 'rest' for the parliament's seats not held by any other actor."),
    power: quantity(UNIT, "Capability beyond seats: armed wing, street mobilisation, state patronage.").default(0),
    iran_alignment: quantity(SIGNED_UNIT, "How far the actor follows Tehran (negative: resists it).").default(0),
    base: quantity(UNIT, "How strongly the actor's sectarian base rewards or punishes its partners.").default(0.5),
    fragmented: z
      .boolean()
      .default(false)
      .describe("Independents and small lists: members never bargain as a bloc; in each vote they attend and vote individually, in proportion to the actor's support for the government."),
    pm_eligible: z.boolean().optional().describe("Overrides the procedure's premiership rule for this actor."),
    weights: UtilityWeights.prefault({}),
    positions: z
      .record(Id, Position)
      .optional()
      .describe("Positions on the issue dimensions declared under `issues`, by issue id."),
    notes: z.string().optional().describe("Free text: sources and reasoning for this actor's numbers."),
  })
  .describe("A party agent.");

export type ActorSpec = z.infer<typeof Actor>;
