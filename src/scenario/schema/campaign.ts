// An election campaign before the bargaining: which actors ran together, region by region.
import * as z from "zod";
import { ActorRef, Id } from "./ids.ts";
import { quantity, UNIT } from "./quantity.ts";

export const CampaignRegion = z
  .strictObject({
    id: Id.describe("Region id, e.g. 'baghdad_south'."),
    label: z.string().optional().describe("What the region covers."),
    stake: z.number().gt(0).max(1).describe("The share of the seats in play that this region holds."),
    lists: z
      .array(z.array(ActorRef).min(1).describe("Actors that ran on one list here."))
      .min(1)
      .describe("The lists that ran in this region; an actor on no list did not run here."),
  })
  .describe("One region's list structure.");

export const Campaign = z
  .strictObject({
    rivalry: quantity(UNIT, "How far running on rival lists in a region holding every seat in play cools a relation (scaled by the region's stake).").default(0.3),
    solidarity: quantity(UNIT, "How far running on one list in a region holding every seat in play warms a relation (scaled by the region's stake).").default(0.1),
    opening: Id.optional().describe("The region whose lists are the coalitions bargaining starts from (omitted: the actors' blocs)."),
    regions: z.array(CampaignRegion).min(1).describe("Regions with their lists."),
  })
  .describe(
    "A campaign before the bargaining (e.g. a provincial vote whose list structure differs by region). Before round 1 it shifts relations, not their baselines, so its effect decays as the rounds pass.",
  );

export type CampaignSpec = z.infer<typeof Campaign>;
