// The report's discover section as a person sees it: made by the program (in-process), opened in
// headless Chromium; the trajectory chart must have one point per box and the chosen box ringed.
import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { runCli } from "../../src/cli/program.ts";
import type { Io } from "../../src/cli/io.ts";
import { fixture } from "../helpers.ts";
import { launchChromium, openPage } from "../browser.ts";

async function cli(args: string[]) {
  let stderr = "";
  const io: Io = { argv: ["bazaar", ...args], out: () => {}, err: (t) => void (stderr += t), exitCode: () => {}, style: { bold: (s) => s }, relative: (f) => f };
  return { code: await runCli(args, io), stderr };
}

describe("the discover section of report.html in a real browser", () => {
  it("draws the peeling trajectory with every box, the chosen one ringed, and the box table", async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "bazaar-discover-report-"));
    const runSet = path.join(root, "threshold");
    const folder = path.join(root, "discovered");
    expect((await cli(["run", fixture("threshold.yaml"), "--runs", "400", "--workers", "1", "--records", "--out", runSet])).code).toBe(0);
    expect((await cli(["discover", runSet, "--outcome", "big_alone", "--bootstrap", "5", "--out", folder])).code).toBe(0);
    const report = path.join(root, "report.html");
    const made = await cli(["report", folder, "--out", report]);
    expect(made.code, made.stderr).toBe(0);
    const discovery = JSON.parse(readFileSync(path.join(folder, "discover.json"), "utf8"));
    const html = readFileSync(report, "utf8");
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org|vega\.github\.io)/);

    const browser = await launchChromium();
    try {
      const { page, errors, requests } = await openPage(browser, `file://${report}`);
      expect(errors).toEqual([]);
      expect(requests).toEqual([]);
      const section = page.locator("section", { hasText: "Scenario discovery: Big governs alone" });
      const chart = section.locator("svg.marks");
      expect(await chart.count()).toBe(1);
      // One point per box of the trajectory, joined by one line; one ring on the chosen box, labelled.
      expect(await chart.locator("g.mark-symbol.layer_1_marks path").count()).toBe(discovery.trajectory.length);
      expect(await chart.locator("g.mark-line.layer_0_marks path").count()).toBe(1);
      expect(await chart.locator("g.mark-symbol.layer_2_marks path").count()).toBe(1);
      await expect(chart.locator("g.mark-text.layer_3_marks text").textContent()).resolves.toBe(`box ${discovery.chosen.index} (chosen)`);
      // The ring sits on the chosen box's point.
      const ring = await chart.locator("g.mark-symbol.layer_2_marks path").getAttribute("transform");
      const points = await chart.locator("g.mark-symbol.layer_1_marks path").evaluateAll((ps) => ps.map((p) => p.getAttribute("transform")));
      expect(points[discovery.chosen.index]).toBe(ring);
      // The box in words, and one table row per limit with its quasi-p-value.
      await expect(section.locator("p.verdict").textContent()).resolves.toBe(discovery.box.words);
      expect(await section.locator("table").nth(1).locator("tr").count()).toBe(discovery.box.quasi_p.length + 1);
      await expect(section.locator("table").nth(1).textContent()).resolves.toContain("actors.big.seats ≥");
    } finally {
      await browser.close();
    }
  });
});
