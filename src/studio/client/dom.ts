// Building the page's elements. Text always goes in as text (scenario files are not trusted as HTML);
// only the server's rendered chart SVG is inserted as markup.

type Attributes = Record<string, string | number | boolean | undefined>;
type Child = Node | string | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    if (name === "text") node.textContent = String(value);
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children) if (child !== null && child !== undefined && child !== false) node.append(child);
  return node;
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`the page has no #${id}`);
  return node as T;
}

export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren(...children.filter((c): c is Node | string => c !== null && c !== undefined && c !== false));
}

/** A chart from the server: its SVG inside a labelled figure. */
export function chartFigure(chart: { id: string; title: string; svg: string }): HTMLElement {
  const figure = el("figure", { class: "chart", "data-chart": chart.id, role: "img", "aria-label": chart.title });
  figure.innerHTML = chart.svg;
  return figure;
}

/** The equivalent command line, in a block the reader can copy. */
export function commandBlock(command: string): HTMLElement {
  return el("div", { class: "command" }, el("p", { class: "command-label", text: "Same result on the command line:" }), el("pre", {}, el("code", { text: command })));
}
