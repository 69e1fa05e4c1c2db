import * as z from "zod";
import { Id } from "./ids.ts";
import { Condition } from "./condition.ts";

export const Outcome = z
  .strictObject({
    id: Id.describe("Outcome id."),
    label: z.string().min(1).describe("Short label for tables."),
    description: z.string().optional().describe("What this outcome means, in a sentence or two."),
    when: Condition.optional().describe("The condition on the final state; the first outcome whose condition holds wins."),
    otherwise: z.literal(true).optional().describe("Marks the last outcome, which catches every remaining final state."),
  })
  .superRefine((o, ctx) => {
    if ((o.when === undefined) === (o.otherwise === undefined)) {
      ctx.addIssue({ code: "custom", input: o, message: "expected exactly one of `when` or `otherwise: true`" });
    }
  })
  .describe("A named outcome to forecast.");

export const Outcomes = z
  .array(Outcome)
  .min(2)
  .superRefine((list, ctx) => {
    list.forEach((o, i) => {
      const last = i === list.length - 1;
      if (last && !o.otherwise) {
        ctx.addIssue({ code: "custom", input: o, path: [i], message: "expected the last outcome to be `otherwise: true`, so every run is classified" });
      }
      if (!last && o.otherwise) {
        ctx.addIssue({ code: "custom", input: o, path: [i, "otherwise"], message: "expected `otherwise` only on the last outcome" });
      }
    });
  })
  .describe("The outcomes, in order: the first whose condition matches the final state wins; the last is `otherwise`.");

export type OutcomeSpec = z.infer<typeof Outcome>;
