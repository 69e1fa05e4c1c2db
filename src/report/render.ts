// Vega-Lite → Vega → SVG, in Node, with no browser and no network.
import * as vega from "vega";
import { compile } from "vega-lite";

export async function renderSvg(spec: Record<string, unknown>): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec as never).spec), { renderer: "none" });
  return view.toSVG();
}
