// The worker thread's code as one plain JavaScript bundle, built in memory by esbuild once per process.
// A thread started on the TypeScript sources would need the tsx loader, which compiles every module
// again in each thread (about a second of start-up on a 2-core machine) and keeps a loader thread
// competing with the workers for the cores.
import { buildSync } from "esbuild";
import { fileURLToPath } from "node:url";

const cached = new Map<string, string>();

/**
 * CommonJS source of a worker module (src/runner/worker.ts unless another is named) and everything it
 * imports, for `new Worker(source, { eval: true })`.
 */
export function workerSource(entry: URL = new URL("./worker.ts", import.meta.url)): string {
  const file = fileURLToPath(entry);
  let source = cached.get(file);
  if (source === undefined) {
    source = buildSync({
      entryPoints: [file],
      bundle: true,
      write: false,
      platform: "node",
      format: "cjs",
      target: "node20",
      logLevel: "silent",
    }).outputFiles[0].text;
    cached.set(file, source);
  }
  return source;
}
