// Takes the README's screenshot of bazaar studio from the real page in Chromium:
// `npx tsx scripts/studio-screenshot.ts` writes docs/img/studio.png.
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startStudio } from "../src/studio/server/server.ts";
import { DEFAULT_SCENARIO, PACKAGE_ROOT } from "../src/version.ts";
import { launchChromium } from "../test/browser.ts";

const OUT = path.join(PACKAGE_ROOT, "docs", "img", "studio.png");

// The shipped scenario is only read (nothing is saved); batches go to a temporary runs folder.
const runsDir = mkdtempSync(path.join(os.tmpdir(), "bazaar-studio-shot-"));
const studio = await startStudio({ scenario: path.relative(process.cwd(), DEFAULT_SCENARIO), runsDir, port: 0, log: () => undefined });
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1130 } });
  await page.goto(studio.url);
  await page.fill('input[data-path="relations.pairs.0.value.mode"]', "-0.2");
  await page.fill("#runs", "4000");
  await page.click("#run");
  await page.locator("#run-result table").waitFor({ timeout: 300_000 });
  await page.click("#compare");
  await page.locator("#compare-result .verdict").waitFor({ timeout: 300_000 });
  await page.click("#run-result details.metrics summary"); // fold the metrics so the comparison shows
  await page.fill("#search", "relation state_of_law sadrists");
  await page.evaluate(() => {
    window.scrollTo(0, 0);
    document.getElementById("assumptions")!.scrollTop = 0;
  });
  await page.screenshot({ path: OUT });
  process.stdout.write(`wrote ${path.relative(process.cwd(), OUT)}\n`);
} finally {
  await browser.close();
  await studio.close();
}
