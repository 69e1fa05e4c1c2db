import { statSync } from "node:fs";
import os from "node:os";
import type { Command } from "commander";
import { UserError } from "../../scenario/problems.ts";
import { openBrowser } from "../../studio/server/open-browser.ts";
import { DEFAULT_SCENARIO } from "../../version.ts";
import { parseCount, parseWhole } from "../options.ts";
import type { Io } from "../io.ts";

export const DEFAULT_STUDIO_PORT = 8150;

interface StudioOptions {
  port?: number;
  host: string;
  open: boolean;
  workers: number;
}

export function registerStudio(program: Command, io: Io): void {
  program
    .command("studio")
    .description("a local web app to tweak assumptions and compare distributions, with the command line's numbers (127.0.0.1, token in the URL)")
    .argument("[scenario]", "scenario file", DEFAULT_SCENARIO)
    .option("--port <n>", `port to listen on (default ${DEFAULT_STUDIO_PORT}, or a free one if that is taken; 0: any free port)`, parsePort)
    .option("--host <h>", "interface to listen on; anything but 127.0.0.1 lets other machines reach the studio (the token still guards it)", "127.0.0.1")
    .option("--no-open", "do not open a browser")
    .option("--workers <w>", "worker threads for batches (results do not depend on it)", parseCount("--workers", 256), os.availableParallelism())
    .action(async (scenario: string, options: StudioOptions) => {
      checkScenarioFile(scenario);
      const { startStudio } = await import("../../studio/server/server.ts"); // loaded only when the studio starts
      const studio = await startStudio({ scenario, host: options.host, port: options.port ?? DEFAULT_STUDIO_PORT, workers: options.workers })
        .catch((e) => (options.port === undefined ? startStudio({ scenario, host: options.host, port: 0, workers: options.workers }) : Promise.reject(e)));
      io.out(`${studio.url}\n`);
      if (!["127.0.0.1", "localhost", "::1"].includes(options.host)) io.err(`warning: listening on ${options.host}: other machines can reach the studio; anyone with the address above (token included) can run batches and write files under runs/ and the scenario's folder\n`);
      io.err(`bazaar studio: open the address above${options.open && openBrowser(studio.url) ? " (opening your browser)" : ""}; Ctrl-C stops it\n`);
      await untilStopped();
      await studio.close();
    });
}

function parsePort(text: string): number {
  const port = parseWhole("--port", text);
  if (port > 65535) throw new UserError(`--port: expected a whole number between 0 and 65535, found ${text}`);
  return port;
}

function checkScenarioFile(file: string): void {
  let isFile = false;
  try {
    isFile = statSync(file).isFile();
  } catch {
    throw new UserError(`${file}: no such scenario file`);
  }
  if (!isFile) throw new UserError(`${file}: expected a scenario file, found a folder or device`);
}

function untilStopped(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve();
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}
