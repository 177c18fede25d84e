/**
 * SQL of the verification mechanism: reports, requests for information, evidence files.
 * Every function that changes a row appends its audit entry through `appendAudit` on the
 * same `tx`, so no caller can forget it: pass the transaction (`db.transaction(tx => …)`)
 * that holds the change. Decisions (who may, which status comes next) are made by
 * `verify/` before these are called. Accounts, sessions and tokens: `verify-accounts.ts`.
 */
import { digestText } from "../domain/audit/canonical.ts";
import type { Finding, PublicSummary } from "../verify/redact.ts";
import type { Marking } from "../verify/roles.ts";
import type { Outcome, ReportStatus } from "../verify/workflow.ts";
import { appendAudit } from "./audit.ts";
import type { Sql } from "./db.ts";

// ---- reports --------------------------------------------------------------------------

export interface ReportRow {
  id: string;
  filerId: string;
  filerName: string;
  filerParty: string | null;
  against: string | null;
  marking: Marking;
  recipients: string[];
  recipientNames: string[];
  status: ReportStatus;
  outcome: Outcome | null;
  title: string;
  description: string;
  occurredOn: string;
  place: { name: string | null; lat: number | null; lon: number | null };
  eventIds: number[];
  commitment: string;
  persons: string[];
  finding: Finding | null;
  summary: PublicSummary | null;
  createdAt: string;
  updatedAt: string;
  concludedAt: string | null;
  publishedAt: string | null;
}

interface ReportRecord {
  id: string;
  filer_id: string;
  filer_name: string;
  filer_party: string | null;
  against: string | null;
  marking: Marking;
  recipients: string[];
  recipient_names: string[];
  status: ReportStatus;
  outcome: Outcome | null;
  title: string;
  description: string;
  occurred_on: string;
  place_name: string | null;
  lat: number | null;
  lon: number | null;
  event_ids: (number | string)[];
  counted_event_ids: (number | string)[];
  commitment: string;
  persons: string[];
  finding: Finding | null;
  summary: PublicSummary | null;
  created_at: string;
  updated_at: string;
  concluded_at: string | null;
  published_at: string | null;
}

function toReport(r: ReportRecord): ReportRow {
  return {
    id: r.id,
    filerId: r.filer_id,
    filerName: r.filer_name,
    filerParty: r.filer_party,
    against: r.against,
    marking: r.marking,
    recipients: r.recipients,
    recipientNames: r.recipient_names,
    status: r.status,
    outcome: r.outcome,
    title: r.title,
    description: r.description,
    occurredOn: r.occurred_on,
    place: { name: r.place_name, lat: r.lat, lon: r.lon },
    // int8[] comes back as strings from `pg` (only scalar int8 has a shared parser).
    eventIds: r.counted_event_ids.map(Number),
    commitment: r.commitment,
    persons: r.persons,
    finding: r.finding,
    summary: r.summary,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    concludedAt: r.concluded_at,
    publishedAt: r.published_at,
  };
}

// A party may cite a record event that reconciliation later merged into a cluster event
// (docs/reconcile.md): the report keeps the ids as given, and reads them as the events they are
// counted as now, `coalesce(merged_into, id)`, in the order given and each once. Resolving on
// read, not on insert, survives a cluster being dissolved or renumbered by a later run.
const REPORT_SELECT = `SELECT r.*, a.name AS filer_name,
  array(SELECT x.name FROM accounts x WHERE x.id = ANY(r.recipients) ORDER BY x.name) AS recipient_names,
  array(SELECT coalesce(e.merged_into, g.id)
        FROM unnest(r.event_ids) WITH ORDINALITY AS g(id, n) LEFT JOIN events e ON e.id = g.id
        GROUP BY 1 ORDER BY min(g.n)) AS counted_event_ids
  FROM reports r JOIN accounts a ON a.id = r.filer_id`;

export type NewReportRow = Omit<
  ReportRow,
  | "filerName"
  | "recipientNames"
  | "status"
  | "outcome"
  | "finding"
  | "summary"
  | "updatedAt"
  | "concludedAt"
  | "publishedAt"
>;

/** The report's free text goes into the audit log as digests: the log is not a second copy. */
function reportDigest(r: NewReportRow) {
  return {
    marking: r.marking,
    filerParty: r.filerParty,
    against: r.against,
    recipients: r.recipients,
    commitment: r.commitment,
    occurredOn: r.occurredOn,
    eventIds: r.eventIds,
    title: digestText(r.title),
    description: digestText(r.description),
    place: digestText(JSON.stringify(r.place)),
    persons: digestText(JSON.stringify(r.persons)),
  };
}

