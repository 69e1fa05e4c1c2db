// Vega-Lite → Vega → SVG, in Node, with no browser and no network. The libraries are loaded on first
// use: every command imports this module, few draw a chart, and loading them costs every start.
export async function renderSvg(spec: Record<string, unknown>): Promise<string> {
  const [vega, { compile }] = await Promise.all([import("vega"), import("vega-lite")]);
  const view = new vega.View(vega.parse(compile(spec as never).spec), { renderer: "none" });
  return view.toSVG();
}
