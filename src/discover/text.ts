// The text `bazaar discover` prints: the trajectory abbreviated, the chosen box in words, and each
// limit with its quasi-p-value (and the bootstrap check when asked for).
import type { Discovery } from "./discover.ts";
import { describeRestriction, formatValue, percent } from "./discover.ts";
import type { Restriction } from "./prim.ts";
import type { InputCheck } from "./bootstrap.ts";

const TRAJECTORY_ROWS = 9;

/** A quasi-p-value as printed: three decimals, or a power of ten when small. */
export function formatP(p: number): string {
  if (p === 0) return "< 1e-300";
  if (p >= 0.001) return p.toFixed(3);
  return p.toExponential(0);
}

/** One limit of a restriction as its own statement ("x ≥ 0.2" for the lower side of 0.2 ≤ x ≤ 0.5). */
export function describeSide(r: Restriction, side: "lower" | "upper" | "set"): string {
  if (r.kind === "set" || side === "set") return describeRestriction(r);
  return side === "lower" ? `${r.input} ≥ ${formatValue(r.min!)}` : `${r.input} ≤ ${formatValue(r.max!)}`;
}

/** Which trajectory boxes the text shows: the first, the last, the chosen one and a few in between. */
export function shownBoxes(length: number, chosen: number): number[] {
  const shown = new Set([0, length - 1, chosen]);
  for (let i = 1; i < TRAJECTORY_ROWS - 1; i++) shown.add(Math.round((i * (length - 1)) / (TRAJECTORY_ROWS - 1)));
  return [...shown].sort((a, b) => a - b);
}

export function formatDiscovery(d: Discovery, runSetLabel: string): string {
  const pct1 = (x: number) => `${(x * 100).toFixed(1)}%`;
  const lines = [
    `Scenario discovery (PRIM) on ${runSetLabel}: ${d.run_set.scenario.title}`,
    `${d.outcome.label} (${d.outcome.id}) in ${d.outcome.count.toLocaleString("en-US")} of ${d.run_set.runs.toLocaleString("en-US")} runs (base rate ${pct1(d.outcome.base_rate)}), seed ${d.run_set.seed}; ${d.inputs.length} sampled input${d.inputs.length === 1 ? "" : "s"}`,
  ];
  for (const u of d.unused) lines.push(`Not used: ${u.path}, which ${u.reason}.`);
  const p = d.parameters;
  lines.push(`Peeling ${percent(p.alpha)} at a time down to a mass of ${percent(p.min_mass)}: ${d.trajectory.length} boxes (all in discover.json).`, "");
  lines.push(`    box  coverage   density      mass  restricted`);
  let previous = -1;
  for (const i of shownBoxes(d.trajectory.length, d.chosen.index)) {
    if (i > previous + 1) lines.push("    ...");
    const b = d.trajectory[i];
    lines.push(`  ${i === d.chosen.index ? "*" : " "}${String(i).padStart(4)}  ${pct1(b.coverage).padStart(8)}  ${pct1(b.density).padStart(8)}  ${pct1(b.mass).padStart(8)}  ${String(b.restrictions.length).padStart(10)}`);
    previous = i;
  }
  const chosen = d.trajectory[d.chosen.index];
  const pasted = d.pasting.length === 0
    ? "pasting found no limit worth widening"
    : `pasting widened it in ${d.pasting.length} step${d.pasting.length === 1 ? "" : "s"} (mass ${pct1(chosen.mass)} → ${pct1(d.box.mass)}, density ${pct1(chosen.density)} → ${pct1(d.box.density)})`;
  lines.push("", `Chosen: box ${d.chosen.index} (* above), ${d.chosen.rule}; ${pasted}.`, "", d.box.words);
  if (d.box.restrictions.length > 0) {
    const rows = d.box.quasi_p.map((q) => {
      const r = d.box.restrictions.find((x) => x.input === q.input)!;
      const check = d.bootstrap?.inputs.find((x) => x.input === q.input);
      return { limit: describeSide(r, q.side), p: formatP(q.p), without: pct1(q.k / q.n), check };
    });
    const width = Math.max(5, ...rows.map((r) => r.limit.length));
    const boot = d.bootstrap !== null;
    const checkCells = (c: InputCheck | undefined) => `${percent(c?.restricted ?? 0).padStart(10)}  ${c?.helps != null ? percent(c.helps).padStart(12) : "".padStart(12)}`;
    lines.push("", `  ${"limit".padEnd(width)}  ${"quasi-p".padStart(9)}  ${"density without it".padStart(18)}${boot ? "  resampled: restricted  helps out of bag" : ""}`);
    for (const r of rows) lines.push(`  ${r.limit.padEnd(width)}  ${r.p.padStart(9)}  ${r.without.padStart(18)}${boot ? `  ${" ".repeat(10)}${checkCells(r.check)}` : ""}`);
    lines.push(
      "",
      "quasi-p: the chance of at least the box's count of runs with the outcome, among as many runs drawn at the density the box has without that limit (one-sided binomial test, as the EMA Workbench computes it); above 0.05 the limit may be noise.",
    );
    if (d.bootstrap) {
      lines.push(`resampled: PRIM run again on ${d.bootstrap.resamples} bootstrap resamples of the runs; how often its box restricts the input, and how often that restriction raises the density on the runs the resample left out. Noise helps out of bag about half the time.`);
      const inBox = new Set(d.box.restrictions.map((r) => r.input));
      const others = d.bootstrap.inputs.filter((c) => !inBox.has(c.input) && c.restricted >= 0.5);
      if (others.length) lines.push(`Also often restricted in resamples: ${others.map((c) => `${c.input} (${percent(c.restricted)}, helps ${percent(c.helps ?? 0)})`).join(", ")}.`);
    }
    const pruned = d.pruned;
    if (pruned.dropped.length > 0) {
      lines.push("", `Keeping only the limits with quasi-p ≤ ${pruned.max_p} (dropping the others one at a time, the largest quasi-p first):`, pruned.box.words);
    } else lines.push("", `Every limit has quasi-p ≤ ${pruned.max_p}.`);
  }
  return lines.join("\n");
}
