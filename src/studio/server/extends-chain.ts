// The files a scenario is made of: itself and every base its `extends` names, nearest first. Files
// that cannot be read or parsed end the chain (loading reports them properly).
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseDocument, type Document } from "yaml";

const MAX_CHAIN = 16;

export function extendsChain(file: string): { file: string; doc: Document }[] {
  const chain: { file: string; doc: Document }[] = [];
  let current: string | undefined = path.resolve(file);
  while (current && !chain.some((c) => c.file === current) && chain.length < MAX_CHAIN) {
    let doc: Document;
    try {
      doc = parseDocument(readFileSync(current, "utf8"), { merge: false });
    } catch {
      break;
    }
    chain.push({ file: current, doc });
    const base = doc.get("extends");
    current = typeof base === "string" ? path.resolve(path.dirname(current), base) : undefined;
  }
  return chain;
}
