// The house's arrows point one way: the model knows nothing of the engine, runner or CLI, and its
// modules import each other without cycles (type-only imports count: they are arrows a reader follows).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const modelDir = path.resolve(import.meta.dirname, "../../src/model");

function importsOf(file: string): string[] {
  const text = readFileSync(path.join(modelDir, file), "utf8");
  return [...text.matchAll(/^(?:import|export)[^;]*?from\s+"([^"]+)"/gms)].map((m) => m[1]);
}

const files = readdirSync(modelDir).filter((f) => f.endsWith(".ts")).sort();

describe("src/model's imports", () => {
  it("never reach into the engine, runner, CLI or report", () => {
    const outward = files.flatMap((f) => importsOf(f).filter((i) => /\.\.\/(engine|runner|cli|report|backtest)\//.test(i)).map((i) => `${f} -> ${i}`));
    expect(outward).toEqual([]);
  });

  it("form no cycle", () => {
    const graph = new Map(files.map((f) => [f, importsOf(f).filter((i) => i.startsWith("./")).map((i) => i.slice(2))]));
    const cycles: string[] = [];
    const state = new Map<string, "open" | "done">();
    const visit = (f: string, trail: string[]) => {
      if (state.get(f) === "done") return;
      if (state.get(f) === "open") {
        cycles.push([...trail.slice(trail.indexOf(f)), f].join(" -> "));
        return;
      }
      state.set(f, "open");
      for (const g of graph.get(f) ?? []) visit(g, [...trail, f]);
      state.set(f, "done");
    };
    for (const f of files) visit(f, []);
    expect(cycles).toEqual([]);
  });
});
