// A numeric assumption: a plain number, or a distribution sampled once per run before round 1.
import * as z from "zod";

export interface Range {
  min: number;
  max: number;
  integer?: boolean;
}

const finite = z.number().refine(Number.isFinite, "expected a finite number");

export const Uniform = z
  .strictObject({
    dist: z.literal("uniform").describe("Uniform between min and max."),
    min: finite.describe("Lower bound."),
    max: finite.describe("Upper bound."),
  })
  .describe("Uniform distribution on [min, max].");

export const Normal = z
  .strictObject({
    dist: z.literal("normal").describe("Normal, truncated to the field's allowed range."),
    mean: finite.describe("Mean before truncation."),
    sd: z.number().positive().describe("Standard deviation before truncation (> 0)."),
  })
  .describe("Normal distribution truncated to the field's range.");

export const Beta = z
  .strictObject({
    dist: z.literal("beta").describe("Beta(a, b), rescaled from [0, 1] to [min, max]."),
    a: z.number().positive().describe("First shape parameter (> 0)."),
    b: z.number().positive().describe("Second shape parameter (> 0)."),
    min: finite.optional().describe("Lower end of the support (default 0)."),
    max: finite.optional().describe("Upper end of the support (default 1)."),
  })
  .describe("Beta distribution, optionally rescaled to [min, max].");

export const Triangular = z
  .strictObject({
    dist: z.literal("triangular").describe("Triangular with the given minimum, mode and maximum."),
    min: finite.describe("Minimum."),
    mode: finite.describe("Most likely value."),
    max: finite.describe("Maximum."),
  })
  .describe("Triangular distribution.");

export const Choice = z
  .strictObject({
    dist: z.literal("choice").describe("A weighted choice among listed values."),
    values: z.array(finite).min(1).describe("The possible values."),
    weights: z.array(z.number().nonnegative()).optional().describe("Relative weights, one per value (default: equal)."),
  })
  .describe("Weighted discrete distribution.");

export const Distribution = z
  .discriminatedUnion("dist", [Uniform, Normal, Beta, Triangular, Choice])
  .describe("A distribution: uniform, normal, beta, triangular or choice.");

export type DistributionSpec = z.infer<typeof Distribution>;
export type QuantitySpec = number | DistributionSpec;

export function isDistribution(value: unknown): value is DistributionSpec {
  return typeof value === "object" && value !== null && "dist" in value;
}

/** The smallest and largest value a distribution can produce (before truncation to a field's range). */
export function support(d: DistributionSpec): [number, number] {
  switch (d.dist) {
    case "uniform":
    case "triangular":
      return [d.min, d.max];
    case "normal":
      return [-Infinity, Infinity];
    case "beta":
      return [d.min ?? 0, d.max ?? 1];
    case "choice":
      return [Math.min(...d.values), Math.max(...d.values)];
  }
}

function checkDistribution(d: DistributionSpec, range: Range, ctx: z.RefinementCtx): void {
  const issue = (message: string, path: (string | number)[] = []) =>
    ctx.addIssue({ code: "custom", message, path, input: d });
  if ((d.dist === "uniform" || d.dist === "triangular" || d.dist === "beta") && (d.min ?? 0) >= (d.max ?? 1)) {
    issue(`expected min < max, found min ${d.min ?? 0} and max ${d.max ?? 1}`);
  }
  if (d.dist === "triangular" && (d.mode < d.min || d.mode > d.max)) {
    issue(`expected min ≤ mode ≤ max, found mode ${d.mode}`, ["mode"]);
  }
  if (d.dist === "choice" && d.weights) {
    if (d.weights.length !== d.values.length) {
      issue(`expected ${d.values.length} weights (one per value), found ${d.weights.length}`, ["weights"]);
    } else if (!d.weights.some((w) => w > 0)) {
      issue("expected at least one positive weight", ["weights"]);
    }
  }
  if (d.dist === "normal") {
    if (d.mean < range.min - 3 * d.sd || d.mean > range.max + 3 * d.sd) {
      issue(`expected a mean within 3 sd of the field's range [${range.min}, ${range.max}], found ${d.mean}`, ["mean"]);
    }
    return;
  }
  const [lo, hi] = support(d);
  if (lo < range.min || hi > range.max) {
    issue(`expected a distribution within [${range.min}, ${range.max}], found one over [${lo}, ${hi}]`);
  }
}

/** A field that takes a number in `range`, or a distribution whose support lies in `range`. */
export function quantity(range: Range, description: string) {
  let fixed = z.number().min(range.min).max(range.max);
  if (range.integer) fixed = fixed.int();
  return z
    .union([fixed, Distribution])
    .superRefine((value, ctx) => {
      if (isDistribution(value)) checkDistribution(value, range, ctx);
    })
    .describe(`${description} A number in [${range.min}, ${range.max}] or a distribution.`);
}

export const UNIT: Range = { min: 0, max: 1 };
export const SIGNED_UNIT: Range = { min: -1, max: 1 };
export const SEATS: Range = { min: 0, max: 100000, integer: true };
export const WEIGHT: Range = { min: 0, max: 10 };
export const SHIFT: Range = { min: -2, max: 2 };
