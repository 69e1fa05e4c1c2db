// The scenario's question and outcomes, and the validator's messages when the file stops validating.
import type { ProblemView, ScenarioView } from "../protocol.ts";
import { byId, el, replaceChildren } from "./dom.ts";

export function showScenario(view: ScenarioView): void {
  const s = view.scenario;
  byId("title").textContent = s ? s.title : view.file;
  byId("question").textContent = s?.question ?? "";
  byId("meta").textContent = s ? `${view.file} · as of ${s.asOf} · sha256 ${s.sha256.slice(0, 12)}` : view.file;
  replaceChildren(byId("outcomes"), ...(s?.outcomes ?? []).map((o) => el("li", {}, el("strong", { text: o.label }), o.description ? ` — ${o.description}` : "")));
  showProblems(view.file, view.problems);
}

export function showProblems(file: string, problems: ProblemView[] | null | undefined): void {
  const box = byId("problems");
  box.hidden = !problems || problems.length === 0;
  if (box.hidden) return replaceChildren(box);
  replaceChildren(box,
    el("p", { text: `${file} does not validate; the studio keeps running and reloads it when you save it again. Batches wait until then.` }),
    problemList(problems!),
  );
}

export function problemList(problems: ProblemView[]): HTMLElement {
  return el("ul", { class: "problem-list" }, ...problems.map((p) => {
    const where = p.line !== undefined ? `${p.file}:${p.line}:${p.column ?? 1}` : p.file;
    return el("li", {}, el("code", { text: where }), ` ${p.path ? `${p.path}: ` : ""}${p.message}`);
  }));
}
