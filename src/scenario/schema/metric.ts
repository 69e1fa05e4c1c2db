import * as z from "zod";
import { ActorPair, Id } from "./ids.ts";
import { Condition } from "./condition.ts";

const base = {
  id: Id.describe("Metric id (a key in summary.json)."),
  label: z.string().optional().describe("Label for tables and reports."),
};

export const Metric = z
  .discriminatedUnion("type", [
    z.strictObject({ ...base, type: z.literal("rounds_to_formation").describe("Round in which the government formed (runs without one are left out).") }),
    z.strictObject({ ...base, type: z.literal("government_seats").describe("Seats of the government (0 without one).") }),
    z.strictObject({ ...base, type: z.literal("relation").describe("Final affinity between two actors."), between: ActorPair }),
    z.strictObject({ ...base, type: z.literal("blocs").describe("Number of coalitions with two or more members.") }),
    z.strictObject({ ...base, type: z.literal("pm").describe("Who holds the premiership ('none' without a government).") }),
    z.strictObject({ ...base, type: z.literal("pm_bloc").describe("The starting bloc of the premier ('none', or 'unaligned').") }),
    z.strictObject({ ...base, type: z.literal("condition").describe("1 when the condition holds at the end, else 0; its mean is a probability."), when: Condition }),
  ])
  .describe("A number or category recorded at the end of every run.");

export type MetricSpec = z.infer<typeof Metric>;
