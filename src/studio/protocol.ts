// What the studio's server and page say to each other: request bodies and JSON answers.
import type { OutcomeComparison } from "../runner/compare.ts";
import type { OutcomeSummary, Summary } from "../runner/summary.ts";

/** One scenario assumption the page shows as a slider with a typed input. */
export interface Control {
  /** The `--set` path: `actors.sadrists.seats.mode`. */
  path: string;
  label: string;
  /** The scenario section it belongs to, e.g. "Actors". */
  group: string;
  value: number;
  min: number;
  max: number;
  step: number;
  integer: boolean;
  /** A parameter of a distribution (an assumption the file says is uncertain). */
  uncertain: boolean;
  /** The distribution it parametrises, e.g. "triangular". */
  dist?: string;
  /** The comment or note the scenario file gives for this value. */
  source?: string;
  /** What the field means, from the scenario format. */
  description?: string;
}

export interface ProblemView {
  file: string;
  line?: number;
  column?: number;
  path: string;
  message: string;
}

export interface ScenarioView {
  /** The scenario file, relative to the working folder. */
  file: string;
  /** Grows by one each time the file is reloaded from disk. */
  version: number;
  scenario: {
    id: string;
    title: string;
    question: string;
    asOf: string;
    sha256: string;
    outcomes: { id: string; label: string; description?: string }[];
  } | null;
  controls: Control[];
  /** The validator's messages when the file on disk does not validate; the last good scenario stays usable. */
  problems: ProblemView[] | null;
}

export interface OverrideInput {
  path: string;
  value: number;
}

export interface BatchInput {
  overrides: OverrideInput[];
  runs: number;
  seed: number;
}

export interface Chart {
  id: string;
  title: string;
  svg: string;
}

export interface RunView {
  id: string;
  seed: number;
  runs: number;
  overrides: string[];
  summary: Summary;
  charts: { outcomes: Chart; metrics: Chart[] };
  command: string;
}

/** One outcome's difference, exactly as `compare` gives it (a type only: nothing of the runner reaches the page). */
export type OutcomeDifference = OutcomeComparison;

export interface CompareView {
  run: string;
  outcomes: OutcomeDifference[];
  verdict: string;
  warnings: string[];
  chart: Chart;
  command: string;
}

export interface SweepView {
  path: string;
  values: number[];
  seed: number;
  runs: number;
  points: { value: number; outcomes: OutcomeSummary[] }[];
  crossings: { outcomes: [string, string]; at: number }[];
  chart: Chart;
  command: string;
}

export interface TraceView {
  seed: number;
  run: number;
  outcome: { id: string; label: string };
  story: string;
  command: string;
}

export interface SaveView {
  variant: string;
  runSet: string;
  /** Addresses of the saved files on this server. */
  links: { variant: string; summary: string };
  /** The variant's file name in the scenario's folder, for /api/open. */
  variantName: string;
  yaml: string;
  command: string;
}

/** One line of a streamed answer (newline-delimited JSON). */
export type StreamMessage<T> =
  | { type: "progress"; done: number; planned: number; stage: string }
  | { type: "result"; result: T }
  | { type: "error"; status: number; message: string; problems?: ProblemView[] }
  | { type: "cancelled"; message: string };

export interface ErrorBody {
  error: string;
  problems?: ProblemView[];
}

/** The cookie that carries the token after the first visit (one per port: cookies ignore ports). */
export const cookieName = (port: number) => `bazaar_studio_${port}`;
