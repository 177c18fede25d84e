/**
 * Mechanism figures (the UNMOGIP lesson: a mechanism decays when one side stops filing or
 * answering): reports per party and month, share investigated, median days to a finding,
 * requests for information overdue per party. Computed over the reports the caller may read.
 */
import type { ReportStatus } from "./workflow.ts";

export interface ReportFact {
  filerParty: string | null;
  createdAt: string;
  status: ReportStatus;
  concludedAt: string | null;
}

export interface RequestFact {
  party: string;
  dueOn: string;
  askedAt: string;
  respondedAt: string | null;
}

export interface PartyFigures {
  /** A party's iso3, or "monitor" for reports a mediator filed. */
  party: string;
  filed: number;
  investigated: number;
  shareInvestigated: number | null;
  concluded: number;
  medianDaysToFinding: number | null;
  requests: number;
  /** Requests past their deadline with no response yet. */
  overdue: number;
  /** Requests answered after their deadline. */
  late: number;
}

export interface MechanismFigures {
  asOf: string;
  reportsPerMonth: { party: string; month: string; count: number }[];
  parties: PartyFigures[];
  overall: Omit<PartyFigures, "party">;
}

const MONITOR = "monitor";
const DAY_MS = 86_400_000;
const day = (iso: string) => iso.slice(0, 10);

function isInvestigated(status: ReportStatus): boolean {
  return status !== "submitted" && status !== "acknowledged";
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const m =
    sorted.length % 2 === 1
      ? (sorted[mid] ?? 0)
      : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return Math.round(m * 10) / 10;
}

function summarise(
  party: string,
  reports: readonly ReportFact[],
  requests: readonly RequestFact[],
  asOf: string,
): PartyFigures {
  const investigated = reports.filter((r) => isInvestigated(r.status)).length;
  const days = reports
    .filter((r) => r.concludedAt !== null)
    .map((r) => (Date.parse(r.concludedAt ?? "") - Date.parse(r.createdAt)) / DAY_MS);
  return {
    party,
    filed: reports.length,
    investigated,
    shareInvestigated:
      reports.length === 0 ? null : Math.round((investigated / reports.length) * 1000) / 1000,
    concluded: days.length,
    medianDaysToFinding: median(days),
    requests: requests.length,
    overdue: requests.filter((q) => q.respondedAt === null && q.dueOn < asOf).length,
    late: requests.filter((q) => q.respondedAt !== null && day(q.respondedAt) > q.dueOn).length,
  };
}

/**
 * The facts as they stood at the end of `asOf`: reports filed and requests asked by then, and
 * findings and answers only if given by then. (A report's status is its status now: whether it
 * had reached verification by `asOf` is not kept apart from the audit log.)
 */
function asOfDay(
  reports: readonly ReportFact[],
  requests: readonly RequestFact[],
  asOf: string,
): { reports: ReportFact[]; requests: RequestFact[] } {
  return {
    reports: reports
      .filter((r) => day(r.createdAt) <= asOf)
      .map((r) =>
        r.concludedAt !== null && day(r.concludedAt) > asOf ? { ...r, concludedAt: null } : r,
      ),
    requests: requests
      .filter((q) => day(q.askedAt) <= asOf)
      .map((q) =>
        q.respondedAt !== null && day(q.respondedAt) > asOf ? { ...q, respondedAt: null } : q,
      ),
  };
}

export function computeFigures(
  allReports: readonly ReportFact[],
  allRequests: readonly RequestFact[],
  options: { asOf: string; parties: readonly string[] },
): MechanismFigures {
  const { reports, requests } = asOfDay(allReports, allRequests, options.asOf);
  const partyOf = (r: ReportFact) => r.filerParty ?? MONITOR;
  const monthly = new Map<string, { party: string; month: string; count: number }>();
  for (const r of reports) {
    const key = `${partyOf(r)}|${r.createdAt.slice(0, 7)}`;
    const row = monthly.get(key) ?? { party: partyOf(r), month: r.createdAt.slice(0, 7), count: 0 };
    row.count++;
    monthly.set(key, row);
  }
  const names = [
    ...options.parties,
    ...(reports.some((r) => r.filerParty === null) ? [MONITOR] : []),
  ];
  const parties = names.map((party) =>
    summarise(
      party,
      reports.filter((r) => partyOf(r) === party),
      requests.filter((q) => q.party === party),
      options.asOf,
    ),
  );
  const { party: _all, ...overall } = summarise("all", reports, requests, options.asOf);
  return {
    asOf: options.asOf,
    reportsPerMonth: [...monthly.values()].sort(
      (a, b) => a.month.localeCompare(b.month) || a.party.localeCompare(b.party),
    ),
    parties,
    overall,
  };
}
