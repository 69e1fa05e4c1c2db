#!/usr/bin/env node
import { processIo } from "./io.ts";
import { runCli } from "./program.ts";

const args = process.argv.slice(2);
const code = await runCli(args, processIo(["bazaar", ...args], () => {}));
process.exitCode = code;
