import * as Plot from "@observablehq/plot";
import { categoryColor } from "../colors.ts";
import { chartFigure, dataDetails, dataTable, errorNote, fill, h, loading } from "../dom.ts";
import { fmtInt, fmtPct, fmtPeriod } from "../format.ts";
import type { TrendsResult } from "../types.ts";
import type { OverviewScope } from "./overview.ts";

interface Month {
  period: string;
  date: Date;
  events: number;
  killed: number;
  crossBorder: number;
  byCategory: Map<string, number>;
}

/** Monthly totals from the by-category rows, with the cross-border counts beside them. */
function monthsOf(byCategory: TrendsResult, crossBorder: TrendsResult): Month[] {
  const months = new Map<string, Month>();
  const month = (period: string, start: string) => {
    let m = months.get(period);
    if (m === undefined) {
      m = {
        period,
        date: new Date(`${start}T00:00:00Z`),
        events: 0,
        killed: 0,
        crossBorder: 0,
        byCategory: new Map(),
      };
      months.set(period, m);
    }
    return m;
  };
  for (const row of byCategory.rows) {
    const m = month(row.period, row.start);
    m.events += row.events;
    m.killed += row.fatalities.best;
    const key = row.group ?? "unknown";
    m.byCategory.set(key, (m.byCategory.get(key) ?? 0) + row.events);
  }
  for (const row of crossBorder.rows) month(row.period, row.start).crossBorder += row.events;
  return [...months.values()].sort((a, b) => a.period.localeCompare(b.period));
}

function change(now: number, before: number | undefined): string {
  if (before === undefined) return "";
  if (before === 0) return now === 0 ? " (no change)" : " (none the month before)";
  const pct = Math.round(((now - before) / before) * 100);
  return ` (${pct >= 0 ? "+" : ""}${pct}% on the month before)`;
}

function share(m: Month): number | null {
  return m.events === 0 ? null : Math.min(1, m.crossBorder / m.events);
}

function headline(months: readonly Month[]): HTMLElement {
  const last = months.at(-1);
  const before = months.at(-2);
  if (last === undefined) return h("p", {}, "No events in this period.");
  const item = (label: string, value: string, note: string) =>
    h("li", {}, h("strong", {}, value), `${label}${note}`);
  return h(
    "ul",
    { class: "figures", "aria-label": `Figures for ${fmtPeriod(last.period)}` },
    item(
      `events in ${fmtPeriod(last.period)}`,
      fmtInt(last.events),
      change(last.events, before?.events),
    ),
    item("killed (best estimates)", fmtInt(last.killed), change(last.killed, before?.killed)),
    item("of events cross-border", fmtPct(share(last)), ""),
  );
}

function eventsChart(byCategory: TrendsResult, width: number, caption: string): Element {
  const rows = byCategory.rows.filter((r) => r.events > 0);
  const categories = [...new Set(rows.map((r) => r.group ?? "unknown"))].sort();
  return Plot.plot({
    width,
    height: 260,
    marginLeft: 48,
    ariaLabel: "Events per month by category",
    ariaDescription: caption,
    x: { type: "utc", label: null },
    y: { grid: true, label: "Events" },
    color: { domain: categories, range: categories.map(categoryColor), legend: true },
    marks: [
      Plot.rectY(rows, {
        x: (r: (typeof rows)[number]) => new Date(`${r.start}T00:00:00Z`),
        interval: "month",
        y: "events",
        fill: (r: (typeof rows)[number]) => r.group ?? "unknown",
        title: (r: (typeof rows)[number]) =>
          `${fmtPeriod(r.period)}, ${r.group ?? "unknown"}: ${r.events}`,
        inset: 0.5,
      }),
      Plot.ruleY([0]),
    ],
  });
}

function killedChart(months: readonly Month[], width: number, caption: string): Element {
  return Plot.plot({
    width,
    height: 180,
    marginLeft: 48,
    ariaLabel: "People killed per month",
    ariaDescription: caption,
    x: { type: "utc", label: null },
    y: { grid: true, label: "Killed" },
    marks: [
      Plot.rectY(months, {
        x: "date",
        interval: "month",
        y: "killed",
        fill: "#922b21",
        inset: 0.5,
        title: (m: Month) => `${fmtPeriod(m.period)}: ${m.killed} killed`,
      }),
      Plot.ruleY([0]),
    ],
  });
}

