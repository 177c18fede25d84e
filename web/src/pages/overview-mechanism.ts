import * as Plot from "@observablehq/plot";
import { chartFigure, dataTable, errorNote, fill, h, loading } from "../dom.ts";
import { fmtInt, fmtPct, fmtPeriod, partyLabel } from "../format.ts";
import type { MechanismFigures, MetaResponse } from "../types.ts";
import { loadSession, type Session } from "../verify-api.ts";
import type { OverviewScope } from "./overview.ts";

type PartyFigures = MechanismFigures["parties"][number];

/** `GET /api/verify/figures`: the figures, and the RED findings counted apart. */
type FiguresAnswer = MechanismFigures & { withheld: number; publishedAfter: number };

/** The figures' name for the reports the mediators filed themselves, and its colour. */
const MONITOR = "monitor";
const MONITOR_COLOR = "#7f8c8d";
const PARTY_COLORS = ["#1f618d", "#c0392b", "#d4a017", "#16a085", "#8e44ad"];

function fmtDays(days: number | null): string {
  return days === null ? "—" : String(days);
}

/** Whose figures these are: the API counts the reports the caller may read. */
function viewLine(s: Session | null, figures: MechanismFigures): HTMLElement {
  const link = (text: string) => h("a", { href: "#/verify" }, text);
  if (s !== null) {
    return h(
      "p",
      { class: "muted", id: "mechanism-view" },
      `Your view as ${s.account.name}: ${fmtInt(figures.overall.filed)} reports — those you may read, and the findings published. `,
      link("Open the Mechanism page"),
      " for the reports themselves.",
    );
  }
  return h(
    "p",
    { class: "muted", id: "mechanism-view" },
    "Published findings only — sign in on the ",
    link("Mechanism page"),
    " to count the reports you may read.",
  );
}

function monthChart(
  figures: MechanismFigures,
  names: readonly string[],
  options: { width: number; caption: string; name: (party: string) => string },
): Element {
  const data = figures.reportsPerMonth.map((r) => ({ ...r, name: options.name(r.party) }));
  const months = [...new Set(data.map((r) => r.month))].sort();
  const totals = new Map<string, number>();
  for (const r of data) totals.set(r.month, (totals.get(r.month) ?? 0) + r.count);
  const most = Math.max(1, ...totals.values());
  return Plot.plot({
    // A small chart: bars of a readable width, not one bar stretched across the card.
    width: Math.min(options.width, 160 + months.length * 56),
    height: 180,
    marginLeft: 40,
    ariaLabel: "Reports filed per month and party",
    ariaDescription: options.caption,
    x: { domain: months, tickFormat: fmtPeriod, label: null },
    // Whole reports: no more ticks than the tallest bar has reports.
    y: { grid: true, label: "Reports", ticks: Math.min(most, 5), tickFormat: "d" },
    color: {
      domain: names.map(options.name),
      range: names.map((n, i) =>
        n === MONITOR ? MONITOR_COLOR : (PARTY_COLORS[i % PARTY_COLORS.length] ?? MONITOR_COLOR),
      ),
      legend: true,
    },
    marks: [Plot.barY(data, { x: "month", y: "count", fill: "name" }), Plot.ruleY([0])],
  });
}

function partyRow(name: string, f: Omit<PartyFigures, "party">): string[] {
  return [
    name,
    fmtInt(f.filed),
    fmtPct(f.shareInvestigated),
    fmtDays(f.medianDaysToFinding),
    fmtInt(f.overdue),
    fmtInt(f.late),
  ];
}

function figuresBody(
  figures: MechanismFigures,
  options: { width: number; name: (party: string) => string },
): (HTMLElement | null)[] {
  const { name } = options;
  const names = figures.parties.map((p) => p.party);
  const perMonth = dataTable(
    "Reports filed per month and party",
    ["Month", "Party", "Reports"],
    figures.reportsPerMonth.map((r) => [fmtPeriod(r.month), name(r.party), fmtInt(r.count)]),
  );
  const first = figures.reportsPerMonth[0]?.month ?? "";
  const last = figures.reportsPerMonth.at(-1)?.month ?? "";
  const span =
    first === last ? `in ${fmtPeriod(first)}` : `${fmtPeriod(first)} to ${fmtPeriod(last)}`;
  const caption = `Reports filed per month by the filing party, ${span}: ${fmtInt(figures.overall.filed)} in all. ${figures.parties
    .map((p) => `${name(p.party)} ${fmtInt(p.filed)}`)
    .join(", ")}.`;
  const table = dataTable(
    `Reports and requests for information by party, as of ${figures.asOf}`,
    [
      "Party",
      "Reports filed",
      "Investigated",
      "Median days to finding",
      "Requests overdue",
      "Answered late",
    ],
    [...figures.parties.map((p) => partyRow(name(p.party), p)), partyRow("All", figures.overall)],
  );
  table.id = "mechanism-table";
  return [
    h("div", { class: "scroll" }, table),
    h(
      "p",
      { class: "muted" },
      `Investigated: the share of a party's reports the mediators took beyond acknowledging. Requests are counted against the party asked: overdue when past the deadline on ${figures.asOf} without a response, late when answered after it.`,
    ),
    chartFigure({
      id: "chart-mechanism",
      title: "Reports per month",
      chart: monthChart(figures, names, { ...options, caption }),
      caption,
      table: perMonth,
    }),
  ];
}

/**
 * "Monitoring and verification mechanism" (the UNMOGIP lesson: a mechanism decays when one
 * side stops filing or answering): reports per party and month, the share investigated, the
 * time to a finding and the requests left unanswered, over the reports the viewer may read.
 */
export async function renderMechanism(
  section: HTMLElement,
  scope: OverviewScope,
  options: { meta: MetaResponse; asOf: string },
): Promise<void> {
  const { meta, asOf } = options;
  const body = h("div", {}, loading("the mechanism figures"));
  section.append(body);
  try {
    // Who is asking first: a session that no longer holds is dropped by that answer, so the
    // figures are then asked as the public rather than refused.
    const s = await loadSession();
    const figures = await scope.get<FiguresAnswer>("/api/verify/figures", { asOf });
    const name = (party: string) => partyLabel(meta.profile.parties, party);
    const width = Math.max(300, body.clientWidth || 600);
    fill(
      body,
      viewLine(s, figures),
      figures.withheld === 0
        ? null
        : h(
            "p",
            { id: "mechanism-withheld" },
            `${fmtInt(figures.withheld)} published ${figures.withheld === 1 ? "finding" : "findings"} marked TLP:RED ${figures.withheld === 1 ? "is" : "are"} counted in no party's row: ${figures.withheld === 1 ? "its summary names" : "their summaries name"} no party and no filing day.`,
          ),
      figures.overall.filed > 0
        ? figuresBody(figures, { width, name })
        : figures.withheld > 0
          ? null
          : h(
              "p",
              { id: "mechanism-empty" },
              s === null
                ? `No finding had been published by ${asOf}: nothing to count.`
                : `No report you may read had been filed by ${asOf}: nothing to count.`,
            ),
    );
  } catch (error) {
    fill(body, errorNote("the mechanism figures", error));
  }
}
