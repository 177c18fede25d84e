import * as Plot from "@observablehq/plot";
import { LEVEL_COLORS } from "../colors.ts";
import { chartFigure, dataDetails, dataTable, errorNote, fill, h, loading } from "../dom.ts";
import { addDays } from "../format.ts";
import type { EscalationDay, EscalationResponse } from "../types.ts";
import type { OverviewScope } from "./overview.ts";

const WINDOW_DAYS = 180;
/** Alerts of the last days count as open. */
const OPEN_DAYS = 30;

type Thresholds = EscalationResponse["thresholds"]["escalationIndex"];

function indexChart(
  days: readonly EscalationDay[],
  t: Thresholds,
  width: number,
  caption: string,
): Element {
  const series = days.flatMap((d) => {
    const date = new Date(`${d.date}T00:00:00Z`);
    return [
      { date, value: d.index7, series: "between the states" },
      { date, value: d.proxy7, series: "through armed groups (proxy)" },
    ];
  });
  const rules = [
    { level: "elevated", value: t.elevated },
    { level: "high", value: t.high },
    { level: "severe", value: t.severe },
  ];
  return Plot.plot({
    width,
    height: 220,
    marginLeft: 40,
    marginRight: 56,
    ariaLabel: "Escalation index, 7-day mean",
    ariaDescription: caption,
    x: { type: "utc", label: null },
    y: { grid: true, label: "Index (7-day mean)" },
    color: {
      domain: ["between the states", "through armed groups (proxy)"],
      range: ["#c0392b", "#7f8c8d"],
      legend: true,
    },
    marks: [
      Plot.ruleY(rules, {
        y: "value",
        stroke: (r: (typeof rules)[number]) => LEVEL_COLORS[r.level] ?? "#999",
        strokeDasharray: "4,3",
      }),
      Plot.text(rules, {
        y: "value",
        text: "level",
        frameAnchor: "right",
        dx: 52,
        fill: "#555",
        fontSize: 10,
      }),
      Plot.lineY(series, { x: "date", y: "value", stroke: "series" }),
      Plot.ruleY([0]),
    ],
  });
}

function rungChart(
  days: readonly EscalationDay[],
  rungs: number,
  width: number,
  caption: string,
): Element {
  const points = days.map((d) => ({ date: new Date(`${d.date}T00:00:00Z`), rung: d.rung30 }));
  return Plot.plot({
    width,
    height: 140,
    marginLeft: 40,
    ariaLabel: "Highest ladder rung in the previous 30 days",
    ariaDescription: caption,
    x: { type: "utc", label: null },
    y: { label: "Rung (30 days)", domain: [0, rungs], ticks: rungs + 1, grid: true },
    marks: [
      Plot.areaY(points, { x: "date", y: "rung", curve: "step-after", fill: "#f5b7b1" }),
      Plot.lineY(points, { x: "date", y: "rung", curve: "step-after", stroke: "#922b21" }),
    ],
  });
}

/** "Risk of escalation": the index over time, the rung reached and the open alerts. */
export async function renderEscalation(section: HTMLElement, scope: OverviewScope): Promise<void> {
  const body = h("div", {}, loading("the escalation index"));
  section.append(body);
  try {
    const esc = await scope.get<EscalationResponse>("/api/escalation", {
      asOf: scope.asOf,
      days: WINDOW_DAYS,
    });
    const { report, ladder, thresholds } = esc;
    const t = thresholds.escalationIndex;
    const latest = report.latest;
    const reach = report.highest.last30;
    const openSince = addDays(scope.asOf, 1 - OPEN_DAYS);
    const open = report.alerts
      .filter((a) => a.day >= openSince)
      .sort((a, b) => b.day.localeCompare(a.day));
    const width = Math.max(300, body.clientWidth || 600);
    const peak = report.days.reduce<EscalationDay | undefined>(
      (p, d) => (p === undefined || d.index7 > p.index7 ? d : p),
      undefined,
    );
    const caption = `Daily escalation index of ${report.pair.join(" and ")} (conflict weight of the day's events between them net of cooperation), 7-day mean, ${report.from} to ${report.asOf}: now ${latest?.index7 ?? 0}, peak ${peak?.index7 ?? 0} on ${peak?.date ?? "—"}. Through armed groups: now ${latest?.proxy7 ?? 0}. Thresholds: elevated ${t.elevated}, high ${t.high}, severe ${t.severe}.`;
    const rungCaption = `Highest rung of the ${ladder.length}-rung ladder reached in the 30 days up to each day; now ${latest?.rung30 ?? 0}.`;
    const table = dataTable(
      "Escalation by day (days with events)",
      ["Day", "Index", "7-day mean", "Proxy", "Proxy 7-day", "Rung (30 days)"],
      report.days
        .filter((d) => d.contributions.length > 0)
        .reverse()
        .map((d) => [
          d.date,
          String(d.index),
          String(d.index7),
          String(d.proxy),
          String(d.proxy7),
          String(d.rung30),
        ]),
    );
    fill(
      body,
      h(
        "p",
        { id: "escalation-level" },
        h(
          "span",
          { class: "badge", style: `background:${LEVEL_COLORS[report.level ?? ""] ?? "#e5e8e8"}` },
          report.level ?? "below elevated",
        ),
        ` 7-day mean index ${latest?.index7 ?? 0} (elevated ≥ ${t.elevated}, high ≥ ${t.high}, severe ≥ ${t.severe}).`,
      ),
      h(
        "p",
        { id: "escalation-rung" },
        reach === null
          ? "No rung of the escalation ladder reached in the last 30 days."
          : `Highest rung in the last 30 days: ${reach.rung} of ${ladder.length}, “${reach.name}”, last reached ${reach.date} (event ${reach.eventIds.map((id) => `#${id}`).join(", ")}).`,
      ),
      h(
        "ol",
        { class: "ladder", "aria-label": "Escalation ladder" },
        ...ladder.map((r) =>
          h(
            "li",
            {
              class: reach !== null && r.rung < reach.rung ? "reached" : null,
              "aria-current": reach?.rung === r.rung ? "step" : null,
            },
            r.name,
          ),
        ),
      ),
      chartFigure({
        id: "chart-escalation",
        title: "Escalation index",
        chart: indexChart(report.days, t, width, caption),
        caption,
      }),
      chartFigure({
        id: "chart-rung",
        title: "Ladder rung reached",
        chart: rungChart(report.days, ladder.length, width, rungCaption),
        caption: rungCaption,
      }),
      dataDetails(table),
      h("h3", {}, `Open alerts (${open.length}, last ${OPEN_DAYS} days)`),
      open.length === 0
        ? h("p", { class: "muted" }, "No alerts in the last 30 days.")
        : h(
            "ul",
            { id: "open-alerts" },
            ...open.map((a) =>
              h(
                "li",
                {},
                h(
                  "span",
                  { class: "badge", style: `background:${LEVEL_COLORS[a.level] ?? "#eee"}` },
                  a.level,
                ),
                ` ${a.day}: ${a.message}`,
              ),
            ),
          ),
    );
  } catch (error) {
    fill(body, errorNote("the escalation index", error));
  }
}
