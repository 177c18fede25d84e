/**
 * The audit log: one wrapper, `appendAudit`, that every change calls inside its own
 * transaction, so the change and its entry commit or roll back together. The chain's
 * canonical JSON and hashing are the pure rules of `domain/audit/chain.ts`.
 */
import { canonicalJson } from "../domain/audit/canonical.ts";
import { type AuditEntry, GENESIS_HASH, hashEntry } from "../domain/audit/chain.ts";
import type { Sql } from "./db.ts";

export interface AuditInput {
  /** Who: an account name, `cli:<user>` for the command line, `anonymous` for a failed login. */
  actor: string;
  /** What, as `object.verb`: `report.filed`, `account.created`, `demand.overridden`, … */
  action: string;
  object: { type: string; id: string };
  /** The report an entry belongs to, so readers of the report (and only they) see it. */
  reportId?: string | null;
  /** The change itself; free text of reports goes in as a digest (`digestText`). */
  change: unknown;
  /** Defaults to now. */
  at?: Date;
}

interface Row {
  seq: number;
  at: string;
  actor: string;
  action: string;
  object_type: string;
  object_id: string;
  report_id: string | null;
  change: string;
  prev_hash: string;
  hash: string;
}

function toEntry(row: Row): AuditEntry {
  return {
    seq: Number(row.seq),
    at: row.at,
    actor: row.actor,
    action: row.action,
    objectType: row.object_type,
    objectId: row.object_id,
    reportId: row.report_id,
    change: row.change,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/**
 * Appends one entry. Call it with the transaction (`db.transaction(tx => …)`) that makes the
 * change: the advisory lock then holds until commit, and entries follow each other one by one.
 * Even without it the primary key on `seq` refuses a fork of the chain.
 */
export async function appendAudit(tx: Sql, input: AuditInput): Promise<AuditEntry> {
  await tx.query("SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.audit_log'))");
  const [last] = await tx.query<{ seq: number; hash: string }>(
    "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1",
  );
  const fields = {
    seq: last ? Number(last.seq) + 1 : 1,
    at: (input.at ?? new Date()).toISOString(),
    actor: input.actor,
    action: input.action,
    objectType: input.object.type,
    objectId: input.object.id,
    reportId: input.reportId ?? null,
    change: canonicalJson(input.change ?? null),
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  const entry = { ...fields, hash: hashEntry(fields) };
  await tx.query(
    `INSERT INTO audit_log (seq, at, actor, action, object_type, object_id, report_id, change, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      entry.seq,
      entry.at,
      entry.actor,
      entry.action,
      entry.objectType,
      entry.objectId,
      entry.reportId,
      entry.change,
      entry.prevHash,
      entry.hash,
    ],
  );
  return entry;
}

const COLUMNS =
  "seq, at, actor, action, object_type, object_id, report_id, change, prev_hash, hash";

/** Entries after `afterSeq`, in chain order. */
export async function listAudit(
  db: Sql,
  page: { afterSeq?: number; limit?: number } = {},
): Promise<AuditEntry[]> {
  const rows = await db.query<Row>(
    `SELECT ${COLUMNS} FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2`,
    [page.afterSeq ?? 0, page.limit ?? 1000],
  );
  return rows.map(toEntry);
}

/** The whole chain, page by page, so `audit verify` and `audit export` never hold it all. */
export async function* allAudit(db: Sql, pageSize = 2000): AsyncGenerator<AuditEntry> {
  let after = 0;
  for (;;) {
    const page = await listAudit(db, { afterSeq: after, limit: pageSize });
    yield* page;
    const last = page.at(-1);
    if (!last || page.length < pageSize) return;
    after = last.seq;
  }
}

/** The history of one report. */
export async function auditOfReport(db: Sql, reportId: string): Promise<AuditEntry[]> {
  const rows = await db.query<Row>(
    `SELECT ${COLUMNS} FROM audit_log WHERE report_id = $1 ORDER BY seq`,
    [reportId],
  );
  return rows.map(toEntry);
}
