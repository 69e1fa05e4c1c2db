// What every handler works with: the scenario, this session's batches, the one batch slot, and the
// folders the studio may touch.
import { withOverrides, type LoadedScenario } from "../../scenario/load.ts";
import { parseOverride } from "../../scenario/overrides.ts";
import type { OverrideInput } from "../protocol.ts";
import type { BatchSlot } from "./batch-slot.ts";
import type { Roots } from "./files.ts";
import type { RunStore } from "./run-store.ts";
import type { Workspace } from "./workspace.ts";

export interface Context {
  workspace: Workspace;
  store: RunStore;
  slot: BatchSlot;
  roots: Roots;
  workers: number;
  log: (line: string) => void;
}

/** The page's overrides as `--set` texts, in the page's order. */
export function overrideTexts(overrides: OverrideInput[]): string[] {
  return overrides.map((o) => `${o.path}=${o.value}`);
}

/** The scenario with the overrides applied, validated: a bad path or value is the user's 400/422. */
export function applyTexts(base: LoadedScenario, texts: string[]): LoadedScenario {
  return texts.length === 0 ? base : withOverrides(base, texts.map(parseOverride));
}
