// The story of one run in plain sentences, from its trace entries.
import type { TraceEntry, TermValues } from "../engine/trace.ts";

const f = (x: number, digits = 3) => (Math.round(x * 10 ** digits) / 10 ** digits).toString();
const pct = (x: number) => `${(x * 100).toFixed(x < 0.01 ? 2 : 0)}%`;
const group = (ids: string[]) => ids.join(" + ");
const termText = (t: TermValues) => `power ${f(t.power)}, iran ${f(t.iran)}, base ${f(t.base)}, relations ${f(t.relations)} (total ${f(t.total)})`;

/** Sentences for every entry; choices where the actor stayed with near certainty are left out unless `all`. */
export function renderTrace(entries: TraceEntry[], all = false): string {
  const lines: string[] = [];
  for (const e of entries) {
    switch (e.kind) {
      case "assumptions":
        lines.push("Sampled assumptions:");
        for (const a of e.values) lines.push(`  ${a.path} = ${f(a.value)}`);
        if (e.values.length === 0) lines.push("  (none: every number is fixed)");
        break;
      case "round":
        lines.push("", `Round ${e.round}`);
        break;
      case "event":
        lines.push(`  Event: ${e.label} (${e.id}).`);
        break;
      case "choice": {
        const stay = e.options.find((o) => o.option === "stay");
        if (!all && e.chosen === "stay" && (stay?.probability ?? 1) > 0.99) break;
        const options = [...e.options].sort((a, b) => b.probability - a.probability).slice(0, 4);
        lines.push(`  ${e.actor} weighs ${options.map((o) => `${o.option} (utility ${f(o.utility)}, chance ${pct(o.probability)})`).join("; ")} → ${e.chosen}.`);
        break;
      }
      case "proposal": {
        const answers = e.answers.map((a) => `${a.member} ${a.gain > 0 ? "gains" : "loses"} ${f(Math.abs(a.gain))} (${a.yes ? "yes" : "no"})`).join(", ");
        lines.push(`  ${e.proposer} proposes to join ${group(e.to)}: ${answers} → ${e.accepted ? "accepted" : "refused"}.`);
        lines.push(`    ${e.proposer} now: ${termText(e.proposerTerms.now)}; if joined: ${termText(e.proposerTerms.joined)}.`);
        for (const a of e.answers) lines.push(`    ${a.member} without: ${termText(a.without)}; with: ${termText(a.with)}.`);
        break;
      }
      case "leave":
        lines.push(`  ${e.actor} leaves ${group(e.from)} to stand alone.`);
        break;
      case "vote": {
        const away = e.outsiders.filter((o) => o.attended === false || (typeof o.attended === "number" && o.attended < 0.5));
        lines.push(`  Vote on ${e.step} for ${group(e.coalition)} (premier ${e.pm}): ${f(e.present, 1)} seats present (quorum ${f(e.needed.quorum, 1)}), ${f(e.yes, 1)} yes (needed ${f(e.needed.yes, 1)}) → ${e.passed ? "passed" : "failed"}.`);
        if (away.length > 0) lines.push(`    Stayed away: ${away.map((o) => `${o.actor} (support ${f(o.support, 2)})`).join(", ")}.`);
        break;
      }
      case "formateur":
        lines.push(`  ${e.actor} is asked to form a government and proposes ${group(e.proposal)} → ${e.accepted ? "every member agrees" : "not every member agrees"}.`);
        break;
      case "hold":
        lines.push(`  ${group(e.coalition)} holds out for a broader package instead of calling the vote (standing ${f(e.standing, 2)}; chance of a vote ${pct(e.chance)}).`);
        break;
      case "offer":
        lines.push(`  ${group(e.government)} offers ${group(e.to)} a place in the government${e.price > 0 ? `, with ${f(e.price)} of office from the premier's share` : ""} → ${e.accepted ? "joins" : "the members refuse"}.`);
        break;
      case "government":
        lines.push(`  Government formed: ${group(e.coalition)}, premier ${e.pm}${e.how ? ` (${e.how})` : ""}.`);
        break;
      case "fall":
        lines.push(`  The government of ${group(e.coalition)} falls: ${e.reason}.`);
        break;
      case "outcome":
        lines.push("", `Outcome after ${e.rounds} rounds: ${e.label} (${e.id}), because ${e.because}.`);
        lines.push(`  Coalitions: ${e.coalitions.map(group).join(" | ")}.`);
        lines.push(`  Government: ${e.government ? `${group(e.government)}, premier ${e.pm}` : "none"}.`);
        break;
    }
  }
  return lines.join("\n");
}
