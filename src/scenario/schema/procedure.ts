// The constitutional steps a coalition must pass to form a government.
import * as z from "zod";
import { ActorRef, Id, Sect } from "./ids.ts";
import { quantity, UNIT } from "./quantity.ts";

const exactlyOne = (keys: string[]) => (t: Record<string, unknown>, ctx: z.RefinementCtx) => {
  const present = keys.filter((k) => t[k] !== undefined);
  if (present.length !== 1) {
    ctx.addIssue({ code: "custom", input: t, message: `expected exactly one of ${keys.join(" or ")}, found ${present.length === 0 ? "neither" : "both"}` });
  }
};

export const Quorum = z
  .strictObject({
    fraction: z.number().gt(0).max(1).optional().describe("At least this fraction of all seats must attend."),
    seats: z.number().int().positive().optional().describe("At least this many members must attend."),
  })
  .superRefine(exactlyOne(["fraction", "seats"]))
  .describe("Attendance needed for the vote to count: a fraction of all seats or a seat count.");

export const PassRule = z
  .strictObject({
    fraction: z.number().gt(0).max(1).optional().describe("At least this fraction of the base must vote yes."),
    seats: z.number().int().positive().optional().describe("At least this many yes votes."),
    of: z.enum(["present", "total"]).default("total").describe("Whether `fraction` is of members present or of all seats."),
  })
  .superRefine(exactlyOne(["fraction", "seats"]))
  .describe("Yes votes needed to pass.");

export const Step = z
  .strictObject({
    id: Id.describe("Step id, e.g. 'president'."),
    label: z.string().optional().describe("What the step is, with its constitutional basis."),
    quorum: Quorum,
    pass: PassRule,
  })
  .describe("One vote the coalition must win.");

export const PmEligible = z
  .strictObject({
    sect: z.array(Sect).min(1).optional().describe("Only actors of these sects may hold the premiership."),
    actors: z.array(ActorRef).min(1).optional().describe("Only these actors may hold the premiership."),
  })
  .describe("Who may hold the premiership (both lists given: either qualifies; none given: anyone).");

export const Candidate = z
  .strictObject({
    id: Id.describe("Candidate id, e.g. 'abadi'."),
    name: z.string().min(1).describe("The person."),
    party: z.union([ActorRef, z.literal("independent")]).describe("The actor whose candidate this is, or 'independent'."),
    lift: quantity(UNIT, "How much less hostile partners are to this person than to the party's leader (default: model.compromise.lift; independents are judged on their own, see docs/model.md).").optional(),
    note: z.string().optional().describe("Source or reasoning."),
  })
  .describe("A compromise premier: another person of a party, or an independent.");

export const Procedure = z
  .strictObject({
    steps: z.array(Step).min(1).describe("The votes, in order; all must pass."),
    pm_eligible: PmEligible.default({}),
    pm_rule: z
      .enum(["largest_eligible", "acceptable"])
      .default("acceptable")
      .describe(
        "How a coalition's premier is chosen: `acceptable` (default), the largest eligible member that no partner holding `model.premier_veto.min_share` of the coalition's seats views below `model.premier_veto.below`, else a compromise (another person of a party, or an independent; a sitting premier keeps office while his party stays in the government); `largest_eligible`, the eligible member with most seats, no veto.",
      ),
    caretaker: ActorRef.optional().describe(
      "The actor whose leader is caretaker premier until a government forms (e.g. the outgoing prime minister's party). While no government exists it holds the premiership's bonus, scaled by `model.caretaker_value`; when a government falls, its premier becomes caretaker. Omitted: no caretaker.",
    ),
    candidates: z.array(Candidate).default([]).describe("Named compromise premiers. A party without listed candidates still has an unnamed compromise figure (model.compromise.lift)."),
    independent_premier: z.boolean().default(true).describe("Whether, when partners veto every party's candidates, the premiership can go to an independent acceptable to all."),
  })
  .describe("How a coalition becomes a government.");

export type ProcedureSpec = z.infer<typeof Procedure>;
export type StepSpec = z.infer<typeof Step>;

/** Whether an actor may hold the premiership under the procedure (its own `pm_eligible` wins). */
export function isPmEligible(actor: { id: string; sect: string; pm_eligible?: boolean }, rule: ProcedureSpec["pm_eligible"]): boolean {
  if (actor.pm_eligible !== undefined) return actor.pm_eligible;
  if (!rule.sect && !rule.actors) return true;
  return (rule.sect?.includes(actor.sect as never) ?? false) || (rule.actors?.includes(actor.id) ?? false);
}
