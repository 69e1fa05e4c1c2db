// The text `bazaar calibrate` prints: fitted values, the objective before and after, and per case the
// probability given to what happened, Brier and log score at the start, fitted, and left out.
import type { Calibration } from "../calibrate/calibrate.ts";
import type { CaseScore } from "../calibrate/objective.ts";
import { isDistribution, type QuantitySpec } from "../scenario/schema/quantity.ts";

const thousands = (n: number) => n.toLocaleString("en-US");
const f3 = (x: number) => x.toFixed(3);
const short = (x: number) => String(Number(x.toPrecision(4)));

export function formatCalibration(c: Calibration): string {
  const rule = c.score === "log" ? "mean log score" : "mean Brier score";
  const o = c.objective;
  return [
    `Calibration of ${c.parameters.length} parameter${c.parameters.length === 1 ? "" : "s"} on ${c.cases.length} case${c.cases.length === 1 ? "" : "s"}: seed ${c.seed}, ${thousands(c.runs)} runs per case per candidate (the same runs for every candidate).`,
    `Objective: ${rule}, lower is better (log = −ln P, P smoothed by adding ½ to each outcome's count). Nelder–Mead: ${c.search.evaluations} evaluations, ${c.search.converged ? "converged" : `stopped at the budget of ${c.optimiser.budget}`}.`,
    "",
    ...table(parameterRows(c), (col) => col <= 2),
    "",
    `  ${rule}: as shipped ${f3(o.shipped)} · start ${f3(o.start)} · fitted ${f3(o.fitted)}${o.leave_one_out === null ? "" : ` · leave-one-out ${f3(o.leave_one_out)}`}`,
    "",
    ...caseTable(c),
  ].join("\n");
}

function parameterRows(c: Calibration): string[][] {
  return [
    ["parameter", "bounds", "default", "start", "fitted"],
    ...c.parameters.map((p) => [p.path, `[${p.bounds[0]}, ${p.bounds[1]}]`, describe(p.default), short(p.start), short(p.fitted)]),
  ];
}

function caseTable(c: Calibration): string[] {
  const loo = c.leave_one_out !== null;
  const cells = (s: CaseScore | null) => (s ? [f3(s.p_observed), f3(s.brier), f3(s.log_score)] : []);
  const groups = ["start", "fitted", ...(loo ? ["left out"] : [])];
  const rows: string[][] = [
    ["case", "what happened", ...groups.flatMap(() => ["P", "Brier", "log"]), ...(loo ? ["fitted without it"] : [])],
    ...c.per_case.map((r, k) => [r.id, r.observed, ...cells(r.start), ...cells(r.fitted), ...cells(r.leave_one_out), ...(loo ? [values(c.leave_one_out!.folds[k].values)] : [])]),
    [`mean of ${c.cases.length}`, "", ...cells(c.mean.start), ...cells(c.mean.fitted), ...cells(c.mean.leave_one_out), ...(loo ? [""] : [])],
  ];
  const lines = table(rows, (col) => col < 2 || col === 11);
  const widths = columnWidths(rows);
  const header = "  " + widths.slice(0, 2).map((w) => " ".repeat(w)).join("  ") + groups.map((g, k) => "  " + g.padEnd(widths.slice(2 + 3 * k, 5 + 3 * k).reduce((a, w) => a + w + 2, -2))).join("");
  return [header.trimEnd(), ...lines];
}

function values(point: Record<string, number>): string {
  return Object.entries(point).map(([p, v]) => `${p.replace(/^model\./, "")}=${short(v)}`).join(" ");
}

function describe(q: QuantitySpec): string {
  if (!isDistribution(q)) return String(q);
  if (q.dist === "uniform") return `uniform ${q.min} to ${q.max}`;
  return q.dist;
}

function columnWidths(rows: string[][]): number[] {
  return rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length)));
}

/** Rows as aligned text: text columns left-aligned, numbers right-aligned. */
function table(rows: string[][], isText: (column: number) => boolean): string[] {
  const widths = columnWidths(rows);
  return rows.map((r) => ("  " + r.map((cell, c) => (isText(c) ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join("  ")).trimEnd());
}
