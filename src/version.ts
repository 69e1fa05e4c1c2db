import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

/** The package root (where package.json, scenarios/ and docs/ live). */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export const VERSION: string = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, "package.json"), "utf8")).version;

export const DEFAULT_SCENARIO = path.join(PACKAGE_ROOT, "scenarios", "maliki-sadr-2024.yaml");
