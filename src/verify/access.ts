/**
 * Every access decision of the mechanism, in one place (STYLE.md, "Boundaries"). The API and
 * the CLI ask these functions; no route decides on its own. A report a principal may not read
 * is answered exactly like a missing one, so these return booleans, never reasons.
 */
import {
  isMechanismMember,
  type Marking,
  type Member,
  type Principal,
  type Role,
} from "./roles.ts";

/** What the sharing rules need to know about a report. */
export interface ReportShare {
  marking: Marking;
  filerId: string;
  /** The filer's party; null when a mediator filed it as a monitor. */
  filerParty: string | null;
  /** Account ids named as recipients (TLP:RED only). */
  recipients: readonly string[];
}

/**
 * TLP 2.0 as the mechanism applies it:
 * RED — the filer and the named recipients only;
 * AMBER — the filer's party and the mediators;
 * GREEN and CLEAR — all mechanism members (CLEAR reaches the public only as a published summary).
 */
export function canReadReport(p: Principal, report: ReportShare): boolean {
  if (!isMechanismMember(p)) return false;
  if (p.accountId === report.filerId) return true;
  switch (report.marking) {
    case "RED":
      return report.recipients.includes(p.accountId);
    case "AMBER":
      return p.role === "mediator" || (p.party !== null && p.party === report.filerParty);
    case "GREEN":
    case "CLEAR":
      return true;
    default:
      return assertNever(report.marking);
  }
}

/** Liaisons and mediators file reports; a mediator files as a monitor, for no party. */
export function canFileReport(p: Principal): boolean {
  return p.kind === "member" && (p.role === "liaison" || p.role === "mediator");
}

/** The filer's side adds evidence (the filer, its party's liaisons), and so do the mediators. */
export function canAddEvidence(p: Principal, report: ReportShare): boolean {
  if (p.kind !== "member" || !canReadReport(p, report)) return false;
  if (p.accountId === report.filerId || p.role === "mediator") return true;
  return p.role === "liaison" && p.party !== null && p.party === report.filerParty;
}

/** A request for information is answered by the liaisons of the party it is addressed to. */
export function canRespond(p: Principal, request: { party: string }): boolean {
  return p.kind === "member" && p.role === "liaison" && p.party === request.party;
}

/** Who sees a request: the readers of its report, and the party asked (without the report). */
export function canSeeRequest(
  p: Principal,
  request: { party: string },
  report: ReportShare,
): boolean {
  return canReadReport(p, report) || canRespond(p, request);
}

/** The whole audit chain, and accounts, are the admin's: they name every object's id. */
export function canReadAuditLog(p: Principal): boolean {
  return p.kind === "member" && p.role === "admin";
}

export function canManageAccounts(p: Principal): boolean {
  return p.kind === "member" && p.role === "admin";
}

export interface NewReportFacts {
  marking: Marking;
  against: string | null;
  commitment: string;
  /** The accounts named as recipients, as found in the store (unknown names are missing). */
  recipients: readonly { name: string; role: Role; disabled: boolean }[];
  recipientNames: readonly string[];
}

/** Why a new report cannot be filed as asked, or null. Messages name only what the filer sent. */
export function checkNewReport(
  filer: Member,
  report: NewReportFacts,
  context: { parties: readonly string[]; commitments: readonly string[] },
): string | null {
  if (!context.commitments.includes(report.commitment)) {
    return `commitment "${report.commitment}" is not one of: ${context.commitments.join(", ")}`;
  }
  if (report.against !== null) {
    if (!context.parties.includes(report.against)) {
      return `against "${report.against}" is not a party of the profile (${context.parties.join(", ")})`;
    }
    if (report.against === filer.party) return "a party does not file a report against itself";
  }
  if (report.marking !== "RED") {
    return report.recipientNames.length > 0
      ? "recipients are named only on a TLP:RED report"
      : null;
  }
  for (const name of report.recipientNames) {
    const found = report.recipients.find((r) => r.name === name);
    if (found === undefined || found.disabled || found.role === "analyst") {
      return `recipient "${name}" is not a member of the mechanism`;
    }
  }
  if (!report.recipients.some((r) => r.role === "mediator" && !r.disabled)) {
    return "a TLP:RED report names at least one mediator, or nobody could verify it";
  }
  return null;
}

function assertNever(value: never): never {
  throw new Error(`unhandled marking ${JSON.stringify(value)}`);
}
