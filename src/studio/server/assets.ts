// The page's files, served from memory: the HTML shell, the stylesheet, and the client's TypeScript
// bundled by esbuild once per process (no CDN: everything the page loads comes from this server).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const clientDir = fileURLToPath(new URL("../client/", import.meta.url));

let script: Promise<string> | undefined;

export function clientScript(): Promise<string> {
  script ??= build({
    entryPoints: [`${clientDir}main.ts`],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: "es2020",
    minify: true,
    logLevel: "silent",
  }).then((r) => r.outputFiles[0].text, (e) => {
    script = undefined; // let the next request try again
    throw e;
  });
  return script;
}

export function stylesheet(): string {
  return readFileSync(`${clientDir}studio.css`, "utf8");
}

export function pageHtml(): string {
  return readFileSync(`${clientDir}index.html`, "utf8");
}
