// docs/scenarios.md is generated; regenerating it must give the committed file byte for byte.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { quantityText, scenariosDoc } from "../../src/report/scenarios-doc.ts";
import { ROOT } from "../helpers.ts";

describe("docs/scenarios.md", () => {
  it("is what the scenarios and a fixed-seed run give (run `npm run docs:scenarios` after changing a scenario)", async () => {
    const expected = await scenariosDoc(path.join(ROOT, "scenarios"));
    expect(readFileSync(path.join(ROOT, "docs", "scenarios.md"), "utf8")).toBe(expected);
  }, 600_000); // a backtest of the training set: generous, so that a slow shared machine does not fail it

  it("describes numbers and distributions as a reader would write them", () => {
    expect(quantityText(0.5)).toBe("0.5");
    expect(quantityText("rest")).toBe("the rest");
    expect(quantityText({ dist: "triangular", min: 20, mode: 60, max: 85 })).toBe("triangular 20–85, mode 60");
    expect(quantityText({ dist: "beta", a: 6, b: 3 })).toBe("beta(6, 3)");
  });
});
