// bazaar studio's page: loads the scenario, shows its controls, and wires each panel to the server.
import type { CompareView, RunView, SaveView, ScenarioView, SweepView, TraceView } from "../protocol.ts";
import { BatchRunner, report, status } from "./batch-runner.ts";
import { ControlsView } from "./controls-view.ts";
import { byId, commandBlock, el, replaceChildren } from "./dom.ts";
import { getJson, postJson } from "./http.ts";
import { compareResult, runResult, sweepResult, traceResult } from "./result-views.ts";
import { showScenario } from "./scenario-view.ts";

let scenario: ScenarioView | undefined;
let lastRun: RunView | undefined;

const controls = new ControlsView(() => undefined);
const batches = new BatchRunner(() => updateButtons());
const numberOf = (id: string) => byId<HTMLInputElement>(id).valueAsNumber;

async function loadScenario(): Promise<void> {
  try {
    show(await getJson<ScenarioView>("/api/scenario"));
  } catch (e) {
    report(byId("run-result"), e);
  }
}

function show(view: ScenarioView): void {
  scenario = view;
  showScenario(view);
  controls.show(view.controls);
  fillSweepChoices();
  fillTraceOutcomes();
  const name = byId<HTMLInputElement>("save-name");
  if (!name.value && view.scenario) name.value = `${view.scenario.id}-variant`;
  document.body.dataset.version = String(view.version);
}

function fillSweepChoices(): void {
  const select = byId<HTMLSelectElement>("sweep-path");
  const chosen = select.value;
  replaceChildren(select, ...controls.all().map((c) => el("option", { value: c.path, text: `${c.label} (${c.path})` })));
  if (chosen && controls.all().some((c) => c.path === chosen)) select.value = chosen;
  suggestSweepRange();
}

/** The control's slider range, or for a whole number 40 around its value in 4 whole steps. */
function suggestSweepRange(): void {
  const control = controls.all().find((c) => c.path === byId<HTMLSelectElement>("sweep-path").value);
  if (!control) return;
  let [from, to] = [control.min, control.max];
  if (control.integer) {
    from = Math.max(control.min, control.value - 20);
    to = from + 4 * Math.floor((Math.min(control.max, from + 40) - from) / 4);
  }
  byId<HTMLInputElement>("sweep-from").value = String(from);
  byId<HTMLInputElement>("sweep-to").value = String(to);
  byId<HTMLInputElement>("sweep-steps").value = "5";
}

function fillTraceOutcomes(): void {
  const select = byId<HTMLSelectElement>("trace-outcome");
  const outcomes = scenario?.scenario?.outcomes ?? [];
  replaceChildren(select, el("option", { value: "", text: "that run, whatever its outcome" }), ...outcomes.map((o) => el("option", { value: o.id, text: `the first from there ending in ${o.label}` })));
}

function updateButtons(): void {
  byId<HTMLButtonElement>("compare").disabled = batches.busy || !lastRun;
  byId<HTMLButtonElement>("save").disabled = batches.busy || !lastRun;
}

function batchBody() {
  return { overrides: controls.overrides(), runs: numberOf("runs"), seed: numberOf("seed") };
}

byId("run-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const run = await batches.stream<RunView>("/api/run", batchBody(), byId("run-result"), runResult);
  if (run) lastRun = run;
  updateButtons();
});

byId("compare").addEventListener("click", () => {
  if (lastRun) void batches.stream<CompareView>("/api/compare", { run: lastRun.id }, byId("compare-result"), compareResult);
});

byId("sweep-path").addEventListener("change", suggestSweepRange);
byId("sweep-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const body = { ...batchBody(), runs: numberOf("sweep-runs"), path: byId<HTMLSelectElement>("sweep-path").value, from: numberOf("sweep-from"), to: numberOf("sweep-to"), steps: numberOf("sweep-steps") };
  void batches.stream<SweepView>("/api/sweep", body, byId("sweep-result"), sweepResult);
});

byId("trace-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const target = byId("trace-result");
  const outcome = byId<HTMLSelectElement>("trace-outcome").value;
  try {
    status("Tracing…");
    const trace = await postJson<TraceView>("/api/trace", { overrides: controls.overrides(), seed: numberOf("seed"), run: numberOf("trace-run"), ...(outcome ? { outcome } : {}) });
    replaceChildren(target, ...traceResult(trace));
    status("Traced.");
  } catch (e) {
    report(target, e);
  }
});

byId("save-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  if (!lastRun) return;
  const target = byId("save-result");
  try {
    const saved = await postJson<SaveView>("/api/save", { run: lastRun.id, name: byId<HTMLInputElement>("save-name").value.trim(), overwrite: byId<HTMLInputElement>("save-overwrite").checked });
    replaceChildren(target, ...savedResult(saved));
    status("Saved.");
  } catch (e) {
    report(target, e);
  }
});

function savedResult(saved: SaveView): HTMLElement[] {
  const open = el("button", { type: "button", id: "open-variant", text: `Open ${saved.variantName}` });
  open.addEventListener("click", async () => {
    try {
      lastRun = undefined;
      show(await postJson<ScenarioView>("/api/open", { file: saved.variantName }));
      updateButtons();
      status(`Now working on ${saved.variant}.`);
    } catch (e) {
      report(byId("save-result"), e);
    }
  });
  return [
    el("p", {}, "Variant: ", el("a", { href: saved.links.variant, text: saved.variant }), " · run set: ", el("a", { href: saved.links.summary, text: `${saved.runSet}/summary.json` })),
    el("pre", { class: "yaml", tabindex: 0, "aria-label": "The saved variant" }, saved.yaml),
    open,
    commandBlock(saved.command),
  ];
}

const events = new EventSource("/api/events");
events.addEventListener("scenario", () => void loadScenario());
window.addEventListener("pagehide", () => events.close());
void loadScenario();
