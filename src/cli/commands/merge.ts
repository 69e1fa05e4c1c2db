import type { Command } from "commander";
import { mergeRunSets } from "../../runner/merge.ts";
import { toJson } from "../../runner/runset.ts";
import { formatSummary } from "../format.ts";
import type { Io } from "../io.ts";

export function registerMerge(program: Command, io: Io): void {
  program
    .command("merge")
    .description("combine shard run sets (from --shard K/N) into the unsharded result")
    .argument("<runsets...>", "shard run set folders")
    .requiredOption("--out <dir>", "folder for the merged run set")
    .option("--json", "print the merged summary.json on stdout")
    .action((dirs: string[], options: { out: string; json?: boolean }) => {
      const runSet = mergeRunSets(dirs, options.out, io.argv);
      if (options.json) io.out(toJson(runSet.summary));
      else io.out(formatSummary(runSet.summary, io.style) + "\n");
      io.err(`merged ${dirs.length} shards into ${io.relative(runSet.dir)}\n`);
    });
}
