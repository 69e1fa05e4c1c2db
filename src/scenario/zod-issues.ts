// Turns zod issues into problems that say what was expected and what was found.
import type * as z from "zod";
import { describeFound, type FieldPath } from "./problems.ts";
import { suggestion } from "./did-you-mean.ts";

export interface FieldIssue {
  path: FieldPath;
  message: string;
  /** True when the issue is about a key name rather than a value. */
  atKey?: boolean;
}

type RawIssue = z.core.$ZodIssue & { input?: unknown };

export function explainIssues(issues: readonly RawIssue[], knownFields: Set<string>, prefix: FieldPath = []): FieldIssue[] {
  return issues.flatMap((issue) => explain(issue, knownFields, [...prefix, ...(issue.path as FieldPath)]));
}

function explain(issue: RawIssue, knownFields: Set<string>, path: FieldPath): FieldIssue[] {
  const found = describeFound(issue.input);
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return [{ path, message: `expected ${article(issue.expected)} (the field is required), found nothing` }];
      return [{ path, message: `expected ${article(issue.expected)}, found ${found}` }];
    case "too_big":
      return [{ path, message: `expected ${sizeWord(issue.origin)} ${issue.inclusive ? "≤" : "<"} ${String(issue.maximum)}, found ${sizeOf(issue.input, issue.origin)}` }];
    case "too_small":
      return [{ path, message: `expected ${sizeWord(issue.origin)} ${issue.inclusive ? "≥" : ">"} ${String(issue.minimum)}, found ${sizeOf(issue.input, issue.origin)}` }];
    case "invalid_value": {
      const options = issue.values.map((v) => String(v));
      const hint = typeof issue.input === "string" ? suggestion(issue.input, options) : "";
      return [{ path, message: `expected one of ${options.join(", ")}, found ${found}${hint}` }];
    }
    case "unrecognized_keys":
      return issue.keys.map((key) => ({
        path: [...path, key],
        atKey: true,
        message: unknownFieldMessage(key, knownFields),
      }));
    case "invalid_union":
      return explainUnion(issue, knownFields, path);
    case "invalid_format":
    case "custom":
      return [{ path, message: issue.message.startsWith("expected") ? `${issue.message}${issue.code === "invalid_format" ? `, found ${found}` : ""}` : `${issue.message} (found ${found})` }];
    default:
      return [{ path, message: `${issue.message}, found ${found}` }];
  }
}

function explainUnion(issue: z.core.$ZodIssueInvalidUnion & { input?: unknown }, knownFields: Set<string>, path: FieldPath): FieldIssue[] {
  const disc = (issue as { discriminator?: string }).discriminator;
  if (issue.errors.length === 0 && disc) {
    const value = (issue.input as Record<string, unknown> | undefined)?.[disc];
    return [{ path: [...path, disc], message: `expected a known '${disc}', found ${describeFound(value)}` }];
  }
  // E.g. a number-or-distribution field given a mapping: report against the branch the author was
  // evidently writing, the one whose shape matched and that failed deeper inside.
  const deep = issue.errors.filter((errs) => errs.some((e) => e.path.length > 0 || (e.code === "custom" && !isShapeMismatch(e))));
  if (deep.length === 1) return explainIssues(deep[0] as RawIssue[], knownFields, path);
  const kinds = new Set<string>();
  collectExpectations(issue, kinds);
  return [{ path, message: `expected ${kinds.size ? [...kinds].join(" or ") : "a valid value"}, found ${describeFound(issue.input)}` }];
}

function isShapeMismatch(e: z.core.$ZodIssue): boolean {
  return e.path.length === 0 && (e.code === "invalid_type" || e.code === "invalid_value" || e.code === "invalid_union");
}

function collectExpectations(issue: z.core.$ZodIssueInvalidUnion, kinds: Set<string>): void {
  for (const errs of issue.errors) {
    for (const e of errs) {
      if (e.path.length > 0) continue;
      if (e.code === "invalid_type") kinds.add(e.expected === "object" ? "a distribution ({dist: ...})" : article(e.expected));
      if (e.code === "invalid_value") kinds.add(e.values.map((v) => `'${String(v)}'`).join(" or "));
      if (e.code === "invalid_union") collectExpectations(e, kinds);
      if (e.code === "too_big" || e.code === "too_small") kinds.add("a number in the field's range");
    }
  }
}

function article(kind: string): string {
  if (kind === "array") return "a list";
  if (kind === "object") return "a mapping";
  if (kind === "int") return "a whole number";
  return /^[aeiou]/.test(kind) ? `an ${kind}` : `a ${kind}`;
}

function sizeWord(origin: string): string {
  if (origin === "array") return "a list with length";
  if (origin === "string") return "text with length";
  return "a number";
}

function sizeOf(input: unknown, origin: string): string {
  if (origin === "array" && Array.isArray(input)) return `${input.length} items`;
  if (origin === "string" && typeof input === "string") return `${input.length} characters`;
  return describeFound(input);
}

/** A field the format has elsewhere is misplaced, not misspelt: suggesting its own name would not help. */
function unknownFieldMessage(key: string, knownFields: ReadonlySet<string>): string {
  if (knownFields.has(key)) return `unknown field '${key}' at this level (the format has '${key}' elsewhere)`;
  const hint = suggestion(key, knownFields);
  return `unknown field '${key}'${hint.startsWith(" (did") ? hint : ""}`;
}
