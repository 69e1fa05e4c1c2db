// The Chromium the browser tests (and scripts/studio-screenshot.ts) open pages in, chosen in this order:
//   1. BAZAAR_CHROMIUM, a path to a Chromium or Chrome executable, if set;
//   2. a system Chromium: /usr/bin/chromium, else chromium, chromium-browser, google-chrome or
//      google-chrome-stable on PATH;
//   3. the one `npm ci` installs: @sparticuz/chromium (a devDependency) ships a brotli-compressed
//      headless Chromium for x64 Linux, with the few libraries it needs beyond glibc (NSS, NSPR, expat)
//      and a font. It is unpacked once into node_modules/.cache and run with those libraries and font.
// BAZAAR_NO_SYSTEM_CHROMIUM=1 skips step 2: it is for testing that a machine without a system Chromium
// passes (as CI does not have one).
import { accessSync, constants, createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { brotliDecompressSync, createBrotliDecompress } from "node:zlib";
import { chromium, type Browser, type LaunchOptions } from "playwright-core";

export const CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

const SYSTEM_NAMES = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

export interface ChromiumChoice {
  /** Where it came from: "BAZAAR_CHROMIUM", "system" or "@sparticuz/chromium@VERSION". */
  source: string;
  executablePath: string;
  /** The environment to launch it with (the bundled one needs its libraries and font). */
  env?: Record<string, string>;
}

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** A system Chromium or Chrome, or undefined where there is none. */
export function systemChromium(): string | undefined {
  if (executable("/usr/bin/chromium")) return "/usr/bin/chromium";
  const dirs = (process.env.PATH ?? "").split(path.delimiter).filter(Boolean);
  for (const name of SYSTEM_NAMES) {
    for (const dir of dirs) {
      const file = path.join(dir, name);
      if (executable(file)) return file;
    }
  }
  return undefined;
}

/** Unpacks a plain ustar archive (regular files and folders only, as @sparticuz/chromium's are). */
function untar(archive: Buffer, into: string): void {
  const text = (b: Buffer) => b.toString("utf8").replace(/\0.*$/s, "");
  for (let at = 0; at + 512 <= archive.length; ) {
    const header = archive.subarray(at, at + 512);
    if (header.every((b) => b === 0)) break;
    const prefix = text(header.subarray(345, 500));
    const name = path.posix.join(prefix, text(header.subarray(0, 100)));
    const size = parseInt(text(header.subarray(124, 136)).trim() || "0", 8);
    const type = String.fromCharCode(header[156]);
    const target = path.join(into, name);
    if (!target.startsWith(into + path.sep)) throw new Error(`${name} would unpack outside ${into}`);
    if (type === "5") mkdirSync(target, { recursive: true });
    else if (type === "0" || type === "\0") {
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, archive.subarray(at + 512, at + 512 + size));
    } else throw new Error(`${name}: tar entry type ${JSON.stringify(type)} is not handled`);
    at += 512 + Math.ceil(size / 512) * 512;
  }
}

/** The npm-installed Chromium, unpacked into node_modules/.cache on first use (safe when test files race). */
export async function bundledChromium(): Promise<ChromiumChoice> {
  if (process.platform !== "linux" || process.arch !== "x64") {
    throw new Error(`@sparticuz/chromium ships a Chromium for x64 Linux only, not ${process.platform}-${process.arch}: install Chromium or set BAZAAR_CHROMIUM`);
  }
  const require = createRequire(import.meta.url);
  // build/cjs/index.cjs → the package's folder
  const pkgDir = path.resolve(path.dirname(require.resolve("@sparticuz/chromium")), "..", "..");
  const version = JSON.parse(readFileSync(path.join(pkgDir, "package.json"), "utf8")).version as string;
  const bin = path.join(pkgDir, "bin");
  const dir = path.resolve(pkgDir, "..", "..", ".cache", `sparticuz-chromium-${version}`);
  const exe = path.join(dir, "chromium");
  if (!existsSync(exe)) {
    // Unpack beside it, then rename into place: a racing process either wins or finds it done.
    const work = `${dir}.${process.pid}.${Date.now()}`;
    mkdirSync(work, { recursive: true });
    try {
      await pipeline(createReadStream(path.join(bin, "chromium.br")), createBrotliDecompress(), createWriteStream(path.join(work, "chromium"), { mode: 0o755 }));
      untar(brotliDecompressSync(readFileSync(path.join(bin, "al2023.tar.br"))), work); // lib/: NSS, NSPR, expat
      untar(brotliDecompressSync(readFileSync(path.join(bin, "fonts.tar.br"))), work); // fonts/: Open Sans
      // Our own fontconfig file: the package's points at /tmp/fonts.
      writeFileSync(path.join(work, "fonts.conf"), `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <dir>${path.join(dir, "fonts")}</dir>\n  <cachedir>${path.join(dir, "fonts-cache")}</cachedir>\n</fontconfig>\n`);
      try {
        renameSync(work, dir);
      } catch (error) {
        if (!existsSync(exe)) throw error;
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
  const lib = path.join(dir, "lib");
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  env.LD_LIBRARY_PATH = [lib, ...(env.LD_LIBRARY_PATH ?? "").split(":").filter((p) => p && p !== lib)].join(":");
  env.FONTCONFIG_PATH = dir;
  return { source: `@sparticuz/chromium@${version}`, executablePath: exe, env };
}

/** Which Chromium to use, by the order at the top of this file. */
export async function findChromium(): Promise<ChromiumChoice> {
  const given = process.env.BAZAAR_CHROMIUM;
  if (given) {
    if (!executable(given)) throw new Error(`BAZAAR_CHROMIUM=${given} is not an executable file`);
    return { source: "BAZAAR_CHROMIUM", executablePath: given };
  }
  if (process.env.BAZAAR_NO_SYSTEM_CHROMIUM !== "1") {
    const system = systemChromium();
    if (system) return { source: "system", executablePath: system };
  }
  return bundledChromium();
}

/** Launches headless Chromium (see findChromium) with the flags every browser test uses. */
export async function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  const choice = await findChromium();
  return chromium.launch({ ...options, executablePath: choice.executablePath, args: [...CHROMIUM_FLAGS, ...(options.args ?? [])], ...(choice.env ? { env: { ...choice.env, ...options.env } } : {}) });
}

/**
 * Opens `url` in a new page, recording console errors and page errors, and requests that `isForeign`
 * says leave the page's own origin (by default anything not a file: URL).
 */
export async function openPage(browser: Browser, url: string, isForeign: (url: string) => boolean = (u) => !u.startsWith("file:")) {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  const errors: string[] = [];
  const requests: string[] = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("request", (r) => isForeign(r.url()) && requests.push(r.url()));
  await page.goto(url);
  return { page, errors, requests };
}
