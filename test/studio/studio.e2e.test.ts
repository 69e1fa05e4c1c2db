// The studio as a person uses it, in real Chromium: move a control with the keyboard, run, read the
// numbers (the library's, for the same overrides and seed), compare with the baseline, trace a run,
// save a variant and work on it; no console errors, nothing fetched from elsewhere, every control labelled.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { loadScenarioFile } from "../../src/scenario/load.ts";
import { forecast } from "../../src/runner/forecast.ts";
import { compareSummaries } from "../../src/runner/compare.ts";
import type { Summary } from "../../src/runner/summary.ts";
import type { Studio } from "../../src/studio/server/server.ts";
import { scenarioFile } from "../helpers.ts";
import { launchChromium } from "../browser.ts";
import { scenarioFolder, studioOn } from "./studio-helpers.ts";

const RUNS = 600;
const SEED = 3;
const MODE = "actors.sadrists.seats.mode";

/** The outcome table the page shows: id, count and probability per row. */
async function outcomeRows(page: Page, panel: string) {
  return page.locator(`${panel} tbody tr`).evaluateAll((rows) => rows.map((r) => ({ id: r.getAttribute("data-outcome"), count: Number(r.getAttribute("data-count")), probability: Number(r.getAttribute("data-probability")), text: r.textContent })));
}

const expectedRows = (summary: Summary) => summary.outcomes.map((o) => expect.objectContaining({ id: o.id, count: o.count, probability: o.probability, text: expect.stringContaining(`${(o.probability * 100).toFixed(1)}%`) }));

/** Inputs, selects and buttons without an accessible name (a label, aria-label or text). */
function unlabelled(page: Page): Promise<string[]> {
  return page.evaluate(() => [...document.querySelectorAll("input, select, button, textarea")]
    .filter((e) => {
      const labelled = e.getAttribute("aria-label") || e.getAttribute("aria-labelledby") || (e.id && document.querySelector(`label[for="${e.id}"]`)) || e.closest("label");
      return !labelled && !(e.tagName === "BUTTON" && e.textContent!.trim());
    })
    .map((e) => e.outerHTML.slice(0, 80)));
}

/** Presses Tab until `selector` has the focus: it is reachable by keyboard. */
async function tabTo(page: Page, selector: string, limit = 40): Promise<void> {
  for (let k = 0; k < limit; k++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`${selector} was not reached with ${limit} presses of Tab`);
}

describe("bazaar studio in a real browser", () => {
  let dir: string;
  let studio: Studio;
  let browser: Browser;
  beforeAll(async () => {
    dir = scenarioFolder(scenarioFile("maliki-sadr-2024.yaml"));
    studio = await studioOn(dir, "maliki-sadr-2024.yaml");
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await studio?.close();
  });

  it("moves a control, runs, compares, traces, saves a variant and works on it, with the library's numbers", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    const foreign: string[] = [];
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("request", (r) => !r.url().startsWith(`http://127.0.0.1:${studio.port}/`) && foreign.push(r.url()));
    await page.goto(studio.url);
    await page.locator("li.control").first().waitFor(); // the page renders the scenario once it has fetched it
    await expect(page.locator("h1").textContent()).resolves.toBe("Maliki and Sadr, 2024");
    expect(await page.locator("li.control").count()).toBeGreaterThan(200);
    expect(await unlabelled(page)).toEqual([]);

    // Find the Sadrists' most likely seat count and move its slider with the arrow keys.
    await tabTo(page, "#search");
    await page.keyboard.type("sadrist seats mode");
    await tabTo(page, `li.control[data-path="${MODE}"] input[type=range]`);
    for (let k = 0; k < 5; k++) await page.keyboard.press("ArrowLeft");
    const row = page.locator(`li.control[data-path="${MODE}"]`);
    await expect(row.locator("input[type=number]").inputValue()).resolves.toBe("55");
    await expect(row.getAttribute("class")).resolves.toMatch(/changed/);
    await expect(page.locator("#changed").textContent()).resolves.toBe(`1 change: ${MODE}=55`);

    await page.fill("#runs", String(RUNS));
    await page.fill("#seed", String(SEED));
    await page.click("#run");
    await page.locator("#run-result table").waitFor();
    const variant = forecast(loadScenarioFile(path.join(dir, "maliki-sadr-2024.yaml"), [`${MODE}=55`]), { runs: RUNS, seed: SEED }).summary;
    expect(await outcomeRows(page, "#run-result")).toEqual(expectedRows(variant));
    await expect(page.locator("#run-result .command code").textContent()).resolves.toMatch(new RegExp(`--runs ${RUNS} --seed ${SEED} --set ${MODE.replace(/\./g, "\\.")}=55$`));
    expect(await page.locator("#run-result figure.chart svg").count()).toBe(1 + Object.keys(variant.metrics).length);

    await page.click("#compare");
    await page.locator("#compare-result .verdict").waitFor();
    const baseline = forecast(loadScenarioFile(path.join(dir, "maliki-sadr-2024.yaml")), { runs: RUNS, seed: SEED }).summary;
    const library = compareSummaries(baseline, variant);
    await expect(page.locator("#compare-result .verdict").textContent()).resolves.toBe(library.verdict);
    const differences = await page.locator("#compare-result tbody tr").evaluateAll((rows) => rows.map((r) => Number(r.getAttribute("data-difference"))));
    expect(differences).toEqual(library.outcomes.map((o) => o.difference));
    expect(await page.locator('#compare-result figure[data-chart="difference"] g.mark-symbol.role-mark path').count()).toBe(3);

    await page.fill("#trace-run", "2");
    await page.click("#trace");
    await page.locator("#trace-result .story").waitFor();
    await expect(page.locator("#trace-result .trace-head").textContent()).resolves.toMatch(/^Run 2 of seed 3 ended in /);
    await expect(page.locator("#trace-result .story").textContent()).resolves.toMatch(/^Sampled assumptions:/);

    await page.fill("#save-name", "sadr-55");
    await page.click("#save");
    await page.locator("#save-result a").first().waitFor();
    const saved = readFileSync(path.join(dir, "sadr-55.yaml"), "utf8");
    expect(saved).toMatch(/extends: maliki-sadr-2024\.yaml\nactors:\n {2}- id: sadrists\n {4}seats:\n {6}mode: 55\n$/);
    expect(existsSync(path.join(dir, "runs", `sadr-55-s${SEED}-n${RUNS}`, "manifest.json"))).toBe(true);

    // Work on the saved variant: nothing is changed from it, and a run gives the same numbers.
    await page.click("#open-variant");
    await page.locator("#meta", { hasText: "sadr-55.yaml" }).waitFor(); // the page loads the variant asynchronously
    await expect(page.locator("#meta").textContent()).resolves.toMatch(/sadr-55\.yaml/);
    await page.reload();
    await page.locator("#meta", { hasText: "sadr-55.yaml" }).waitFor();
    await expect(page.locator("#meta").textContent()).resolves.toMatch(/sadr-55\.yaml/);
    await expect(page.locator(`li.control[data-path="${MODE}"] input[type=number]`).inputValue()).resolves.toBe("55");
    await expect(page.locator("#changed").textContent()).resolves.toBe("No changes.");
    await page.fill("#runs", String(RUNS));
    await page.fill("#seed", String(SEED));
    await page.click("#run");
    await page.locator("#run-result table").waitFor();
    expect(await outcomeRows(page, "#run-result")).toEqual(expectedRows(variant));

    expect(errors).toEqual([]);
    expect(foreign).toEqual([]);
  });
});
