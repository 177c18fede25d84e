/** A brief as Markdown: charts become their data tables and text alternatives. */
import { type EventRef, formatEventRef } from "../analysis/index.ts";
import { fmtInt, plural } from "./cite.ts";
import type { Block, Brief, Citation, Figure } from "./types.ts";

function cell(text: string): string {
  return text.replaceAll("|", "\\|").replaceAll("\n", " ");
}

function table(caption: string, head: readonly string[], rows: readonly string[][]): string[] {
  return [
    `*${caption}*`,
    "",
    `| ${head.map(cell).join(" | ")} |`,
    `| ${head.map(() => "---").join(" | ")} |`,
    ...rows.map((r) => `| ${r.map(cell).join(" | ")} |`),
  ];
}

export function citationText(c: Citation): string {
  if (c.eventIds.length === 0) return "no events";
  const cited = c.cited.map(formatEventRef).join("; ");
  const more = c.eventIds.length - c.cited.length;
  const rest = more > 0 ? `; and ${fmtInt(more)} more` : "";
  const query = c.query === null ? "" : `; all: \`GET ${c.query}\``;
  return `${plural(c.eventIds.length, "event")}: ${cited}${rest}${query}`;
}

function figure(f: Figure): string[] {
  const lines = [`- **${f.label}: ${f.value}** (${f.period})${f.note ? `. ${f.note}` : ""}`];
  if (f.citation !== null) lines.push(`  - Behind it: ${citationText(f.citation)}`);
  return lines;
}

function eventLine(e: EventRef & { note?: string }): string {
  const summary = e.summary === null ? "" : ` — ${e.summary}`;
  return `- ${e.note ? `*${e.note}* ` : ""}${formatEventRef(e)}${summary}`;
}

function block(b: Block): string[] {
  switch (b.kind) {
    case "text":
      return [b.text];
    case "figures":
      return b.items.flatMap(figure);
    case "list":
      return b.items.map((i) => `- ${i}`);
    case "table":
      return table(b.caption, b.head, b.rows);
    case "chart":
      return [
        `*Chart: ${b.chart.title}.* ${b.caption} ${b.chart.alt}`,
        "",
        ...table(
          `${b.chart.title} (data)`,
          ["", b.chart.unit],
          b.chart.kind === "line" && b.chart.points.length > 31
            ? b.chart.points
                .filter((_, i, all) => i % 7 === (all.length - 1) % 7)
                .map((p) => [p.label, p.value.toFixed(1)])
            : b.chart.points.map((p) => [p.label, fmtInt(p.value)]),
        ),
      ];
    case "events":
      return [`**${b.title}**`, "", ...b.items.map(eventLine)];
  }
}

export function renderMarkdown(brief: Brief): string {
  const lines = [`# ${brief.title}`, "", `_${brief.subtitle}_`, ""];
  for (const section of brief.sections) {
    lines.push(`## ${section.title}`, "");
    for (const b of section.blocks) lines.push(...block(b), "");
  }
  lines.push("## Sources", "");
  lines.push(
    "Events cited in this brief (`#id date place, killed [dataset:native id]`); every figure above names the request that lists all of its events.",
    "",
  );
  lines.push(...brief.cited.map((e) => `- ${formatEventRef(e)}`), "");
  lines.push("Data publishers:", "");
  for (const p of brief.publishers) {
    lines.push(
      `- **${p.name}** (${p.url})${p.isUsed ? "" : " — not in this brief's data"}. ${p.citation}`,
    );
  }
  lines.push(
    "",
    "Compliance scores follow the Peace Accords Matrix scale (Joshi, Quinn & Regan 2015, Journal of Peace Research 52(4)); event types are PLOVER categories.",
    "",
  );
  return lines.join("\n");
}