export async function insertReport(tx: Sql, actor: string, r: NewReportRow): Promise<void> {
  await tx.query(
    `INSERT INTO reports (id, filer_id, filer_party, against, marking, recipients, status, title,
       description, occurred_on, place_name, lat, lon, event_ids, commitment, persons,
       created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6::text[], 'submitted', $7, $8, $9, $10, $11, $12, $13::bigint[],
       $14, $15::text[], $16, $16)`,
    [
      r.id,
      r.filerId,
      r.filerParty,
      r.against,
      r.marking,
      r.recipients,
      r.title,
      r.description,
      r.occurredOn,
      r.place.name,
      r.place.lat,
      r.place.lon,
      r.eventIds,
      r.commitment,
      r.persons,
      r.createdAt,
    ],
  );
  await appendAudit(tx, {
    actor,
    action: "report.filed",
    object: { type: "report", id: r.id },
    reportId: r.id,
    change: { status: "submitted", ...reportDigest(r) },
    at: new Date(r.createdAt),
  });
}

/** One report; `forUpdate` locks its row until the transaction ends (status changes). */
export async function getReport(
  db: Sql,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<ReportRow | null> {
  const lock = options.forUpdate ? " FOR UPDATE OF r" : "";
  const [row] = await db.query<ReportRecord>(`${REPORT_SELECT} WHERE r.id = $1${lock}`, [id]);
  return row ? toReport(row) : null;
}

/**
 * Every report, or those whose title or text holds `q` (a plain substring, never a pattern).
 * The access rules of `verify/` filter the result: there is one rule, not a SQL copy of it.
 */
export async function listReports(db: Sql, filter: { q?: string } = {}): Promise<ReportRow[]> {
  const q = filter.q?.trim();
  const rows = q
    ? await db.query<ReportRecord>(
        `${REPORT_SELECT} WHERE strpos(lower(r.title || ' ' || r.description), lower($1)) > 0
         ORDER BY r.created_at DESC, r.id`,
        [q],
      )
    : await db.query<ReportRecord>(`${REPORT_SELECT} ORDER BY r.created_at DESC, r.id`);
  return rows.map(toReport);
}

export interface StatusChange {
  actor: string;
  id: string;
  status: ReportStatus;
  outcome?: Outcome;
  finding?: Finding;
  summary?: PublicSummary;
  /** For the audit entry: what the action was (`acknowledge`, `conclude`, …). */
  action: string;
  at: string;
}

export async function changeReportStatus(tx: Sql, change: StatusChange): Promise<void> {
  const { actor, id } = change;
  const concluded = change.outcome !== undefined;
  const published = change.summary !== undefined;
  await tx.query(
    `UPDATE reports SET status = $2, updated_at = $3,
       outcome = coalesce($4, outcome), finding = coalesce($5::jsonb, finding),
       concluded_at = CASE WHEN $6 THEN $3::timestamptz ELSE concluded_at END,
       summary = coalesce($7::jsonb, summary),
       published_at = CASE WHEN $8 THEN $3::timestamptz ELSE published_at END
     WHERE id = $1`,
    [
      id,
      change.status,
      change.at,
      change.outcome ?? null,
      change.finding ? JSON.stringify(change.finding) : null,
      concluded,
      change.summary ? JSON.stringify(change.summary) : null,
      published,
    ],
  );
  const finding = change.finding;
  await appendAudit(tx, {
    actor,
    action: `report.${change.action}`,
    object: { type: "report", id },
    reportId: id,
    change: {
      status: change.status,
      outcome: change.outcome,
      finding: finding && {
        facts: digestText(finding.facts),
        attribution: digestText(finding.attribution),
        breachedCommitment: finding.breachedCommitment,
        measure: digestText(finding.measure),
      },
      // The summary is public once published, so it is logged as it is.
      summary: change.summary,
    },
    at: new Date(change.at),
  });
}

/** Published summaries, newest first: what the public may read. */
export async function listPublished(db: Sql): Promise<PublicSummary[]> {
  const rows = await db.query<{ summary: PublicSummary }>(
    `SELECT summary FROM reports WHERE status = 'published' AND summary IS NOT NULL
     ORDER BY published_at DESC, id`,
  );
  return rows.map((r) => r.summary);
}

export async function getPublished(db: Sql, id: string): Promise<PublicSummary | null> {
  const [row] = await db.query<{ summary: PublicSummary }>(
    "SELECT summary FROM reports WHERE id = $1 AND status = 'published' AND summary IS NOT NULL",
    [id],
  );
  return row?.summary ?? null;
}

/**
 * Which of these event ids exist, for linking a report to events. A record event merged into a
 * cluster event still exists (and is read back as its cluster, see REPORT_SELECT).
 */
export async function existingEventIds(db: Sql, ids: readonly number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await db.query<{ id: number }>(
    "SELECT id FROM events WHERE id = ANY($1::bigint[])",
    [ids],
  );
  return rows.map((r) => Number(r.id));
}

// ---- requests for information -------------------------------------------------------

export interface RequestRow {
  id: string;
  reportId: string;
  party: string;
  question: string;
  dueOn: string;
  askedAt: string;
  response: string | null;
  respondedAt: string | null;
}

const REQUEST = `id, report_id AS "reportId", party, question, due_on AS "dueOn",
  asked_at AS "askedAt", response, responded_at AS "respondedAt"`;

export async function insertRequest(
  tx: Sql,
  actor: { id: string; name: string },
  request: Omit<RequestRow, "response" | "respondedAt">,
): Promise<void> {
  await tx.query(
    `INSERT INTO information_requests (id, report_id, party, question, due_on, asked_by, asked_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      request.id,
      request.reportId,
      request.party,
      request.question,
      request.dueOn,
      actor.id,
      request.askedAt,
    ],
  );
  await appendAudit(tx, {
    actor: actor.name,
    action: "request.asked",
    object: { type: "information_request", id: request.id },
    reportId: request.reportId,
    change: { party: request.party, dueOn: request.dueOn, question: digestText(request.question) },
    at: new Date(request.askedAt),
  });
}

export async function getRequest(
  db: Sql,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<RequestRow | null> {
  const lock = options.forUpdate ? " FOR UPDATE" : "";
  const [row] = await db.query<RequestRow>(
    `SELECT ${REQUEST} FROM information_requests WHERE id = $1${lock}`,
    [id],
  );
  return row ?? null;
}

/** Requests of some reports, or addressed to a party, or every one (both filters null). */
export async function listRequests(
  db: Sql,
  filter: { reportId?: string; party?: string } = {},
): Promise<RequestRow[]> {
  return db.query<RequestRow>(
    `SELECT ${REQUEST} FROM information_requests
     WHERE ($1::text IS NULL OR report_id = $1) AND ($2::text IS NULL OR party = $2)
     ORDER BY asked_at, id`,
    [filter.reportId ?? null, filter.party ?? null],
  );
}

export async function answerRequest(
  tx: Sql,
  actor: { id: string; name: string },
  answer: { id: string; reportId: string; response: string; at: string },
): Promise<void> {
  await tx.query(
    `UPDATE information_requests SET response = $2, responded_by = $3, responded_at = $4
     WHERE id = $1`,
    [answer.id, answer.response, actor.id, answer.at],
  );
  await appendAudit(tx, {
    actor: actor.name,
    action: "request.answered",
    object: { type: "information_request", id: answer.id },
    reportId: answer.reportId,
    change: { response: digestText(answer.response) },
    at: new Date(answer.at),
  });
}

// ---- evidence -----------------------------------------------------------------------

export interface EvidenceRow {
  id: string;
  reportId: string;
  sha256: string;
  filename: string;
  mediaType: string;
  size: number;
  addedAt: string;
}

const EVIDENCE = `id, report_id AS "reportId", sha256, filename, media_type AS "mediaType", size,
  added_at AS "addedAt"`;

export async function insertEvidence(
  tx: Sql,
  actor: { id: string; name: string },
  file: EvidenceRow & { bytes: Uint8Array },
): Promise<void> {
  await tx.query(
    `INSERT INTO evidence_blobs (sha256, size, bytes) VALUES ($1, $2, $3)
     ON CONFLICT (sha256) DO NOTHING`,
    [file.sha256, file.size, file.bytes],
  );
  await tx.query(
    `INSERT INTO evidence_files (id, report_id, sha256, filename, media_type, size, added_by, added_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      file.id,
      file.reportId,
      file.sha256,
      file.filename,
      file.mediaType,
      file.size,
      actor.id,
      file.addedAt,
    ],
  );
  await appendAudit(tx, {
    actor: actor.name,
    action: "evidence.added",
    object: { type: "evidence", id: file.id },
    reportId: file.reportId,
    change: {
      sha256: file.sha256,
      size: file.size,
      mediaType: file.mediaType,
      filename: digestText(file.filename),
    },
    at: new Date(file.addedAt),
  });
}

export async function listEvidence(db: Sql, reportId: string): Promise<EvidenceRow[]> {
  return db.query<EvidenceRow>(
    `SELECT ${EVIDENCE} FROM evidence_files WHERE report_id = $1 ORDER BY added_at, id`,
    [reportId],
  );
}

export async function getEvidence(db: Sql, id: string): Promise<EvidenceRow | null> {
  const [row] = await db.query<EvidenceRow>(
    `SELECT ${EVIDENCE} FROM evidence_files WHERE id = $1`,
    [id],
  );
  return row ?? null;
}

export async function evidenceBytes(db: Sql, sha256: string): Promise<Buffer | null> {
  const [row] = await db.query<{ bytes: Uint8Array }>(
    "SELECT bytes FROM evidence_blobs WHERE sha256 = $1",
    [sha256],
  );
  return row ? Buffer.from(row.bytes) : null;
}
