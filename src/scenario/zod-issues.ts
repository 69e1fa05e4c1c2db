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
        message: `unknown field '${key}'${suggestion(key, knownFields).startsWith(" (did") ? suggestion(key, knownFields) : ""}`,
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
  // A number-or-distribution field: report against the branch the author was evidently writing.
  const branches = issue.errors.filter((errs) => !errs.some((e) => e.path.length === 0 && e.code === "invalid_type"));
  if (branches.length === 1) return explainIssues(branches[0] as RawIssue[], knownFields, path);
  return [{ path, message: `expected ${unionExpectation(issue)}, found ${describeFound(issue.input)}` }];
}

function unionExpectation(issue: z.core.$ZodIssueInvalidUnion): string {
  const kinds = new Set<string>();
  for (const errs of issue.errors) {
    const root = errs.find((e) => e.path.length === 0 && e.code === "invalid_type") as { expected?: string } | undefined;
    if (root?.expected) kinds.add(root.expected === "object" ? "a distribution ({dist: ...})" : article(root.expected));
    const literal = errs.find((e) => e.path.length === 0 && e.code === "invalid_value") as { values?: unknown[] } | undefined;
    if (literal?.values) kinds.add(literal.values.map((v) => `'${String(v)}'`).join(" or "));
  }
  return kinds.size ? [...kinds].join(" or ") : "a valid value";
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
