// A control's label in the scenario's own words: "Sadrist Movement · seats · mode" rather than
// `actors.sadrists.seats.mode` (which the page shows too).
import type { ScenarioSpec } from "../../scenario/schema/scenario.ts";

/** A name for the item a path starts in, and how many path parts after [section, key] it covers. */
interface Head {
  name: string;
  covers: number;
}

const words = (parts: string[]) => parts.map((p) => (/^\d+$/.test(p) ? `#${Number(p) + 1}` : p.replace(/_/g, " ")));

export function labelFor(path: string[], spec: ScenarioSpec): string {
  const [section, key, ...rest] = path;
  const head = itemName(section, key, rest, spec);
  if (!head) return [sectionWord(section), ...words(path.slice(1))].join(" · ");
  return [head.name, ...words(rest.slice(head.covers))].join(" · ");
}

function itemName(section: string, key: string, rest: string[], spec: ScenarioSpec): Head | undefined {
  switch (section) {
    case "actors": {
      const actor = spec.actors.find((a) => a.id === key);
      return actor && { name: actor.name, covers: 0 };
    }
    case "events": {
      const event = spec.events.find((e) => e.id === key);
      if (!event) return undefined;
      const name = `Event “${event.label ?? event.id}”`;
      if (rest[0] !== "effects") return { name, covers: 0 };
      return { name: `${name} · effect ${Number(rest[1]) + 1}: ${effectTarget(event.effects[Number(rest[1])], rest[2])}`, covers: 3 };
    }
    case "drivers":
      return { name: `Driver ${key}`, covers: 0 };
    case "relations": {
      const pair = key === "pairs" ? spec.relations.pairs[Number(rest[0])] : undefined;
      return pair && { name: `Relation ${pair.between.join(pair.directed ? " → " : " – ")}`, covers: 1 };
    }
    case "sect_affinity": {
      const pair = key === "pairs" ? spec.sect_affinity.pairs[Number(rest[0])] : undefined;
      return pair && { name: `Sect affinity: ${pair.base} base on ${pair.partner} partners`, covers: 1 };
    }
    case "procedure":
      return key === "steps" ? { name: `Procedure step ${rest[0]}`, covers: 1 } : undefined;
    default:
      return undefined;
  }
}

function effectTarget(effect: object | undefined, kind: string): string {
  const target = (effect as Record<string, { between?: string[]; id?: string; actor?: string }> | undefined)?.[kind];
  const what = target?.between ? target.between.join(" – ") : target?.id ?? target?.actor ?? "";
  return `${kind.replace(/_/g, " ")} ${what}`.trim();
}

function sectionWord(section: string): string {
  const text = section.replace(/_/g, " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}
