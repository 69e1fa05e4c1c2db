// A variant file: `extends: <base>` and only what the overrides changed, written so that loading it
// gives exactly the scenario the overrides give (checked before anything is written).
import path from "node:path";
import { Document, isScalar, isSeq, visit } from "yaml";
import { mergeScenario, readWithBases } from "../../scenario/extends.ts";
import { itemKey } from "../../scenario/item-key.ts";
import { loadScenarioText, readScenarioText, scenarioHash, type LoadedScenario } from "../../scenario/load.ts";
import { parseOverride } from "../../scenario/overrides.ts";

type Plain = Record<string, unknown>;

/**
 * The text of a variant of `baseFile` saved as `variantFile` (in the same folder or below it), for
 * `edited` = the base with `overrides` applied. The variant keeps the base's meta: its resolved
 * scenario is the edited one, id included.
 */
export function variantYaml(baseFile: string, variantFile: string, edited: LoadedScenario, overrides: string[]): string {
  const raw = readWithBases(baseFile, readScenarioText).data;
  let patch: unknown = {};
  for (const text of overrides) patch = mergeScenario(patch, patchFor(parseOverride(text).path, edited.spec, raw));
  const extendsPath = path.relative(path.dirname(variantFile), baseFile).split(path.sep).join("/");
  const doc = new Document({ extends: extendsPath, ...(patch as Plain) });
  doc.commentBefore = header(baseFile, extendsPath, overrides);
  visit(doc, { Seq: (_, seq) => void (isSeq(seq) && seq.items.every(isScalar) && (seq.flow = true)) });
  const text = doc.toString({ lineWidth: 0 });
  const reloaded = loadScenarioText(variantFile, text);
  if (scenarioHash(reloaded.spec) !== scenarioHash(edited.spec)) {
    throw new Error(`the variant of ${baseFile} does not reproduce the overrides ${overrides.join(", ")}`);
  }
  return text;
}

/**
 * The smallest part of the edited scenario that sets `parts` when merged over the raw base: mappings
 * the base has are entered, list items are named by their key, and a list without keys (which
 * `extends` replaces whole) or a field the base leaves to its default is written in full.
 */
function patchFor(parts: string[], edited: unknown, raw: unknown): unknown {
  if (parts.length === 0) return edited;
  const [part, ...rest] = parts;
  if (Array.isArray(edited)) {
    const item = edited.find((x) => isPlain(x) && x.id === part) ?? edited[Number(part)];
    const key = itemKey(item);
    if (key === undefined) return edited;
    const rawItem = Array.isArray(raw) ? raw.find((x) => itemKey(x) === key) : undefined;
    return [{ ...keyFields(item as Plain), ...(rawItem === undefined ? (item as Plain) : (patchFor(rest, item, rawItem) as Plain)) }];
  }
  const value = (edited as Plain)[part];
  if (isPlain(raw) && Object.hasOwn(raw, part)) return { [part]: patchFor(rest, value, raw[part]) };
  // Absent from the file, present by default: a section of defaults merges field by field, but a
  // distribution must be given whole.
  const section = isPlain(value) && !("dist" in value);
  return { [part]: section ? patchFor(rest, value, undefined) : value };
}

function keyFields(item: Plain): Plain {
  if (typeof item.id === "string") return { id: item.id };
  if (Array.isArray(item.between)) return item.directed ? { between: item.between, directed: true } : { between: item.between };
  return { base: item.base, partner: item.partner };
}

function isPlain(x: unknown): x is Plain {
  return !!x && typeof x === "object" && !Array.isArray(x);
}

function header(baseFile: string, extendsPath: string, overrides: string[]): string {
  const schemaLine = readScenarioText(baseFile).split("\n")[0];
  const lines = [
    ...(schemaLine.startsWith("# yaml-language-server:") ? [schemaLine.slice(1)] : []),
    ` Variant of ${extendsPath}, saved by bazaar studio: it holds only what differs from the base.`,
    " The same assumptions on the command line:",
    `   bazaar run ${extendsPath} ${overrides.map((o) => `--set ${o}`).join(" ")}`,
  ];
  return lines.join("\n");
}
