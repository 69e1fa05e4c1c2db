// A discover folder, in the style of a run set: discover.json (the deterministic result) first, then
// manifest.json (provenance: command, source run set, timings, platform, and discover.json's sha256),
// so a folder whose manifest does not match is never read as a result.
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import * as z from "zod";
import { UserError } from "../scenario/problems.ts";
import { isTempFile, removeFile, writeFileAtomic } from "../runner/atomic.ts";
import { platformInfo, sha256, toJson, type Manifest } from "../runner/runset.ts";
import { parseSaved, readSaved, readSavedText } from "../runner/saved-shapes.ts";
import { VERSION } from "../version.ts";
import type { Discovery } from "./discover.ts";

export const DISCOVER_FILE = "discover.json";
const FOLDER_FILES = new Set([DISCOVER_FILE, "manifest.json", "report.html"]);

export interface DiscoverManifest {
  tool: "bazaar";
  kind: "discover";
  version: string;
  command: string[];
  source: { dir: string; manifest_sha256: string };
  timings: { started: string; finished: string; seconds: number };
  platform: Manifest["platform"];
  files: Record<string, { sha256: string }>;
}

/** Default folder: beside the run set, named after it and the outcome (runs/<run set>-discover-<outcome>). */
export function defaultDiscoverDir(runSetDir: string, outcome: string): string {
  const resolved = path.resolve(runSetDir);
  return path.join(path.dirname(resolved), `${path.basename(resolved)}-discover-${outcome}`);
}

/** Refuses a folder holding other files (an --out typo must not write among someone's documents). */
export function checkDiscoverFolder(dir: string): void {
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new UserError(`--out ${dir}: expected a folder, found a file`);
    names = readdirSync(dir);
  } catch (e) {
    if (e instanceof UserError) throw e;
    return; // absent: it will be created
  }
  const foreign = names.filter((n) => !FOLDER_FILES.has(n) && !isTempFile(n)).sort();
  if (foreign.length > 0) {
    throw new UserError(`${dir}: expected an empty folder or an earlier discover folder, found other files (${foreign.slice(0, 3).join(", ")}${foreign.length > 3 ? ", …" : ""}); choose another --out`);
  }
}

export function writeDiscoverFolder(dir: string, discovery: Discovery, provenance: { command: string[]; sourceDir: string; started: Date }): void {
  removeFile(path.join(dir, "manifest.json"));
  const text = toJson(discovery);
  writeFileAtomic(path.join(dir, DISCOVER_FILE), text);
  const seconds = (Date.now() - provenance.started.getTime()) / 1000;
  const manifest: DiscoverManifest = {
    tool: "bazaar",
    kind: "discover",
    version: VERSION,
    command: provenance.command,
    source: { dir: path.resolve(provenance.sourceDir), manifest_sha256: sha256(readSavedText(path.join(provenance.sourceDir, "manifest.json"), "run set")) },
    timings: { started: provenance.started.toISOString(), finished: new Date(provenance.started.getTime() + seconds * 1000).toISOString(), seconds: Math.round(seconds * 1000) / 1000 },
    platform: platformInfo(),
    files: { [DISCOVER_FILE]: { sha256: sha256(text) } },
  };
  writeFileAtomic(path.join(dir, "manifest.json"), toJson(manifest));
}

const Probability = z.number().min(0).max(1);
const RestrictionShape = z.union([
  z.object({ input: z.string(), kind: z.literal("range"), min: z.number().nullable(), max: z.number().nullable() }),
  z.object({ input: z.string(), kind: z.literal("set"), values: z.array(z.number()) }),
]);
const BoxShape = z.looseObject({ n: z.number().int().min(0), k: z.number().int().min(0), coverage: Probability, density: Probability, mass: Probability, restrictions: z.array(RestrictionShape) });

/** What the report relies on in discover.json. */
export const DiscoveryShape = z.looseObject({
  format: z.literal(1),
  tool: z.literal("bazaar"),
  run_set: z.looseObject({ name: z.string(), scenario: z.looseObject({ id: z.string(), title: z.string(), sha256: z.string() }), seed: z.number(), runs: z.number().int().min(1) }),
  outcome: z.looseObject({ id: z.string(), label: z.string(), count: z.number().int().min(0), base_rate: Probability }),
  parameters: z.looseObject({ alpha: z.number(), min_mass: z.number(), min_coverage: z.number() }),
  trajectory: z.array(BoxShape.extend({ index: z.number().int().min(0) })).min(1),
  chosen: z.object({ index: z.number().int().min(0), rule: z.string() }),
  pasting: z.array(BoxShape),
  pruned: z.looseObject({ max_p: z.number(), dropped: z.array(z.looseObject({ input: z.string() })), box: BoxShape.extend({ words: z.string() }) }),
  box: BoxShape.extend({
    words: z.string(),
    quasi_p: z.array(z.object({ input: z.string(), side: z.enum(["lower", "upper", "set"]), n: z.number(), k: z.number(), p: Probability })),
  }),
  bootstrap: z.looseObject({
    resamples: z.number().int().min(1),
    inputs: z.array(z.object({ input: z.string(), restricted: Probability, helps: Probability.nullable(), gain: z.number().nullable() })),
  }).nullable(),
});

const DISCOVERY = { shape: DiscoveryShape, what: "a bazaar discover result", container: "discover folder" };
const MANIFEST = { shape: z.looseObject({ tool: z.literal("bazaar"), kind: z.literal("discover"), files: z.record(z.string(), z.object({ sha256: z.string() })) }), what: "a bazaar discover manifest", container: "discover folder" };

export function isDiscoverFolder(dir: string): boolean {
  return existsSync(path.join(dir, DISCOVER_FILE));
}

/** Reads a discover folder, refusing it unless its manifest vouches for discover.json. */
export function readDiscoverFolder(dir: string): Discovery {
  const manifestFile = path.join(dir, "manifest.json");
  if (!existsSync(manifestFile)) throw new UserError(`${dir}: not a complete discover folder (no manifest.json)`);
  const manifest = readSaved(MANIFEST, manifestFile);
  const file = path.join(dir, DISCOVER_FILE);
  const text = readSavedText(file, "discover folder");
  const expected = manifest.files[DISCOVER_FILE]?.sha256;
  if (sha256(text) !== expected) throw new UserError(`${file}: expected sha256 ${expected ?? "(none listed)"} from manifest.json, found ${sha256(text)}: the discover folder is corrupt or incomplete`);
  const discovery = parseSaved(DISCOVERY, file, text) as unknown as Discovery;
  if (discovery.chosen.index >= discovery.trajectory.length) throw new UserError(`${file}: expected the chosen box on the trajectory, found box ${discovery.chosen.index} of ${discovery.trajectory.length}`);
  return discovery;
}
