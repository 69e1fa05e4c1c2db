import * as z from "zod";
import { ActorPair, Sect } from "./ids.ts";
import { quantity, SIGNED_UNIT } from "./quantity.ts";

export const RelationPair = z
  .strictObject({
    between: ActorPair,
    value: quantity(SIGNED_UNIT, "Affinity: -1 enemies, 0 indifferent, 1 close allies."),
    directed: z
      .boolean()
      .default(false)
      .describe("If true, only the first actor's view of the second; otherwise both directions."),
    note: z.string().optional().describe("Why this value: source and reasoning."),
  })
  .describe("The affinity between two actors.");

export const Relations = z
  .strictObject({
    default: quantity(SIGNED_UNIT, "Affinity of every pair not listed.").default(0),
    pairs: z.array(RelationPair).default([]).describe("Listed pairs; symmetric unless `directed`."),
  })
  .describe("Pairwise affinities between actors.");

export const SectAffinityPair = z
  .strictObject({
    base: Sect.describe("The sectarian base whose view this is."),
    partner: Sect.describe("The sect of the partner being judged."),
    value: quantity(SIGNED_UNIT, "How that base views partners of that sect."),
    note: z.string().optional().describe("Why this value."),
  })
  .describe("How one sectarian base views partners of one sect.");

export const SectAffinity = z
  .strictObject({
    default: quantity(SIGNED_UNIT, "View of any sect pair not listed.").default(0),
    pairs: z.array(SectAffinityPair).default([]).describe("Listed (base, partner) views; directed."),
  })
  .describe("How each sectarian base views partners of each sect.");
