// Parsing of numeric command-line options, with messages that say what was expected.
import { UserError } from "../scenario/problems.ts";

export const MAX_RUNS = 100_000_000;

export function parseCount(name: string, max: number) {
  return (text: string): number => {
    if (!/^\d+$/.test(text.trim())) throw new UserError(`${name}: expected a whole number between 1 and ${max}, found '${text}'`);
    const value = Number(text);
    if (value < 1 || value > max) throw new UserError(`${name}: expected a whole number between 1 and ${max}, found ${text}`);
    return value;
  };
}

export function parseSeed(text: string): number {
  return parseWhole("--seed", text);
}

export function parseWhole(name: string, text: string): number {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed) || !Number.isSafeInteger(Number(trimmed))) {
    throw new UserError(`${name}: expected a whole number between 0 and ${Number.MAX_SAFE_INTEGER}, found '${text}'`);
  }
  return Number(trimmed);
}

/** A number strictly between 0 and 1, in decimal or exponent notation (0.005, 5e-3, 1e-9). */
export function parseFraction(name: string) {
  return (text: string): number => {
    const value = Number(text);
    if (!/^\s*(\d+\.?\d*|\.\d+)(e[-+]?\d+)?\s*$/i.test(text) || !(value > 0 && value < 1)) {
      throw new UserError(`${name}: expected a number greater than 0 and less than 1 (e.g. 0.005 or 1e-4), found '${text}'`);
    }
    return value;
  };
}

/** Accumulates a repeatable option (`--set a=1 --set b=2`). */
export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
