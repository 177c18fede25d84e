/**
 * The dashboard's side of the verification API (/api/verify): the signed-in account, its CSRF
 * token for every state-changing request, and the shapes the API answers with. The session
 * itself is an HttpOnly cookie that scripts never see.
 *
 * Shapes and rules come straight from the files of src/verify, not its index: the index also
 * brings the password hashing (argon2), whose const enums the dashboard's type check refuses.
 */
import type { z } from "zod";
import type {
  accountView,
  auditView,
  evidenceView,
  publicSummaryView,
  reportListItem,
  reportView,
  requestView,
} from "../../src/verify/schemas.ts";
import { readJson } from "./api.ts";

export { ApiError } from "./api.ts";

export type Account = z.output<typeof accountView>;
export type ReportItem = z.output<typeof reportListItem>;
export type Report = z.output<typeof reportView>;
export type RequestItem = z.output<typeof requestView>;
export type EvidenceItem = z.output<typeof evidenceView>;
export type AuditItem = z.output<typeof auditView>;
export type PublicSummary = z.output<typeof publicSummaryView>;
export type { MechanismFigures } from "../../src/verify/figures.ts";
export { MARKINGS } from "../../src/verify/roles.ts";
export type { Outcome, ReportStatus } from "../../src/verify/workflow.ts";
export { isOpen, OUTCOMES, REPORT_STATUSES, statusLabel } from "../../src/verify/workflow.ts";

export const BASE = "/api/verify";

export interface Session {
  account: { id: string; name: string; role: Account["role"]; party: string | null };
  csrfToken: string | null;
}

let current: Session | null = null;

/** The account signed in on this tab, as last read; null for the public. */
export function session(): Session | null {
  return current;
}

/** Asks the server who this browser is signed in as (the cookie is sent on its own). */
export async function loadSession(): Promise<Session | null> {
  const response = await fetch(`${BASE}/session`, { headers: { accept: "application/json" } });
  // 401: a session cookie that no longer holds (expired, revoked, account disabled).
  if (response.status === 401) {
    current = null;
    return null;
  }
  const answer = await readJson<Session | { account: null }>(response);
  current = answer.account === null ? null : (answer as Session);
  return current;
}

export function get<T>(path: string): Promise<T> {
  return fetch(`${BASE}${path}`, { headers: { accept: "application/json" } }).then((r) =>
    readJson<T>(r),
  );
}

function headers(extra: Record<string, string>): Record<string, string> {
  const csrf = current?.csrfToken;
  return { accept: "application/json", ...(csrf ? { "x-csrf-token": csrf } : {}), ...extra };
}

/** A state-changing request: JSON in, JSON out, with the session's CSRF token. */
export async function post<T>(path: string, body: unknown = {}): Promise<T> {
  const response = await fetch(`${BASE}${path}`, {
    method: "POST",
    headers: headers({ "content-type": "application/json" }),
    body: JSON.stringify(body),
  });
  return readJson<T>(response);
}

export async function signIn(name: string, password: string): Promise<Session> {
  const result = await post<{ account: Account; csrfToken: string }>("/login", {
    name,
    password,
  });
  const { id, role, party } = result.account;
  current = {
    account: { id, name: result.account.name, role, party },
    csrfToken: result.csrfToken,
  };
  return current;
}

export async function signOut(): Promise<void> {
  try {
    await post("/logout");
  } finally {
    current = null;
  }
}

/** Sends a file's bytes as they are; the server types it by its content, not its name. */
export async function uploadEvidence(reportId: string, file: File): Promise<EvidenceItem> {
  const params = new URLSearchParams({ filename: file.name });
  const response = await fetch(
    `${BASE}/reports/${encodeURIComponent(reportId)}/evidence?${params}`,
    {
      method: "POST",
      headers: headers({ "content-type": "application/octet-stream" }),
      body: file,
    },
  );
  return readJson<EvidenceItem>(response);
}

/** Who reads a report of each marking (docs/verification.md). */
export const MARKING_HELP: Record<string, string> = {
  RED: "TLP:RED — you and the accounts you name (include at least one mediator)",
  AMBER: "TLP:AMBER — your party's liaisons and the mediators",
  GREEN: "TLP:GREEN — every member of the mechanism",
  CLEAR: "TLP:CLEAR — every member; the public reads a summary once published",
};
