import type { Command } from "commander";
import { scenarioJsonSchema } from "../../scenario/json-schema.ts";
import { toJson } from "../../runner/runset.ts";
import type { Io } from "../io.ts";

export function registerSchema(program: Command, io: Io): void {
  program
    .command("schema")
    .description("print the scenario format as JSON Schema (draft-07) for editors")
    .action(() => io.out(toJson(scenarioJsonSchema())));
}
