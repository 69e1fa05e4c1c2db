// Writes docs/scenarios.md from the shipped scenarios and fixed-seed runs (`npm run docs:scenarios`).
import path from "node:path";
import { writeFileAtomic } from "../src/runner/atomic.ts";
import { scenariosDoc } from "../src/report/scenarios-doc.ts";
import { PACKAGE_ROOT } from "../src/version.ts";

const file = path.join(PACKAGE_ROOT, "docs", "scenarios.md");
writeFileAtomic(file, await scenariosDoc(path.join(PACKAGE_ROOT, "scenarios")));
console.log(`wrote ${path.relative(process.cwd(), file)}`);
