// The browser tests' Chromium: the one npm ci installs must work on every machine, system Chromium or not,
// so it is checked here on every run, and BAZAAR_CHROMIUM and BAZAAR_NO_SYSTEM_CHROMIUM choose as documented.
import { afterEach, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";
import { bundledChromium, findChromium, systemChromium } from "./browser.ts";

const saved = { given: process.env.BAZAAR_CHROMIUM, noSystem: process.env.BAZAAR_NO_SYSTEM_CHROMIUM };
afterEach(() => {
  for (const [key, value] of [["BAZAAR_CHROMIUM", saved.given], ["BAZAAR_NO_SYSTEM_CHROMIUM", saved.noSystem]] as const) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

describe("the browser tests' Chromium", () => {
  it("the npm-installed Chromium renders a page with only its own libraries and font, beyond what Node itself loads", async () => {
    const choice = await bundledChromium();
    expect(choice.source).toMatch(/^@sparticuz\/chromium@\d+/);
    const server = await chromium.launchServer({ executablePath: choice.executablePath, env: choice.env, args: ["--no-sandbox", "--disable-gpu"], host: "127.0.0.1" });
    try {
      const browser = await chromium.connect(server.wsEndpoint());
      const page = await browser.newPage({ viewport: { width: 400, height: 200 } });
      const families = ["serif", "monospace", "'Open Sans'"];
      await page.setContent(families.map((f) => `<div><span style="font: 24px ${f}">bazaar, a wide line</span></div>`).join("") + '<svg width="100" height="60"><rect width="100" height="60" fill="#c00"/></svg>');
      const widths = await page.locator("span").evaluateAll((spans) => spans.map((s) => s.getBoundingClientRect().width));
      // Laid out with a real font, and the same one for every family: the bundled Open Sans, not the machine's.
      expect(widths[0]).toBeGreaterThan(100);
      expect(new Set(widths).size).toBe(1);
      expect((await page.screenshot()).length).toBeGreaterThan(1_000);
      // Shared libraries from outside the unpacked folder are only ones Node itself has loaded (glibc's, libgcc_s).
      const libraries = (pid: number | string) => new Set(readFileSync(`/proc/${pid}/maps`, "utf8").split("\n").map((line) => line.split(/\s+/)[5] ?? "").filter((f) => /\.so(\.|$)/.test(f)));
      const own = [...libraries(server.process().pid!)];
      expect(own.some((f) => f.startsWith(path.dirname(choice.executablePath)) && f.endsWith("/libnss3.so"))).toBe(true);
      const node = new Set([...libraries("self")].map((f) => path.basename(f)));
      expect(own.filter((f) => !f.startsWith(path.dirname(choice.executablePath)) && !node.has(path.basename(f)))).toEqual([]);
      await browser.close();
    } finally {
      await server.close();
    }
  });

  it("takes BAZAAR_CHROMIUM first, then a system Chromium, then the npm-installed one", async () => {
    const bundled = await bundledChromium();
    process.env.BAZAAR_CHROMIUM = bundled.executablePath;
    expect(await findChromium()).toEqual({ source: "BAZAAR_CHROMIUM", executablePath: bundled.executablePath });
    delete process.env.BAZAAR_CHROMIUM;
    delete process.env.BAZAAR_NO_SYSTEM_CHROMIUM;
    const system = systemChromium();
    if (system) expect(await findChromium()).toEqual({ source: "system", executablePath: system });
    process.env.BAZAAR_NO_SYSTEM_CHROMIUM = "1";
    expect((await findChromium()).source).toBe(bundled.source);
    process.env.BAZAAR_CHROMIUM = "/nonexistent/chromium";
    await expect(findChromium()).rejects.toThrow(/not an executable/);
  });
});