function shareChart(months: readonly Month[], width: number, caption: string): Element {
  const points = months.flatMap((m) => {
    const s = share(m);
    return s === null ? [] : [{ date: m.date, pct: s * 100, period: m.period }];
  });
  return Plot.plot({
    width,
    height: 160,
    marginLeft: 48,
    ariaLabel: "Cross-border share of events per month",
    ariaDescription: caption,
    x: { type: "utc", label: null },
    y: { grid: true, label: "Cross-border %", domain: [0, 100] },
    marks: [
      Plot.lineY(points, { x: "date", y: "pct", stroke: "#1f618d" }),
      Plot.dot(points, {
        x: "date",
        y: "pct",
        fill: "#1f618d",
        r: 3,
        title: (p: (typeof points)[number]) => `${fmtPeriod(p.period)}: ${p.pct.toFixed(0)}%`,
      }),
    ],
  });
}

function peak(months: readonly Month[], key: "events" | "killed"): Month | undefined {
  return months.reduce<Month | undefined>(
    (best, m) => (best === undefined || m[key] > best[key] ? m : best),
    undefined,
  );
}

/** "Rising tensions": events by category, fatalities and the cross-border share per month. */
export async function renderTrends(section: HTMLElement, scope: OverviewScope): Promise<void> {
  const body = h("div", {}, loading("trends"));
  section.append(body);
  try {
    const params = { unit: "month", from: scope.from, to: scope.asOf };
    const [byCategory, crossBorder] = await Promise.all([
      scope.get<TrendsResult>("/api/trends", { ...params, group: "category" }),
      scope.get<TrendsResult>("/api/crossborder", { ...params, latest: 8 }),
    ]);
    const months = monthsOf(byCategory, crossBorder);
    const width = Math.max(300, body.clientWidth || 900);
    const span =
      months.length === 0
        ? ""
        : `${fmtPeriod(months[0]?.period ?? "")} to ${fmtPeriod(months.at(-1)?.period ?? "")}`;
    const total = months.reduce((n, m) => n + m.events, 0);
    const killed = months.reduce((n, m) => n + m.killed, 0);
    const crossTotal = months.reduce((n, m) => n + m.crossBorder, 0);
    const top = peak(months, "events");
    const topKilled = peak(months, "killed");
    const categories = [...new Set(months.flatMap((m) => [...m.byCategory.keys()]))].sort();
    const eventsCaption = `Events per month by category, ${span}: ${fmtInt(total)} in all, the most in ${fmtPeriod(top?.period ?? "")} (${fmtInt(top?.events)}).`;
    const killedCaption = `People killed per month (best estimates), ${span}: ${fmtInt(killed)} in all, the most in ${fmtPeriod(topKilled?.period ?? "")} (${fmtInt(topKilled?.killed)}).`;
    const shareCaption = `Share of each month's events that crossed the border (attacks by groups based in the other state, strikes, clashes, closures): ${fmtPct(total === 0 ? null : crossTotal / total)} over the period.`;
    const table = dataTable(
      "Events, killed and cross-border events per month",
      ["Month", "Events", ...categories, "Killed", "Cross-border", "Share"],
      months.map((m) => [
        fmtPeriod(m.period),
        fmtInt(m.events),
        ...categories.map((c) => fmtInt(m.byCategory.get(c) ?? 0)),
        fmtInt(m.killed),
        fmtInt(m.crossBorder),
        fmtPct(share(m)),
      ]),
    );
    if (months.length === 0) {
      fill(body, h("p", {}, `No events between ${scope.from} and ${scope.asOf}.`));
      return;
    }
    fill(
      body,
      headline(months),
      chartFigure({
        id: "chart-events",
        title: "Events per month, by category",
        chart: eventsChart(byCategory, width, eventsCaption),
        caption: eventsCaption,
      }),
      h(
        "div",
        { class: "grid" },
        chartFigure({
          id: "chart-killed",
          title: "People killed per month",
          chart: killedChart(months, width / 2 - 16, killedCaption),
          caption: killedCaption,
        }),
        chartFigure({
          id: "chart-crossborder",
          title: "Cross-border share of events",
          chart: shareChart(months, width / 2 - 16, shareCaption),
          caption: shareCaption,
        }),
      ),
      dataDetails(table),
    );
  } catch (error) {
    fill(body, errorNote("trends", error));
  }
}
