// `--fit path[=lo:hi][,path...]`: which model parameters a calibration fits, within which bounds, from
// which start. Paths name numeric `model.*` parameters of the scenario format; their ranges come from the
// schema itself (the JSON Schema `bazaar schema` prints), so the two cannot disagree.
import { scenarioJsonSchema } from "../scenario/json-schema.ts";
import { suggestion } from "../scenario/did-you-mean.ts";
import { UserError } from "../scenario/problems.ts";
import type { DistributionSpec, QuantitySpec } from "../scenario/schema/quantity.ts";
import { DEFAULT_DIGITS } from "./optimiser.ts";

export interface FitParameter {
  path: string;
  /** Where the search may go: the schema's range, or narrower bounds given with `--fit`. */
  bounds: [number, number];
  /** The range the schema allows. */
  range: [number, number];
  /** The schema's default: a number, or a distribution sampled per run. */
  default: QuantitySpec;
  /** The default (a distribution's mean), or the middle of the bounds when they leave it out. */
  start: number;
}

interface SchemaNode {
  type?: string;
  properties?: Record<string, SchemaNode>;
  anyOf?: SchemaNode[];
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  default?: unknown;
}

/** Parses every `--fit` option (each may list several parameters, comma-separated). */
export function parseFit(texts: readonly string[]): FitParameter[] {
  const items = texts.flatMap((t) => t.split(",")).map((t) => t.trim());
  if (items.length === 0 || items.some((t) => t === "")) {
    throw new UserError(`--fit: expected path[=lo:hi][,path...], e.g. model.temperature,model.delay_cost=0.01:0.2; found '${texts.join(",")}'`);
  }
  const fitted = items.map(parseOne);
  const paths = fitted.map((f) => f.path);
  const repeated = paths.find((p, k) => paths.indexOf(p) !== k);
  if (repeated) throw new UserError(`--fit: ${repeated} is listed twice`);
  return fitted;
}

function parseOne(text: string): FitParameter {
  const eq = text.indexOf("=");
  const path = (eq < 0 ? text : text.slice(0, eq)).trim();
  const node = modelParameter(path);
  const range: [number, number] = [node.minimum!, node.maximum!];
  const bounds = eq < 0 ? range : parseBounds(path, text.slice(eq + 1), range);
  const fallback = node.default as QuantitySpec;
  const start = startValue(fallback, bounds);
  return { path, bounds, range, default: fallback, start };
}

function parseBounds(path: string, text: string, range: [number, number]): [number, number] {
  const m = /^\s*(-?\d*\.?\d+(?:e-?\d+)?)\s*:\s*(-?\d*\.?\d+(?:e-?\d+)?)\s*$/i.exec(text);
  if (!m) throw new UserError(`--fit ${path}=${text}: expected bounds lo:hi, e.g. ${path}=${range[0]}:${range[1]}`);
  const [lo, hi] = [Number(m[1]), Number(m[2])];
  if (!(lo < hi)) throw new UserError(`--fit ${path}=${text}: expected lo < hi, found ${lo} and ${hi}`);
  if (lo < range[0] || hi > range[1]) {
    throw new UserError(`--fit ${path}=${text}: expected bounds within the schema's range [${range[0]}, ${range[1]}], found [${lo}, ${hi}]`);
  }
  return [lo, hi];
}

/** The schema node of a numeric model parameter, or a UserError saying what the path is instead. */
function modelParameter(path: string): SchemaNode {
  const parts = path.split(".");
  if (parts[0] !== "model" || parts.length < 2) {
    throw new UserError(`--fit ${path}: expected a model parameter (model.…, e.g. model.temperature), found a path outside model`);
  }
  let node = modelSchema();
  for (let k = 1; k < parts.length; k++) {
    const children = node.properties ?? {};
    if (!Object.hasOwn(children, parts[k])) {
      throw new UserError(`--fit ${path}: ${parts.slice(0, k).join(".")} has no '${parts[k]}'${suggestion(parts[k], Object.keys(children))}`);
    }
    node = children[parts[k]];
  }
  return checkFittable(path, node);
}

let model: SchemaNode | undefined;

function modelSchema(): SchemaNode {
  model ??= (scenarioJsonSchema() as SchemaNode).properties!.model;
  return model;
}

function checkFittable(path: string, node: SchemaNode): SchemaNode {
  if (node.properties) {
    const inside = Object.keys(node.properties).map((k) => `${path}.${k}`).join(", ");
    throw new UserError(`--fit ${path}: expected one parameter, found a group of them (${inside})`);
  }
  if (node.enum) throw new UserError(`--fit ${path}: expected a numeric parameter, found a choice among ${node.enum.join(", ")}`);
  if (node.type === "integer") throw new UserError(`--fit ${path}: expected a continuous parameter, found a whole number (calibrate fits continuous parameters only)`);
  const fixed = node.anyOf?.find((n) => n.type === "number");
  if (!fixed || fixed.minimum === undefined || fixed.maximum === undefined) {
    throw new UserError(`--fit ${path}: expected a parameter with a range in the schema, found none`);
  }
  return { ...node, minimum: fixed.minimum, maximum: fixed.maximum };
}

function startValue(fallback: QuantitySpec, [lo, hi]: [number, number]): number {
  const centre = typeof fallback === "number" ? fallback : distributionMean(fallback);
  const start = centre > lo && centre < hi ? centre : (lo + hi) / 2;
  return Number(start.toPrecision(DEFAULT_DIGITS));
}

export function distributionMean(d: DistributionSpec): number {
  switch (d.dist) {
    case "uniform":
      return (d.min + d.max) / 2;
    case "triangular":
      return (d.min + d.mode + d.max) / 3;
    case "beta":
      return (d.min ?? 0) + ((d.max ?? 1) - (d.min ?? 0)) * (d.a / (d.a + d.b));
    case "normal":
      return d.mean;
    case "choice": {
      const w = d.weights ?? d.values.map(() => 1);
      const total = w.reduce((a, b) => a + b, 0);
      return d.values.reduce((sum, v, k) => sum + (v * w[k]) / total, 0);
    }
  }
}
