#!/usr/bin/env node
// The `bazaar` command: registers tsx in this process and runs the TypeScript CLI, so there is one
// process (signals such as Ctrl-C reach the program itself, and nothing is left behind).
import { register } from "tsx/esm/api";

register();
await import("../src/cli/main.ts");
