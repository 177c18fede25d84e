/**
 * "Rising tensions, rising attacks" and "Why this matters": the trend of events and deaths,
 * the cross-border share, the categories, and the escalation figures behind the risk.
 */
import type { TrendRow } from "../analysis/index.ts";
import { apiQuery, type EventIndex, fmtInt, fmtPct, killed, plural, span } from "./cite.ts";
import type { Block, BriefInput, Figure, Section } from "./types.ts";

function trendsQuery(input: BriefInput, extra: Record<string, string> = {}) {
  return apiQuery("/api/trends", {
    unit: "month",
    from: input.from,
    to: input.to,
    explain: "true",
    ...extra,
  });
}

function direction(pct: number | null, delta: number): string {
  if (delta === 0) return "unchanged";
  const word = delta > 0 ? "up" : "down";
  return pct === null ? `${word} from none` : `${word} ${fmtPct(pct)}`;
}

function latestRow(rows: readonly TrendRow[]): TrendRow | undefined {
  return rows.at(-1);
}

function trendSentence(input: BriefInput): string {
  const all = input.trends.rows;
  const last = latestRow(all);
  if (last === undefined) return "No events are stored for this period.";
  // Months before the first event are a gap in coverage, not calm: the trend starts after them.
  const firstData = all.findIndex((r) => r.events > 0);
  const rows = firstData <= 0 ? all : all.slice(firstData);
  const coverage =
    firstData > 0
      ? ` The stored data starts in ${rows[0]?.period}: the trend is read from then on.`
      : "";
  const firstHalf = rows.slice(0, Math.floor(rows.length / 2));
  const secondHalf = rows.slice(Math.floor(rows.length / 2));
  const mean = (list: readonly TrendRow[]) =>
    list.length === 0 ? 0 : list.reduce((s, r) => s + r.events, 0) / list.length;
  const [before, after] = [mean(firstHalf), mean(secondHalf)];
  const verdict =
    rows.length < 2
      ? "one month is too short to call a trend"
      : after > before * 1.15
        ? "violence is rising"
        : after < before * 0.85
          ? "violence is falling"
          : "violence is roughly level";
  return `Over ${plural(rows.length, "month")} (${span(rows[0]?.start ?? input.from, input.to)}) ${verdict}: ${fmtInt(Math.round(after))} events a month in the second half against ${fmtInt(Math.round(before))} in the first. In ${last.period} there were ${plural(last.events, "event")} (${direction(last.vsPrevious.eventsChangePct, last.vsPrevious.eventsChange)} on ${last.vsPrevious.period}, ${direction(last.vsYearBefore.eventsChangePct, last.vsYearBefore.eventsChange)} on ${last.vsYearBefore.period}) and ${fmtInt(last.fatalities.best)} people were reported killed.${coverage}`;
}

function trendFigures(input: BriefInput, index: EventIndex): Figure[] {
  const { rows, totals } = input.trends;
  const all = rows.flatMap((r) => r.eventIds ?? []);
  const period = span(input.from, input.to);
  const figures: Figure[] = [
    {
      label: "Events",
      value: fmtInt(totals.events),
      period,
      citation: index.cite(all, trendsQuery(input)),
    },
    {
      label: "People killed, best estimate (low–high)",
      value: killed(totals),
      period,
      note: `${plural(totals.withFatalities, "event")} carry an estimate; news-coded events (GDELT) carry none`,
      citation: index.cite(all, trendsQuery(input)),
    },
  ];
  const last = latestRow(rows);
  if (last !== undefined) {
    figures.push({
      label: `Events in ${last.period}`,
      value: fmtInt(last.events),
      period: span(last.start, last.end),
      note: `${last.vsPrevious.period}: ${fmtInt(last.vsPrevious.events)}; ${last.vsYearBefore.period}: ${fmtInt(last.vsYearBefore.events)}`,
      citation: index.cite(
        last.eventIds ?? [],
        apiQuery("/api/trends", { unit: "month", from: last.start, to: last.end, explain: "true" }),
      ),
    });
  }
  const cross = input.crossBorder.totals.events;
  const crossIds = input.crossBorder.rows.flatMap((r) => r.eventIds ?? []);
  figures.push({
    label:
      "Cross-border events (attacks by groups based across the border, strikes, clashes, closures)",
    value: `${fmtInt(cross)}${totals.events > 0 ? ` (${((100 * cross) / totals.events).toFixed(1)}% of all events)` : ""}`,
    period,
    citation: index.cite(
      crossIds,
      apiQuery("/api/crossborder", {
        unit: "month",
        from: input.from,
        to: input.to,
        explain: "true",
      }),
    ),
  });
  return figures;
}

function trendCharts(input: BriefInput): Block[] {
  const rows = input.trends.rows;
  if (rows.length === 0) return [];
  const peak = rows.reduce((m, r) => (r.events > m.events ? r : m));
  const table = {
    kind: "table" as const,
    caption: "Events and people killed per month",
    head: ["Month", "Events", "Killed (best)", "vs previous month", "vs a year before"],
    rows: rows.map((r) => [
      r.period,
      fmtInt(r.events),
      fmtInt(r.fatalities.best),
      fmtPct(r.vsPrevious.eventsChangePct),
      fmtPct(r.vsYearBefore.eventsChangePct),
    ]),
  };
  return [
    {
      kind: "chart",
      caption: `Events per month, ${span(input.from, input.to)}; the highest is ${peak.period} with ${fmtInt(peak.events)}.`,
      chart: {
        kind: "bars",
        title: "Events per month",
        alt: `Bar chart of events per month from ${rows[0]?.period} to ${rows.at(-1)?.period}; highest ${peak.period} (${fmtInt(peak.events)}). The table below holds the figures.`,
        unit: "events",
        points: rows.map((r) => ({ label: r.period, value: r.events })),
      },
    },
    {
      kind: "chart",
      caption: "People killed per month (best estimates).",
      chart: {
        kind: "bars",
        title: "People killed per month",
        alt: "Bar chart of people killed per month (best estimates); the table below holds the figures.",
        unit: "killed",
        points: rows.map((r) => ({ label: r.period, value: r.fatalities.best })),
      },
    },
    table,
  ];
}

