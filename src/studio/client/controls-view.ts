// The assumptions as controls: a slider and a typed input per number, each labelled, with its path and
// source comment; a search box; changed values marked and collected as `--set` overrides.
import type { Control, OverrideInput } from "../protocol.ts";
import { byId, el, replaceChildren } from "./dom.ts";

export class ControlsView {
  private controls: Control[] = [];
  private readonly values = new Map<string, number>();
  private readonly rows = new Map<string, HTMLElement>();

  constructor(private readonly onChange: () => void) {
    byId<HTMLInputElement>("search").addEventListener("input", () => this.filter());
    byId("reset-all").addEventListener("click", () => {
      this.values.clear();
      this.render();
      this.changed();
    });
  }

  /** Shows a scenario's controls, keeping changes whose path still exists. */
  show(controls: Control[]): void {
    const known = new Map(controls.map((c) => [c.path, c]));
    for (const [path, value] of this.values) if (!known.has(path) || known.get(path)!.value === value) this.values.delete(path);
    this.controls = controls;
    this.render();
    this.changed();
  }

  overrides(): OverrideInput[] {
    return this.controls.filter((c) => this.values.has(c.path)).map((c) => ({ path: c.path, value: this.values.get(c.path)! }));
  }

  all(): Control[] {
    return this.controls;
  }

  valueOf(path: string): number | undefined {
    return this.values.get(path) ?? this.controls.find((c) => c.path === path)?.value;
  }

  private render(): void {
    this.rows.clear();
    const groups = new Map<string, Control[]>();
    for (const c of this.controls) {
      const group = c.uncertain ? "Uncertain assumptions" : c.group;
      groups.set(group, [...(groups.get(group) ?? []), c]);
    }
    const sections = [...groups].map(([name, list]) =>
      el("section", { class: "group", "data-group": name }, el("h3", { text: `${name} (${list.length})` }), el("ul", { class: "control-list" }, ...list.map((c) => this.row(c)))),
    );
    replaceChildren(byId("controls"), ...sections);
    this.filter();
  }

  private row(c: Control): HTMLElement {
    const k = this.rows.size;
    const id = `ctl-${k}`;
    const value = this.values.get(c.path) ?? c.value;
    const about = `${id}-about`;
    const slider = el("input", { type: "range", id: `${id}-slider`, min: c.min, max: c.max, step: c.step, value, "aria-label": `${c.label} (slider)`, "aria-describedby": about });
    const typed = el("input", { type: "number", id, step: "any", value, "aria-describedby": about, "data-path": c.path });
    const reset = el("button", { type: "button", class: "reset", "aria-label": `Reset ${c.label} to ${c.value}`, text: "Reset" });
    const row = el("li", { class: "control", "data-path": c.path },
      el("div", { class: "control-head" }, el("label", { for: id, text: c.label }), c.dist ? el("span", { class: "badge", text: c.dist }) : null),
      el("div", { class: "control-inputs" }, slider, typed, reset),
      el("p", { id: about, class: "about" }, el("code", { text: c.path }), c.source ? ` · ${c.source}` : c.description ? ` · ${c.description}` : ""),
    );
    slider.addEventListener("input", () => this.set(c, Number(slider.value), { slider, typed }));
    typed.addEventListener("input", () => {
      if (typed.value.trim() !== "" && Number.isFinite(typed.valueAsNumber)) this.set(c, typed.valueAsNumber, { slider, typed });
    });
    reset.addEventListener("click", () => this.set(c, c.value, { slider, typed }));
    this.rows.set(c.path, row);
    this.mark(row, value !== c.value);
    return row;
  }

  private set(c: Control, value: number, inputs: { slider: HTMLInputElement; typed: HTMLInputElement }): void {
    if (document.activeElement !== inputs.typed) inputs.typed.value = String(value);
    inputs.slider.value = String(value);
    if (value === c.value) this.values.delete(c.path);
    else this.values.set(c.path, value);
    this.mark(this.rows.get(c.path)!, value !== c.value);
    this.changed();
  }

  private mark(row: HTMLElement, changed: boolean): void {
    row.classList.toggle("changed", changed);
  }

  private changed(): void {
    const overrides = this.overrides();
    byId("changed").textContent = overrides.length === 0
      ? "No changes."
      : `${overrides.length} change${overrides.length === 1 ? "" : "s"}: ${overrides.map((o) => `${o.path}=${o.value}`).join(", ")}`;
    this.onChange();
  }

  private filter(): void {
    const words = byId<HTMLInputElement>("search").value.toLowerCase().split(/\s+/).filter(Boolean);
    for (const c of this.controls) {
      const text = `${c.label} ${c.path} ${c.source ?? ""}`.toLowerCase();
      this.rows.get(c.path)!.hidden = !words.every((w) => text.includes(w));
    }
    for (const section of byId("controls").querySelectorAll<HTMLElement>("section.group")) {
      section.hidden = [...section.querySelectorAll<HTMLElement>("li.control")].every((r) => r.hidden);
    }
  }
}
