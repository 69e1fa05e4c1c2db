// Policy distance between actors over the declared issues (docs/model.md §1).
import type { Model } from "./model.ts";
import type { RunState } from "./state.ts";

/**
 * Policy distance of i from j: salience-weighted mean over declared issues of half the gap between
 * positions (so it lies in [0, 1]); issues where either has no position are skipped.
 */
export function computePolicyDistance(model: Pick<Model, "n" | "issues">, s: RunState): void {
  const n = model.n;
  const k = model.issues;
  if (k === 0) return;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let d = 0;
      for (let t = 0; t < k; t++) {
        const pi = s.position[i * k + t];
        const pj = s.position[j * k + t];
        if (pi === pi && pj === pj) d += s.salience[i * k + t] * Math.abs(pi - pj) * 0.5;
      }
      s.policyDistance[i * n + j] = d / k;
    }
  }
}