export function situationSection(input: BriefInput, index: EventIndex): Section {
  return {
    id: "situation",
    title: "Rising tensions: the situation and the trend",
    blocks: [
      { kind: "text", text: trendSentence(input) },
      { kind: "figures", items: trendFigures(input, index) },
      ...trendCharts(input),
    ],
  };
}

function categoryTable(input: BriefInput): Block | null {
  const totals = new Map<string, { events: number; killed: number }>();
  for (const r of input.categories.rows) {
    const key = r.group ?? "(none)";
    const t = totals.get(key) ?? { events: 0, killed: 0 };
    t.events += r.events;
    t.killed += r.fatalities.best;
    totals.set(key, t);
  }
  if (totals.size === 0) return null;
  const sorted = [...totals.entries()].sort((a, b) => b[1].events - a[1].events);
  return {
    kind: "table",
    caption: `Events by kind (PLOVER category), ${span(input.from, input.to)}`,
    head: ["Category", "Events", "Killed (best)"],
    rows: sorted.map(([k, t]) => [k, fmtInt(t.events), fmtInt(t.killed)]),
  };
}

function crossBorderTable(input: BriefInput): Block | null {
  const totals = new Map<string, number>();
  for (const r of input.crossBorder.rows) {
    if (r.group === null) continue;
    totals.set(r.group, (totals.get(r.group) ?? 0) + r.events);
  }
  if (totals.size === 0) return null;
  return {
    kind: "table",
    caption:
      "Cross-border events by kind and direction (FROM->TO: where the actor is based -> where it happened)",
    head: ["Kind and direction", "Events"],
    rows: [...totals.entries()].sort((a, b) => b[1] - a[1]).map(([k, n]) => [k, fmtInt(n)]),
  };
}

function escalationFigures(input: BriefInput, index: EventIndex): Figure[] {
  const { report } = input.escalation;
  const latest = report.latest;
  const figures: Figure[] = [];
  if (latest !== null) {
    const t = input.profile.thresholds;
    figures.push({
      label: `Escalation index between the states ${report.pair.join(" and ")}, 7-day mean on ${latest.date}`,
      value: `${latest.index7.toFixed(1)} (${report.level ?? "below elevated"})`,
      period: span(report.days.at(-7)?.date ?? latest.date, latest.date),
      note: `bands: elevated ≥ ${t.elevated}, high ≥ ${t.high}, severe ≥ ${t.severe}`,
      citation: index.cite(
        report.days
          .slice(-7)
          .flatMap((d) =>
            d.contributions
              .filter((c) => c.relation === "state" && c.value !== 0)
              .map((c) => c.eventId),
          ),
        apiQuery("/api/escalation", {
          asOf: report.asOf,
          days: report.days.length,
          explain: "true",
        }),
      ),
    });
  }
  const reach = report.highest.last30;
  figures.push({
    label: "Highest rung of the escalation ladder reached in the last 30 days",
    value:
      reach === null
        ? "none"
        : `${reach.rung} of ${input.profile.ladder.length}: ${reach.name} (${reach.date})`,
    period: span(report.days.at(-30)?.date ?? report.from, report.asOf),
    citation:
      reach === null
        ? null
        : index.cite(
            reach.eventIds,
            apiQuery("/api/escalation", { asOf: report.asOf, days: 30, explain: "true" }),
          ),
  });
  return figures;
}

function escalationChart(input: BriefInput): Block | null {
  const { report } = input.escalation;
  if (report.days.length === 0) return null;
  const t = input.profile.thresholds;
  const max = report.days.reduce((m, d) => (d.index7 > m.index7 ? d : m));
  return {
    kind: "chart",
    caption: `Escalation index (7-day mean), ${span(report.from, report.asOf)}; highest ${max.index7.toFixed(1)} on ${max.date}.`,
    chart: {
      kind: "line",
      title: "Escalation index, 7-day mean",
      alt: `Line chart of the daily escalation index's 7-day mean from ${report.from} to ${report.asOf}, highest ${max.index7.toFixed(1)} on ${max.date}, against the thresholds elevated ${t.elevated}, high ${t.high}, severe ${t.severe}.`,
      unit: "index",
      points: report.days.map((d) => ({ label: d.date, value: d.index7 })),
      rules: [
        { label: "elevated", value: t.elevated },
        { label: "high", value: t.high },
        { label: "severe", value: t.severe },
      ],
    },
  };
}

export function mattersSection(input: BriefInput, index: EventIndex): Section {
  const blocks: Block[] = [
    {
      kind: "text",
      text: "National security and sovereignty are at stake when attacks come from across the border; these are the figures behind that claim, and behind the risk that pressure turns into clashes between the two states.",
    },
    { kind: "figures", items: escalationFigures(input, index) },
  ];
  for (const block of [categoryTable(input), crossBorderTable(input), escalationChart(input)]) {
    if (block !== null) blocks.push(block);
  }
  return { id: "why-it-matters", title: "Why this matters: the figures", blocks };
}
