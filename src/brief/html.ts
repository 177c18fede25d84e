/**
 * A brief as one self-contained HTML document: inline CSS and SVG charts, nothing loaded from
 * anywhere, laid out for A4 so that Chromium's print makes the PDF from the same page.
 */
import { type EventRef, formatEventRef } from "../analysis/index.ts";
import { fmtInt, plural } from "./cite.ts";
import { escapeXml as esc, renderChart } from "./svg.ts";
import type { Block, Brief, Citation, Figure } from "./types.ts";

const CSS = `
@page { size: A4; margin: 16mm 14mm; }
body { font: 10.5pt/1.45 Helvetica, Arial, sans-serif; color: #222; max-width: 60rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 18pt; margin: 0 0 .2rem; }
h2 { font-size: 13pt; border-bottom: 1px solid #ccc; padding-bottom: .15rem; margin-top: 1.4rem; break-after: avoid; }
h3 { font-size: 10.5pt; margin: .8rem 0 .3rem; }
.subtitle { color: #555; margin: 0 0 1rem; }
.simulated-note { color: #7e5109; }
ul.figures { list-style: none; padding: 0; }
ul.figures > li { margin: 0 0 .6rem; break-inside: avoid; }
.value { font-weight: 700; }
.cite { font-size: 8.5pt; color: #555; }
.cite code { font-size: 8pt; }
figure { margin: .8rem 0; break-inside: avoid; }
figcaption { font-size: 9pt; color: #444; }
table { border-collapse: collapse; font-size: 9pt; margin: .5rem 0; width: 100%; break-inside: auto; }
caption { text-align: left; font-style: italic; padding-bottom: .2rem; }
th, td { border: 1px solid #ccc; padding: .15rem .4rem; text-align: left; vertical-align: top; }
td.num { text-align: right; }
ul.events li { margin-bottom: .25rem; }
.note { font-style: italic; }
.sources li { font-size: 8.5pt; }
`;

function citation(c: Citation): string {
  if (c.eventIds.length === 0) return `<div class="cite">Behind it: no events.</div>`;
  const cited = c.cited.map((e) => esc(formatEventRef(e))).join("; ");
  const more = c.eventIds.length - c.cited.length;
  return `<div class="cite">Behind it: ${plural(c.eventIds.length, "event")} — ${cited}${
    more > 0 ? `; and ${fmtInt(more)} more` : ""
  }${c.query === null ? "" : `; all: <code>GET ${esc(c.query)}</code>`}</div>`;
}

function figure(f: Figure): string {
  return `<li><span class="label">${esc(f.label)}:</span> <span class="value">${esc(f.value)}</span> <span class="period">(${esc(f.period)})</span>${
    f.note ? `. ${esc(f.note)}` : ""
  }${f.citation === null ? "" : citation(f.citation)}</li>`;
}

function table(caption: string, head: readonly string[], rows: readonly string[][]): string {
  const numeric = (text: string) => /^[−+-]?[\d,.]+%?$/.test(text);
  return `<table><caption>${esc(caption)}</caption><thead><tr>${head
    .map((h) => `<th scope="col">${esc(h)}</th>`)
    .join("")}</tr></thead><tbody>${rows
    .map(
      (r) =>
        `<tr>${r.map((c) => `<td${numeric(c) ? ' class="num"' : ""}>${esc(c)}</td>`).join("")}</tr>`,
    )
    .join("")}</tbody></table>`;
}

function eventItem(e: EventRef & { note?: string }): string {
  return `<li>${e.note ? `<span class="note">${esc(e.note)}</span> ` : ""}${esc(formatEventRef(e))}${
    e.summary === null ? "" : ` — ${esc(e.summary)}`
  }</li>`;
}

function block(b: Block): string {
  switch (b.kind) {
    case "text":
      return `<p>${esc(b.text)}</p>`;
    case "figures":
      return `<ul class="figures">${b.items.map(figure).join("")}</ul>`;
    case "list":
      return `<ul>${b.items.map((i) => `<li>${esc(i)}</li>`).join("")}</ul>`;
    case "table":
      return table(b.caption, b.head, b.rows);
    case "chart":
      return `<figure>${renderChart(b.chart)}<figcaption>${esc(b.caption)}</figcaption></figure>`;
    case "events":
      return `<h3>${esc(b.title)}</h3><ul class="events">${b.items.map(eventItem).join("")}</ul>`;
  }
}

export function renderHtml(brief: Brief): string {
  const sections = brief.sections
    .map(
      (s) =>
        `<section id="${esc(s.id)}"><h2>${esc(s.title)}</h2>${s.blocks.map(block).join("\n")}</section>`,
    )
    .join("\n");
  const publishers = brief.publishers
    .map(
      (p) =>
        `<li><strong>${esc(p.name)}</strong> (${esc(p.url)})${p.isUsed ? "" : " — not in this brief's data"}. ${esc(p.citation)}</li>`,
    )
    .join("");
  const cited = brief.cited.map((e) => `<li>${esc(formatEventRef(e))}</li>`).join("");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(brief.title)}</title>
<style>${CSS}</style>
</head>
<body>
<header><h1>${esc(brief.title)}</h1><p class="subtitle">${esc(brief.subtitle)}</p></header>
<main>
${sections}
<section id="sources" class="sources"><h2>Sources</h2>
<p>Events cited in this brief (<code>#id date place, killed [dataset:native id]</code>); every figure names the request that lists all of its events.</p>
<ul>${cited}</ul>
<h3>Data publishers</h3><ul>${publishers}</ul>
<p>Compliance scores follow the Peace Accords Matrix scale (Joshi, Quinn &amp; Regan 2015, Journal of Peace Research 52(4)); event types are PLOVER categories.</p>
</section>
</main>
</body>
</html>
`;
}
