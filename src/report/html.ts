// The self-contained report page: text, tables and inline SVG; styles inline; printable.
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export interface Section {
  title: string;
  /** Trusted HTML (built by the report from escaped text and rendered SVG). */
  body: string;
}

export function page(title: string, header: string, sections: Section[], footer: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
  body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d1d1f; max-width: 60rem; margin: 2rem auto; padding: 0 1.25rem; }
  h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { font-size: 1.2rem; margin-top: 2.2rem; border-bottom: 1px solid #ddd; }
  .question { font-size: 1.05rem; color: #444; }
  table { border-collapse: collapse; margin: .6rem 0; } td, th { padding: .25rem .7rem; border-bottom: 1px solid #eee; text-align: left; vertical-align: top; }
  td.num { text-align: right; font-variant-numeric: tabular-nums; }
  .chart { margin: .8rem 0; } .grid { display: flex; flex-wrap: wrap; gap: 1rem; }
  .verdict { font-weight: 600; } .muted { color: #666; font-size: .9rem; } code { font-size: .88em; }
  @media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } .chart, table { break-inside: avoid; } }
</style>
</head>
<body>
<header><h1>${escapeHtml(title)}</h1>${header}</header>
${sections.map((s) => `<section><h2>${escapeHtml(s.title)}</h2>\n${s.body}</section>`).join("\n")}
<p class="muted">${footer}</p>
</body>
</html>
`;
}
