// The scenario the studio works on: loaded, turned into controls, and watched on disk. A file that
// stops validating keeps the last good scenario's controls on the page beside the validator's
// messages; batches wait until the file validates again.
import { watch, type FSWatcher } from "node:fs";
import path from "node:path";
import { loadScenarioFile, type LoadedScenario } from "../../scenario/load.ts";
import { ScenarioError } from "../../scenario/problems.ts";
import type { Control, ProblemView, ScenarioView } from "../protocol.ts";
import { problemView } from "./problem-view.ts";
import { commentFinder } from "./comments.ts";
import { controlsOf } from "./controls.ts";
import { extendsChain } from "./extends-chain.ts";
import { HttpError } from "./http-error.ts";
import { shown } from "./commands.ts";

/** Editors save in bursts (truncate, write, rename): wait for the burst to end before reloading. */
const SETTLE_MS = 120;

export class Workspace {
  file: string;
  version = 0;
  private loaded?: LoadedScenario;
  private controls: Control[] = [];
  private problems: ProblemView[] | null = null;
  private watchers: FSWatcher[] = [];
  private timer?: NodeJS.Timeout;
  private readonly listeners = new Set<(version: number) => void>();

  constructor(file: string) {
    this.file = path.resolve(file);
    this.reload();
    this.watchFiles();
  }

  /** The scenario to run: the file as it is now, or a 409 naming the problems while it does not validate. */
  current(): LoadedScenario {
    if (this.problems || !this.loaded) {
      throw new HttpError(409, `${shown(this.file)} does not validate; fix it (the page lists the problems) and try again`, this.problems ?? undefined);
    }
    return this.loaded;
  }

  view(): ScenarioView {
    const spec = this.loaded?.spec;
    return {
      file: shown(this.file),
      version: this.version,
      scenario: spec ? {
        id: spec.meta.id, title: spec.meta.title, question: spec.meta.question, asOf: spec.meta.as_of, sha256: this.loaded!.sha256,
        outcomes: spec.outcomes.map((o) => ({ id: o.id, label: o.label, ...(o.description ? { description: o.description } : {}) })),
      } : null,
      controls: this.controls,
      problems: this.problems,
    };
  }

  /** Works on another file from now on (a saved variant). */
  open(file: string): void {
    this.file = path.resolve(file);
    this.loaded = undefined;
    this.reload();
    this.watchFiles();
  }

  onChange(listener: (version: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  reload(): void {
    try {
      const loaded = loadScenarioFile(this.file);
      this.loaded = loaded;
      this.controls = controlsOf(loaded.spec, commentFinder(this.file));
      this.problems = null;
    } catch (e) {
      // Whatever goes wrong, the server keeps serving and the page says why.
      const problems = e instanceof ScenarioError ? e.problems : [{ file: this.file, path: [], message: `cannot load the scenario: ${(e as Error).message}` }];
      this.problems = problems.map(problemView);
    }
    this.version++;
    for (const listener of this.listeners) listener(this.version);
  }

  close(): void {
    clearTimeout(this.timer);
    for (const w of this.watchers) w.close();
    this.watchers = [];
  }

  /** Watches the folders of the file and its bases: editors often replace a file, which ends a watch on the file itself. */
  private watchFiles(): void {
    this.close();
    const files = new Set([this.file, ...extendsChain(this.file).map((c) => c.file)]);
    const folders = new Set([...files].map((f) => path.dirname(f)));
    for (const folder of folders) {
      try {
        const watcher = watch(folder, (_event, name) => {
          if (name === null || files.has(path.join(folder, name.toString()))) this.scheduleReload();
        });
        watcher.on("error", () => watcher.close());
        this.watchers.push(watcher);
      } catch {
        // A folder that cannot be watched: the page still works, edits need a restart.
      }
    }
  }

  private scheduleReload(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.reload();
      this.watchFiles(); // the chain of bases may have changed
    }, SETTLE_MS);
  }
}
