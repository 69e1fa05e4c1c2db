// The span of a control's slider: the range the format allows when it is a sensible span to slide
// over, otherwise one around the value (the typed input accepts anything; the validator judges it).
import type { NumberRange } from "./schema-walk.ts";

export interface SliderRange {
  min: number;
  max: number;
  step: number;
  integer: boolean;
}

/** Wider than this, a range is a sanity limit (seats up to 100,000), not a span to slide over. */
const MAX_SPAN = 1000;

export function sliderRange(value: number, range: NumberRange | undefined, param: string | undefined, parliamentSeats: number): SliderRange {
  if (param === "a" || param === "b") return fitted(value, 0.1, Math.max(20, Math.ceil(2 * value)), false);
  if (param === "weights") return fitted(value, 0, Math.max(10, Math.ceil(2 * value)), false);
  const [lo, hi] = span(value, range, parliamentSeats);
  if (param === "sd") return fitted(value, 0, hi - lo, false);
  return fitted(value, lo, hi, range?.integer === true);
}

function span(value: number, range: NumberRange | undefined, parliamentSeats: number): [number, number] {
  const { min, max } = range ?? {};
  if (min !== undefined && max !== undefined && max - min <= MAX_SPAN) return [min, max];
  if (range?.integer && min !== undefined && min >= 0) return [min, parliamentSeats];
  const reach = Math.max(10, Math.ceil(2 * Math.abs(value)));
  return [min !== undefined && min >= 0 ? min : -reach, reach];
}

function fitted(value: number, lo: number, hi: number, integer: boolean): SliderRange {
  const min = Math.min(lo, value);
  const max = Math.max(hi, value);
  return { min, max, step: integer ? 1 : niceStep((max - min) / 200), integer };
}

/** 1, 2 or 5 times a power of ten, at least `x`. */
export function niceStep(x: number): number {
  if (!(x > 0)) return 0.01;
  const power = 10 ** Math.floor(Math.log10(x));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= x * (1 - 1e-9))!;
  return Number(step.toPrecision(1));
}
