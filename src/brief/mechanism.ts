/**
 * "Monitoring and verification mechanism": what the mechanism has published — reports per
 * filing party and month, how many were investigated and concluded and how fast, and whether
 * each party answered the mediators' requests in time (the UNMOGIP lesson: a mechanism decays
 * when one side stops filing or answering). Published findings only: a brief is public.
 */
import { fmtInt, plural, span } from "./cite.ts";
import type { Block, BriefInput, Section } from "./types.ts";

/** What the section reads of a brief's input (all it needs, so a test builds only this). */
export type MechanismInput = Pick<BriefInput, "from" | "mechanism"> & {
  profile: Pick<BriefInput["profile"], "parties">;
};

type Figures = BriefInput["mechanism"]["figures"];
type PartyRow = Figures["overall"];

/** `computeFigures` counts a mediator's own reports under this name. */
const MONITOR = "monitor";

function partyName(input: MechanismInput, party: string): string {
  if (party === MONITOR) return "Mediators (as monitor)";
  const known = input.profile.parties.find((p) => p.iso3 === party);
  return known === undefined ? party : `${known.name} (${party})`;
}

function share(value: number | null): string {
  return value === null ? "—" : `${Math.round(value * 100)}%`;
}

function days(value: number | null): string {
  return value === null ? "—" : String(value);
}

/** Every month from `first` to `last`, both YYYY-MM, both included. */
function monthsFrom(first: string, last: string): string[] {
  const months: string[] = [];
  const d = new Date(`${first}-01T00:00:00Z`);
  for (let m = first; m <= last; m = d.toISOString().slice(0, 7)) {
    months.push(m);
    d.setUTCMonth(d.getUTCMonth() + 1);
  }
  return months;
}

function partyTable(input: MechanismInput): Block {
  const { figures } = input.mechanism;
  const row = (label: string, f: PartyRow) => [
    label,
    fmtInt(f.filed),
    `${fmtInt(f.investigated)} (${share(f.shareInvestigated)})`,
    fmtInt(f.concluded),
    days(f.medianDaysToFinding),
    fmtInt(f.requests),
    fmtInt(f.overdue),
    fmtInt(f.late),
  ];
  return {
    kind: "table",
    caption: `Published reports by filing party, as of ${figures.asOf}; requests are the mediators' requests for information to each party on those reports`,
    head: [
      "Party",
      "Filed",
      "Investigated",
      "Concluded",
      "Median days to finding",
      "Requests",
      "Overdue",
      "Answered late",
    ],
    rows: [
      ...figures.parties.map((p) => row(partyName(input, p.party), p)),
      row("All", figures.overall),
    ],
  };
}

/** Filings per month of the period, zeros included (a month without a filing is a signal). */
function monthlyTable(input: MechanismInput): Block {
  const { figures } = input.mechanism;
  const first = input.from.slice(0, 7);
  const last = figures.asOf.slice(0, 7);
  const inPeriod = figures.reportsPerMonth.filter((r) => r.month >= first && r.month <= last);
  const start = inPeriod[0]?.month;
  if (start === undefined) {
    return {
      kind: "text",
      text: `None of the published reports was filed in ${span(input.from, figures.asOf)}.`,
    };
  }
  const parties = figures.parties.map((p) => p.party);
  const count = (month: string, party?: string) =>
    inPeriod
      .filter((r) => r.month === month && (party === undefined || r.party === party))
      .reduce((sum, r) => sum + r.count, 0);
  return {
    kind: "table",
    caption: `Published reports per month of filing, ${span(input.from, figures.asOf)}, from the first month with one`,
    head: ["Month", ...parties.map((p) => partyName(input, p)), "All"],
    rows: monthsFrom(start, last).map((m) => [
      m,
      ...parties.map((p) => fmtInt(count(m, p))),
      fmtInt(count(m)),
    ]),
  };
}

function summary(input: MechanismInput): string {
  const { figures } = input.mechanism;
  const o = figures.overall;
  const speed =
    o.medianDaysToFinding === null
      ? ""
      : `, a median of ${plural(o.medianDaysToFinding, "day")} from filing to finding`;
  const silent = figures.parties
    .filter((p) => p.overdue > 0)
    .map((p) => `${partyName(input, p.party)} left ${plural(p.overdue, "request")} unanswered`);
  const overdue =
    silent.length === 0
      ? ""
      : ` Past their deadline, ${silent.join("; ")} (as of ${figures.asOf}).`;
  return `By ${figures.asOf} the mechanism had published ${plural(o.filed, "finding")}${speed}.${overdue} These figures count published findings only, as anyone may: reports still being verified, or kept within the mechanism by their marking, are not counted.`;
}

function laterNote(input: MechanismInput): Block[] {
  const n = input.mechanism.publishedAfter;
  if (n === 0) return [];
  const text = `${plural(n, "finding")} published after ${input.mechanism.figures.asOf} ${n === 1 ? "is" : "are"} not counted here; a brief ending later includes ${n === 1 ? "it" : "them"}.`;
  return [{ kind: "text", text }];
}

/** RED findings are public as bare outcomes: counted, never given a party or a month. */
function withheldNote(input: MechanismInput): Block[] {
  const n = input.mechanism.withheld;
  if (n === 0) return [];
  const text = `${plural(n, "published finding")} marked TLP:RED ${n === 1 ? "is" : "are"} counted here alone: ${n === 1 ? "its summary names" : "their summaries name"} no party and no filing day, so ${n === 1 ? "it is" : "they are"} in no party's or month's figures.`;
  return [{ kind: "text", text }];
}

export function mechanismSection(input: MechanismInput): Section {
  const title = "Monitoring and verification mechanism";
  if (input.mechanism.figures.overall.filed === 0 && input.mechanism.withheld > 0) {
    return { id: "mechanism", title, blocks: [...withheldNote(input), ...laterNote(input)] };
  }
  if (input.mechanism.figures.overall.filed === 0) {
    const none =
      input.mechanism.publishedAfter === 0
        ? "No findings have been published yet"
        : `No findings had been published by ${input.mechanism.figures.asOf}`;
    const text = `${none}. The mechanism's figures in a brief count published findings only: reports still being verified, or kept within the mechanism by their marking, are not counted.`;
    return { id: "mechanism", title, blocks: [{ kind: "text", text }, ...laterNote(input)] };
  }
  return {
    id: "mechanism",
    title,
    blocks: [
      { kind: "text", text: summary(input) },
      ...withheldNote(input),
      ...laterNote(input),
      partyTable(input),
      monthlyTable(input),
    ],
  };
}
