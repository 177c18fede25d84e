/**
 * The life of an incident report as one pure function (STYLE.md, "Boundaries"):
 * submitted → acknowledged → under verification (requests for information and the other
 * party's responses) → verified / partly verified / not verified / inconclusive → published.
 */
import type { Role } from "./roles.ts";

export const OUTCOMES = ["verified", "partly_verified", "not_verified", "inconclusive"] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const REPORT_STATUSES = [
  "submitted",
  "acknowledged",
  "under_verification",
  ...OUTCOMES,
  "published",
] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export type ReportAction =
  | { type: "acknowledge" }
  | { type: "start_verification" }
  | { type: "request_information" }
  | { type: "respond" }
  | { type: "conclude"; outcome: Outcome }
  | { type: "publish" };

export type Transition =
  | { ok: true; next: ReportStatus }
  | { ok: false; code: "FORBIDDEN" | "INVALID_TRANSITION"; reason: string };

const LABELS: Record<ReportStatus, string> = {
  submitted: "submitted",
  acknowledged: "acknowledged",
  under_verification: "under verification",
  verified: "verified",
  partly_verified: "partly verified",
  not_verified: "not verified",
  inconclusive: "inconclusive",
  published: "published",
};

export function statusLabel(status: ReportStatus): string {
  return LABELS[status];
}

/** True while evidence may still be added: before the mediators conclude. */
export function isOpen(status: ReportStatus): boolean {
  return status === "submitted" || status === "acknowledged" || status === "under_verification";
}

function refuse(code: "FORBIDDEN" | "INVALID_TRANSITION", reason: string): Transition {
  return { ok: false, code, reason };
}

function step(
  state: ReportStatus,
  from: readonly ReportStatus[],
  next: ReportStatus,
  verb: string,
): Transition {
  if (from.includes(state)) return { ok: true, next };
  const allowed = from.map(statusLabel).join(" or ");
  return refuse(
    "INVALID_TRANSITION",
    `cannot ${verb} a report that is ${statusLabel(state)}: only one that is ${allowed}`,
  );
}

/**
 * The next status of a report, or why not. The role is checked first, so a party liaison
 * learns nothing about the state of a workflow step it may not take.
 */
export function transition(state: ReportStatus, action: ReportAction, role: Role): Transition {
  if (action.type === "respond") {
    if (role !== "liaison") return refuse("FORBIDDEN", "only a party liaison responds");
  } else if (role !== "mediator") {
    return refuse("FORBIDDEN", `only a mediator may ${action.type.replace("_", " ")} a report`);
  }
  switch (action.type) {
    case "acknowledge":
      return step(state, ["submitted"], "acknowledged", "acknowledge");
    case "start_verification":
      return step(state, ["acknowledged"], "under_verification", "start verifying");
    case "request_information":
      return step(state, ["under_verification"], "under_verification", "request information on");
    case "respond":
      return step(state, ["under_verification"], "under_verification", "respond to");
    case "conclude":
      return step(state, ["under_verification"], action.outcome, "conclude");
    case "publish":
      return step(state, OUTCOMES, "published", "publish");
    default:
      return assertNever(action);
  }
}

function assertNever(value: never): never {
  throw new Error(`unhandled report action ${JSON.stringify(value)}`);
}
