// Model parameters: every behavioural constant of the engine, with its documented default.
import * as z from "zod";
import { quantity, UNIT, WEIGHT } from "./quantity.ts";

export const Dynamics = z
  .strictObject({
    decay: quantity(UNIT, "Share of the gap to its baseline a relation closes each round.").default(0.15),
    pressure_pull: quantity(UNIT, "Per-round warming between two Iran-aligned actors at full Iranian pressure.").default(0.04),
    overture: quantity(UNIT, "Warming between a proposer and the members who accept it.").default(0.05),
    rebuff: quantity(UNIT, "Cooling between a proposer and the members who refuse it.").default(0.05),
  })
  .describe("How relations move during a run.");

export const Attendance = z
  .strictObject({
    boycott_below: quantity({ min: -1, max: 1 }, "Support for the government below which an outsider tends to boycott.").default(-0.15),
    temperature: quantity({ min: 0.001, max: 1 }, "Noise in the attend/boycott decision.").default(0.08),
  })
  .describe("How actors outside a forming government decide to attend or boycott its votes.");

export const PremierVeto = z
  .strictObject({
    below: quantity({ min: -1, max: 1 }, "A partner whose affinity toward a candidate is below this refuses him the premiership. Default: uncertain, uniform −0.6 to −0.1.").default({ dist: "uniform", min: -0.6, max: -0.1 }),
    min_share: quantity(UNIT, "Share of the coalition's seats a partner needs for its refusal to count.").default(0.15),
  })
  .describe("The kingmaker's veto, used when `procedure.pm_rule` is `acceptable` (the default).");

export const Office = z
  .strictObject({
    sharing: quantity(UNIT, "Share of the offices allotted to each governing party by its seats in parliament (the muhasasa points system), the rest shared within the government by seats (Gamson). 0: pure Gamson shares, every surplus partner dilutes the others; 1: no dilution. Default: uncertain, uniform 0.3–1.").default({ dist: "uniform", min: 0.3, max: 1 }),
    inclusion: quantity(UNIT, "Loss of a government's value when components (sects, weighted by their seats in parliament) are left out of it: at 0.3 a government without components holding a third of the seats is worth 10% less (the consensus norm). Default: uncertain, uniform 0.2–1.").default({ dist: "uniform", min: 0.2, max: 1 }),
    unsecured: quantity(UNIT, "Value of a government that reaches the seats it needs only barely, relative to one that meets every quorum on its own with a cushion against defection. Default: uncertain, uniform 0.1–0.8.").default({ dist: "uniform", min: 0.1, max: 0.8 }),
    cushion: quantity(UNIT, "Seat margin beyond the bare threshold, as a share of parliament, at which a government is safe from defections (Volden & Carrubba). Default: uncertain, uniform 0.02–0.3.").default({ dist: "uniform", min: 0.02, max: 0.3 }),
  })
  .describe("What governing is worth beyond a minimal winning coalition (docs/model.md §3).");

export const Compromise = z
  .strictObject({
    lift: quantity(UNIT, "How much less hostile partners are to another person of a vetoed party than to its leader (added to their affinity when the veto is judged). Default: uncertain, uniform 0.1–0.5.").default({ dist: "uniform", min: 0.1, max: 0.5 }),
    bonus_share: quantity(UNIT, "Share of the premier bonus a party keeps when its premier is a compromise figure rather than its leader.").default(0.5),
  })
  .describe("Compromise premiers when partners veto the leading candidate (docs/model.md §2).");

export const ModelParams = z
  .strictObject({
    temperature: quantity({ min: 0.001, max: 10 }, "Logit choice temperature: 0 is strict best response, larger is noisier.").default(0.05),
    consent: z.enum(["majority", "unanimity"]).default("majority").describe("How a coalition decides to admit a newcomer: seat-weighted majority of members who gain, or unanimity."),
    office_value: quantity(WEIGHT, "Value of the offices a government shares (Gamson).").default(1),
    pm_bonus: quantity(WEIGHT, "Extra value of holding the premiership.").default(0.5),
    pm_sect_bonus: quantity(WEIGHT, "Base term reward when the actor's sect holds the premiership.").default(0.3),
    caretaker_value: quantity(UNIT, "Share of the premiership's bonus a caretaker premier enjoys while no government exists (`procedure.caretaker`).").default(0.5),
    opposition_value: quantity(WEIGHT, "Value of opposition per unit of clout (seat share + scaled power).").default(0.25),
    power_scale: quantity(UNIT, "Seat-share equivalent of full extra-parliamentary power (clout = seat share + power_scale × power).").default(0.1),
    fragmented_backing: quantity(UNIT, "Share of fragmented actors' seats a coalition counts on when judging whether it can pass the procedure.").default(0.5),
    enemy_penalty: quantity(WEIGHT, "Extra cost of sharing a coalition with an enemy (squared negative affinity).").default(1),
    blocked_memory: z
      .number()
      .int()
      .min(0)
      .max(1000)
      .default(3)
      .describe("Rounds for which a coalition that failed a vote (and any part of it) knows it cannot pass the procedure alone."),
    delay_cost: quantity(UNIT, "Per-round cost of bargaining without a government, borne by every actor outside a coalition that can govern (Rubinstein's discounting; deadlines and outside pressure). Default: uncertain, uniform 0.01–0.1.").default({ dist: "uniform", min: 0.01, max: 0.1 }),
    office: Office.prefault({}),
    compromise: Compromise.prefault({}),
    dynamics: Dynamics.prefault({}),
    attendance: Attendance.prefault({}),
    premier_veto: PremierVeto.prefault({}),
  })
  .describe("Behavioural parameters of the model; each has a documented default (docs/model.md).");

export type ModelParamsSpec = z.infer<typeof ModelParams>;
