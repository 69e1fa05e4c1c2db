import type { Command } from "commander";
import { loadScenarioFile } from "../../scenario/load.ts";
import { ScenarioError, type Problem } from "../../scenario/problems.ts";
import { toJson } from "../../runner/runset.ts";
import type { Io } from "../io.ts";
import { collect } from "../options.ts";

export function registerValidate(program: Command, io: Io): void {
  program
    .command("validate")
    .description("check scenario files; report every problem with file:line:column")
    .argument("<files...>", "scenario files")
    .option("--json", "print the results as JSON")
    .option("--set <path=value>", "validate with an override applied (repeatable)", collect, [])
    .action((files: string[], options: { json?: boolean; set: string[] }) => {
      const results = files.map((file) => {
        try {
          const loaded = loadScenarioFile(file, options.set);
          return { file, ok: true, sha256: loaded.sha256, problems: [] as Problem[] };
        } catch (e) {
          if (e instanceof ScenarioError) return { file, ok: false, problems: e.problems };
          throw e;
        }
      });
      if (options.json) io.out(toJson(results));
      for (const r of results) {
        if (r.ok && !options.json) io.out(`ok  ${r.file}\n`);
        if (!r.ok) io.err(new ScenarioError(r.problems).message + "\n");
      }
      if (results.some((r) => !r.ok)) io.exitCode(2);
    });
}
