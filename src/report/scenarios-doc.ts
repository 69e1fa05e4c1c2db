// docs/scenarios.md: every shipped scenario's question, sources, key assumptions, current forecast and,
// for historical ones, its backtest score. Generated from the files and a fixed-seed run, so it cannot
// drift from them (`npm run docs:scenarios`; a test regenerates it and compares).
import { existsSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { compileModel } from "../model/compile.ts";
import { forecast } from "../runner/forecast.ts";
import { loadScenarioFile, type LoadedScenario } from "../scenario/load.ts";
import { isDistribution, type QuantitySpec } from "../scenario/schema/quantity.ts";
import { runBacktest, type ScenarioScore } from "../backtest/backtest.ts";

export const DOC_RUNS = 10_000;
export const DOC_SEED = 1;

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function quantityText(q: QuantitySpec | "rest" | undefined): string {
  if (q === undefined) return "–";
  if (q === "rest") return "the rest";
  if (!isDistribution(q)) return String(q);
  switch (q.dist) {
    case "uniform": return `uniform ${q.min}–${q.max}`;
    case "triangular": return `triangular ${q.min}–${q.max}, mode ${q.mode}`;
    case "normal": return `normal, mean ${q.mean}, sd ${q.sd}`;
    case "beta": return `beta(${q.a}, ${q.b})${q.min !== undefined || q.max !== undefined ? ` on ${q.min ?? 0}–${q.max ?? 1}` : ""}`;
    case "choice": return `one of ${q.values.join(", ")}${q.weights ? ` (weights ${q.weights.join(", ")})` : ""}`;
  }
}

function table(header: string[], rows: string[][]): string[] {
  const cell = (s: string) => s.replace(/\|/g, "\\|");
  return [`| ${header.join(" | ")} |`, `|${header.map(() => "---").join("|")}|`, ...rows.map((r) => `| ${r.map(cell).join(" | ")} |`)];
}

function section(loaded: LoadedScenario, file: string, score: ScenarioScore | undefined): string[] {
  const spec = loaded.spec;
  const model = compileModel(spec);
  const { summary } = forecast(loaded, { runs: DOC_RUNS, seed: DOC_SEED });
  const lines = [`## ${spec.meta.title}`, "", `\`scenarios/${file}\` · information as of ${spec.meta.as_of}${spec.extends ? ` · extends \`${spec.extends}\`` : ""}`, "", `**Question.** ${spec.meta.question}`, ""];
  if (spec.meta.sources.length > 0) {
    lines.push("**Sources.**", "", ...spec.meta.sources.map((s) => `- ${s.id ? `[${s.id}] ` : ""}${s.title}${s.date ? ` (${s.date})` : ""}${s.seed ? `, \`shared/seeds/${s.seed}\`` : ""}${s.url ? `, ${s.url}` : ""}`), "");
  }
  lines.push("**Actors.**", "", ...table(
    ["actor", "leader", "sect", "bloc", "seats", "power", "Iran alignment", "base"],
    spec.actors.map((a) => [a.name, a.leader ?? "–", a.sect, a.bloc ?? "–", quantityText(a.seats) + (a.fragmented ? " (fragmented)" : ""), quantityText(a.power), quantityText(a.iran_alignment), quantityText(a.base)]),
  ), "");
  const uncertain = model.slots.filter((s) => !s.path.startsWith("actors.") || !/\.(seats|power|iran_alignment|base)$/.test(s.path));
  if (uncertain.length > 0) {
    lines.push("**Other uncertain assumptions** (sampled once per run).", "", ...table(["assumption", "distribution"], uncertain.map((s) => [`\`${s.path}\``, quantityText(s.dist)])), "");
  }
  const rules = [
    `${spec.parliament.seats} seats`,
    spec.procedure.steps.map((s) => s.label ?? s.id).join("; then "),
    spec.procedure.pm_rule === "acceptable" ? "premier chosen with a kingmaker's veto" : "premier: largest eligible member",
    ...(spec.procedure.caretaker ? [`caretaker premier: ${spec.procedure.caretaker}`] : []),
    ...(spec.campaign ? [`campaign in ${spec.campaign.regions.length} regions${spec.campaign.opening ? `, bargaining opens from ${spec.campaign.opening}` : ""}`] : []),
    `${spec.rounds.max} rounds${spec.rounds.stability > 0 ? `, ${spec.rounds.stability} after formation` : ""}`,
  ];
  lines.push(`**Rules.** ${rules.join(" · ")}.`, "");
  lines.push(`**Forecast** (${DOC_RUNS.toLocaleString("en-US")} runs, seed ${DOC_SEED}).`, "", ...table(
    ["outcome", "probability", "95% interval", "meaning"],
    summary.outcomes.map((o, k) => [o.label, pct(o.probability), `${pct(o.ci95[0])}–${pct(o.ci95[1])}`, spec.outcomes[k].description ?? ""]),
  ), "");
  if (score) {
    lines.push(
      `**What happened.** ${score.observed.label} (${score.observed.date}). ${score.observed.source}`, "",
      `**Backtest** (${score.runs.toLocaleString("en-US")} runs, seed ${DOC_SEED}; lower Brier and log scores are better).`, "",
      ...table(["forecaster", "P(what happened)", "Brier", "log score"], [
        ["bazaar", score.model.p_observed.toFixed(3), score.model.brier.toFixed(3), score.model.log_score.toFixed(3)],
        ["uniform", score.uniform.p_observed.toFixed(3), score.uniform.brier.toFixed(3), score.uniform.log_score.toFixed(3)],
        ["largest list's leader is premier", ...(score.largest_list ? [score.largest_list.p_observed.toFixed(3), score.largest_list.brier.toFixed(3), score.largest_list.log_score.toFixed(3)] : ["does not apply", "", ""])],
      ]), "",
    );
  }
  return lines;
}

