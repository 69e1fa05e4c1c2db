// The Morris and Sobol' sections of report.html as a person sees them: made by the real program,
// opened in headless Chromium.
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { launchChromium, openPage } from "../browser.ts";
import { ROOT, fixture } from "../helpers.ts";

const BIN = path.join(ROOT, "bin", "bazaar.js");
const temp = () => mkdtempSync(path.join(os.tmpdir(), "bazaar-gsa-report-"));
const bazaar = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: "utf8", timeout: 120_000 });

describe("Morris and Sobol' charts in a real browser", () => {
  it("draw one μ*–σ chart and one S1/ST chart per outcome, a mark per input, with no console errors", async () => {
    const [morris, sobol] = [temp(), temp()];
    const common = [fixture("pair.yaml"), "--runs-per-point", "20", "--workers", "1"];
    const m = bazaar(["sensitivity", ...common, "--method", "morris", "--trajectories", "3", "--out", morris]);
    expect(m.status, m.stderr).toBe(0);
    const s = bazaar(["sensitivity", ...common, "--method", "sobol", "--samples", "4", "--out", sobol]);
    expect(s.status, s.stderr).toBe(0);
    const inputs = (JSON.parse(readFileSync(path.join(sobol, "sensitivity.json"), "utf8")) as { inputs: unknown[] }).inputs.length;
    expect(inputs).toBeGreaterThan(3);
    const report = path.join(temp(), "report.html");
    const made = bazaar(["report", morris, sobol, "--out", report]);
    expect(made.status, made.stderr).toBe(0);
    expect(readFileSync(report, "utf8")).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org|vega\.github\.io)/);

    const browser = await launchChromium();
    try {
      const { page, errors, requests } = await openPage(browser, `file://${report}`);
      expect(errors).toEqual([]);
      expect(requests).toEqual([]);
      const morrisCharts = page.locator("section", { hasText: "Morris elementary effects" }).locator("svg.marks");
      const sobolCharts = page.locator("section", { hasText: "Sobol' indices" }).locator("svg.marks");
      expect(await morrisCharts.count()).toBe(2); // the pair fixture's two outcomes
      expect(await sobolCharts.count()).toBe(2);
      // Morris: one point per input (the noise input included); Sobol': an S1 and an ST bar and interval per input.
      expect(await morrisCharts.first().locator("g.mark-symbol.role-mark path").count()).toBe(inputs);
      expect(await sobolCharts.first().locator("g.mark-rect.role-mark path").count()).toBe(2 * inputs);
      expect(await sobolCharts.first().locator("g.mark-rule.role-mark line").count()).toBe(2 * inputs);
      await expect(page.locator("section", { hasText: "Sobol' indices" }).locator("table tr").count()).resolves.toBe(1 + 2 * inputs);
      const shot = path.join(temp(), "report.png");
      await page.screenshot({ path: shot, fullPage: true });
      expect(readFileSync(shot).length).toBeGreaterThan(10_000);
    } finally {
      await browser.close();
    }
  });
});
