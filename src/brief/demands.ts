/**
 * "What is demanded" and "Challenges ahead": each demand's 0–3 score per period with its
 * evidence, then the breaches and the gaps in evidence that limit what the scores can say.
 */
import { apiQuery, type EventIndex, fmtInt, plural, span } from "./cite.ts";
import type { Block, BriefDemand, BriefInput, Figure, Section } from "./types.ts";

function scoreOf(d: BriefDemand, scale: Record<number, string>): string {
  const o = d.override;
  if (o === null) return `${d.computed.score} ${d.computed.label}`;
  return `${o.score} ${scale[o.score] ?? ""} (analyst; computed ${d.computed.score})`;
}

function latestPeriod(input: BriefInput) {
  return input.demands.periods.at(-1);
}

function demandsQuery(input: BriefInput): string {
  return apiQuery("/api/demands", {
    unit: input.demands.unit,
    periods: input.demands.periods.length,
    asOf: input.demands.asOf,
  });
}

function scoreTable(input: BriefInput): Block {
  const periods = input.demands.periods;
  return {
    kind: "table",
    caption: `Compliance per ${input.demands.unit} on the Peace Accords Matrix scale (${Object.entries(
      input.demands.scale,
    )
      .map(([s, l]) => `${s} ${l}`)
      .join(", ")})`,
    head: [
      "Demand",
      ...periods.map((p) => (p.isComplete ? p.period : `${p.period} (to ${p.end})`)),
    ],
    rows: input.profile.demands.map((demand) => [
      demand.title,
      ...periods.map((p) => {
        const d = p.demands.find((x) => x.demandId === demand.id);
        return d === undefined
          ? "—"
          : `${scoreOf(d, input.demands.scale)}; +${d.progress.length} / −${d.breach.length}`;
      }),
    ]),
  };
}

function demandFigure(input: BriefInput, d: BriefDemand, index: EventIndex): Figure {
  index.add([...d.progress, ...d.breach]);
  const ids = [...d.progress, ...d.breach].map((e) => e.id);
  const stale = d.isOverrideStale
    ? " The analyst's override was made against another computed score."
    : "";
  const reason =
    d.override === null ? "" : ` Analyst ${d.override.author}: "${d.override.reason}".`;
  return {
    label: d.title,
    value: scoreOf(d, input.demands.scale),
    period: span(d.start, d.end),
    note: `${d.computed.basis}.${reason}${stale}`,
    citation: index.cite(ids, demandsQuery(input)),
  };
}

export function demandsSection(input: BriefInput, index: EventIndex): Section {
  const latest = latestPeriod(input);
  const [by] = input.profile.demands.map((d) => d.by);
  const party = (iso3: string | undefined) =>
    input.profile.parties.find((p) => p.iso3 === iso3)?.name ?? iso3 ?? "";
  const of = input.profile.demands[0]?.of;
  const blocks: Block[] = [
    {
      kind: "text",
      text: `${party(by)} demands of ${party(of)}: ${input.profile.demands.map((d) => d.title.toLowerCase()).join("; ")}. Each is scored from the events that count as progress or as breach under the profile's rules: 0 not initiated, 1 minimal, 2 intermediate, 3 full.`,
    },
    {
      kind: "list",
      items: input.profile.demands.map((d) => `${d.title}: ${d.description}`),
    },
  ];
  if (latest !== undefined) {
    blocks.push({
      kind: "figures",
      items: latest.demands.map((d) => demandFigure(input, d, index)),
    });
    blocks.push(scoreTable(input));
  } else {
    blocks.push({ kind: "text", text: "No period to assess." });
  }
  return { id: "demands", title: "What is demanded, and where each demand stands", blocks };
}

/** The data's gaps: months without events, periods without news data, data ending early. */
function evidenceGaps(input: BriefInput): string[] {
  const gaps: string[] = [];
  const range = input.dataRange;
  if (range === null) gaps.push("The store holds no events: every figure here is empty.");
  else if (range.last < input.to) {
    gaps.push(
      `The latest stored event is of ${range.last}: the period runs to ${input.to}, so its last days are not covered. Import newer data (frontier sync) before reading the last month as quiet.`,
    );
  }
  const empty = input.trends.rows.filter((r) => r.events === 0).map((r) => r.period);
  if (empty.length > 0) {
    gaps.push(
      `No events at all in ${empty.join(", ")}: a gap in the sources' coverage is more likely than calm.`,
    );
  }
  const latest = latestPeriod(input);
  for (const d of latest?.demands ?? []) {
    if (d.progress.length === 0 && d.breach.length === 0) {
      gaps.push(
        `${d.title}: no evidence either way in ${d.period}. Its score of 0 means nothing was recorded, which the datasets examined (${d.datasets.join(", ") || "none"}) may simply not cover.`,
      );
    }
  }
  const datasets = new Set((latest?.demands ?? []).flatMap((d) => d.datasets));
  if (latest !== undefined && !datasets.has("gdelt") && !datasets.has("text")) {
    gaps.push(
      `No news-coded data (GDELT or coded articles) in ${latest.period}: statements, arrests announced by officials, envoys summoned and talks are under-counted, and demands that depend on them score low for want of evidence.`,
    );
  }
  const stale = (latest?.demands ?? []).filter((d) => d.isOverrideStale);
  if (stale.length > 0) {
    gaps.push(
      `Analyst overrides to review: ${stale.map((d) => d.title).join(", ")} (the computed score has changed since).`,
    );
  }
  return gaps;
}

export function challengesSection(input: BriefInput, index: EventIndex): Section {
  const latest = latestPeriod(input);
  const breaches = (latest?.demands ?? []).filter((d) => d.breach.length > 0);
  const blocks: Block[] = [
    {
      kind: "text",
      text: `Implementing the demands is hard: capacity, political will, cross-border jurisdiction and the risk of escalation. The record shows it as breaches${latest === undefined ? "" : ` in ${latest.period}`}, and as gaps in what the data can show.`,
    },
  ];
  if (breaches.length === 0) {
    blocks.push({
      kind: "text",
      text: "No breach of any demand is recorded in the latest period.",
    });
  }
  for (const d of breaches) {
    const latestBreaches = [...d.breach].sort((a, b) => b.date.localeCompare(a.date)).slice(0, 3);
    index.note(latestBreaches);
    blocks.push({
      kind: "events",
      title: `${d.title}: ${plural(d.breach.length, "breach", "breaches")} in ${d.period} (latest ${latestBreaches.length})`,
      items: latestBreaches,
    });
  }
  const alerts = input.escalation.report.alerts;
  if (alerts.length > 0) {
    blocks.push({
      kind: "text",
      text: "Escalation alerts raised in the period (the latest five):",
    });
    blocks.push({
      kind: "list",
      items: alerts.slice(-5).map(
        (a) =>
          `${a.day} ${a.level}: ${a.message} (events ${a.eventIds
            .slice(0, 8)
            .map((id) => `#${id}`)
            .join(
              " ",
            )}${a.eventIds.length > 8 ? ` and ${fmtInt(a.eventIds.length - 8)} more` : ""})`,
      ),
    });
  }
  blocks.push({ kind: "text", text: "Gaps in the evidence:" });
  const gaps = evidenceGaps(input);
  blocks.push({ kind: "list", items: gaps.length > 0 ? gaps : ["None found in this period."] });
  return { id: "challenges", title: "Challenges: breaches and gaps in the evidence", blocks };
}