const yamlIn = (dir: string) => readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();

/** The whole page for the scenario files in `dir`, then the training set in `dir/history` (name order each). */
export async function scenariosDoc(dir: string, workers = os.availableParallelism()): Promise<string> {
  const history = path.join(dir, "history");
  const files = [...yamlIn(dir), ...(existsSync(history) ? yamlIn(history).map((f) => `history/${f}`) : [])];
  const loaded = files.map((f) => loadScenarioFile(path.join(dir, f)));
  const backtest = await runBacktest(loaded.filter((l) => l.spec.observed), { seed: DOC_SEED, workers });
  const scoreOf = (l: LoadedScenario) => backtest.scenarios.find((s) => s.file === l.file);
  const lines = [
    "# The shipped scenarios",
    "",
    "Generated by `npm run docs:scenarios` from the files in `scenarios/` and fixed-seed runs; a test regenerates",
    "it and fails if it differs, so it cannot drift from them. Every number in a scenario cites its source in",
    "the file's comments. The historical scenarios, each with what happened, form the training set in",
    "`scenarios/history/`; `bazaar backtest` prints their scores below as one table. How the model's",
    "mechanisms moved these scores, and why, is in `docs/model.md` §9 and the README.",
    "",
    ...table(["scenario", "as of", "question"], loaded.map((l, k) => [`[${l.spec.meta.title}](#${anchor(l.spec.meta.title)}) (\`${files[k]}\`)`, l.spec.meta.as_of, l.spec.meta.question])),
    "",
    "**Backtest summary** (mean over the historical scenarios).",
    "",
    ...table(["forecaster", "P(what happened)", "Brier", "log score", "scenarios"], [
      ["bazaar", backtest.mean.model.p_observed.toFixed(3), backtest.mean.model.brier.toFixed(3), backtest.mean.model.log_score.toFixed(3), String(backtest.scenarios.length)],
      ["uniform", backtest.mean.uniform.p_observed.toFixed(3), backtest.mean.uniform.brier.toFixed(3), backtest.mean.uniform.log_score.toFixed(3), String(backtest.scenarios.length)],
      ...(backtest.mean.largest_list ? [["largest list's leader is premier", backtest.mean.largest_list.p_observed.toFixed(3), backtest.mean.largest_list.brier.toFixed(3), backtest.mean.largest_list.log_score.toFixed(3), String(backtest.mean.largest_list.scenarios)]] : []),
    ]),
    "",
  ];
  loaded.forEach((l, k) => lines.push(...section(l, files[k], scoreOf(l))));
  return lines.join("\n");
}

function anchor(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9 -]/g, "").replace(/ /g, "-");
}
