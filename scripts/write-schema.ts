// Writes docs/scenario.schema.json from the zod schema (`npm run schema`); a test keeps it in sync.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { scenarioJsonSchema } from "../src/scenario/json-schema.ts";
import { toJson } from "../src/runner/runset.ts";
import { PACKAGE_ROOT } from "../src/version.ts";

const file = path.join(PACKAGE_ROOT, "docs", "scenario.schema.json");
writeFileSync(file, toJson(scenarioJsonSchema()));
console.log(`wrote ${path.relative(process.cwd(), file)}`);
