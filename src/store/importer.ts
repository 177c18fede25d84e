import { createHash } from "node:crypto";
import { AppError } from "../domain/errors.ts";
import type { Dataset, SourceRecord } from "../domain/event.ts";
import type { Db, Sql } from "./db.ts";
import {
  hashRaw,
  insertEvents,
  insertSourceRecords,
  updateEvents,
  updateSourceRecords,
} from "./event-rows.ts";

/** What the ingest side hands the store, one item at a time. */
export type ImportItem =
  | { kind: "record"; record: SourceRecord; inRegion: boolean }
  | { kind: "deletion"; nativeId: string; deletedAt: string }
  | { kind: "rejected" }
  /** A row that is not an event (a mapped file's totals line). */
  | { kind: "skipped" };

/** The datasets of source_files: the event datasets and the UCDP/PRIO conflict-years. */
export type FileDataset = Dataset | "ucdp-conflicts";

/** A file as source_files records it. */
export interface SourceFileMeta {
  dataset: FileDataset;
  name: string;
  sha256: string;
  bytes: number;
  /**
   * How the file was read, when not the default way (a digest of the mapping, --columns,
   * encoding): the same bytes read another way are imported again. Default "".
   */
  variant?: string;
}

/** A file of events. */
export interface FileMeta extends SourceFileMeta {
  dataset: Dataset;
}

/** Written on the file's row when its import finishes. */
export interface FileFinish {
  /** GDELT: the slot the file holds, ISO 8601. */
  slot?: string | null;
  /** The data-quality report, stored as JSON. */
  report?: unknown;
}

export interface ImportCounts {
  read: number;
  stored: number;
  updated: number;
  unchanged: number;
  deleted: number;
  skippedRegion: number;
  rejected: number;
  /** Rows that are not events (a mapped file's totals line). */
  skipped: number;
}

export interface FileImportResult extends ImportCounts {
  file: string;
  dataset: FileDataset;
  sha256: string;
  /** True when this exact file (same dataset and sha256) was imported before: nothing was read. */
  alreadyImported: boolean;
  importRunId: number | null;
}

export function emptyCounts(): ImportCounts {
  return {
    read: 0,
    stored: 0,
    updated: 0,
    unchanged: 0,
    deleted: 0,
    skippedRegion: 0,
    rejected: 0,
    skipped: 0,
  };
}

export async function findImportedFile(db: Sql, meta: SourceFileMeta): Promise<boolean> {
  const rows = await db.query(
    "SELECT 1 FROM source_files WHERE dataset = $1 AND sha256 = $2 AND variant = $3",
    [meta.dataset, meta.sha256, meta.variant ?? ""],
  );
  return rows.length > 0;
}

/** Opens the run and the file's row; both roll back with the transaction if the import fails. */
export async function startFile(
  tx: Sql,
  meta: SourceFileMeta,
): Promise<{ runId: number; fileId: number }> {
  const [run] = await tx.query<{ id: number }>(
    "INSERT INTO import_runs (dataset) VALUES ($1) RETURNING id",
    [meta.dataset],
  );
  if (!run) throw new Error("import_runs insert returned no id");
  const [file] = await tx.query<{ id: number }>(
    `INSERT INTO source_files (dataset, sha256, name, bytes, rows, import_run_id, variant)
     VALUES ($1, $2, $3, $4, 0, $5, $6) RETURNING id`,
    [meta.dataset, meta.sha256, meta.name, meta.bytes, run.id, meta.variant ?? ""],
  );
  if (!file) throw new Error("source_files insert returned no id");
  return { runId: run.id, fileId: file.id };
}

export async function finishFile(
  tx: Sql,
  ids: { runId: number; fileId: number },
  summary: { file: string; rows: number } & Record<string, unknown>,
  finish: FileFinish = {},
): Promise<void> {
  await tx.query("UPDATE source_files SET rows = $1, slot = $2, report = $3 WHERE id = $4", [
    summary.rows,
    finish.slot ?? null,
    finish.report === undefined ? null : JSON.stringify(finish.report),
    ids.fileId,
  ]);
  await tx.query("UPDATE import_runs SET finished_at = now(), summary = $1 WHERE id = $2", [
    JSON.stringify(summary),
    ids.runId,
  ]);
}

/**
 * Imports one file all-or-nothing: every write happens in one transaction, so an error or a
 * killed process leaves the database exactly as it was. Records are written in batches, new
 * rows by COPY; while one batch is written the next one is read and mapped (on PostgreSQL the
 * server works while the client parses). Writes stay in file order, one at a time, so each
 * batch's lookup sees the rows of the batches before it.
 */
export interface ImportFileOptions {
  keepOutsideRegion?: boolean;
  batchSize?: number;
  /** Called once every item is read, inside the transaction: what to write on the file's row. */
  finish?: () => FileFinish;
}

export async function importFile(
  db: Db,
  meta: FileMeta,
  items: AsyncIterable<ImportItem>,
  options: ImportFileOptions = {},
): Promise<FileImportResult> {
  const base = { file: meta.name, dataset: meta.dataset, sha256: meta.sha256 };
  if (await findImportedFile(db, meta)) {
    return { ...base, ...emptyCounts(), alreadyImported: true, importRunId: null };
  }
  const batchSize = options.batchSize ?? 2000;
  return db.transaction(async (tx) => {
    const ids = await startFile(tx, meta);
    const file = { id: ids.fileId, name: meta.name, variant: meta.variant ?? "" };
    const counts = emptyCounts();
    let batch: SourceRecord[] = [];
    let deletions: string[] = [];
    // The write in flight; awaited before the next statement on `tx`.
    let writing: Promise<void> = Promise.resolve();
    const write = async (records: SourceRecord[]) => {
      await writing;
      writing = writeBatch(tx, file, records, counts);
      // Marks the rejection as handled until it is awaited (next write, or the end).
      writing.catch(() => undefined);
    };
    try {
      for await (const item of items) {
        if (item.kind === "rejected") {
          counts.rejected++;
          continue;
        }
        if (item.kind === "skipped") {
          counts.skipped++;
          continue;
        }
        if (item.kind === "deletion") {
          deletions.push(item.nativeId);
          if (deletions.length >= batchSize) {
            await writing;
            counts.deleted += await deleteRecords(tx, meta.dataset, deletions);
            deletions = [];
          }
          continue;
        }
        counts.read++;
        if (!item.inRegion && !options.keepOutsideRegion) {
          counts.skippedRegion++;
          continue;
        }
        batch.push(item.record);
        if (batch.length >= batchSize) {
          await write(batch);
          batch = [];
        }
      }
      await write(batch);
      await writing;
    } catch (error) {
      // A failed write concerns earlier rows than a read error met while it ran: it is reported.
      await writing;
      throw error;
    }
    counts.deleted += await deleteRecords(tx, meta.dataset, deletions);
    await analyzeAfterBulkLoad(tx, counts);
    const summary = { file: meta.name, rows: counts.read, ...counts };
    await finishFile(tx, ids, summary, options.finish?.());
    return { ...base, ...counts, alreadyImported: false, importRunId: ids.runId };
  });
}

/** New or changed rows from which a file's import refreshes the planner's statistics. */
const ANALYZE_AFTER_ROWS = 10_000;

/**
 * After a bulk load the planner's statistics still describe the tables as they were (PGlite runs
 * no autovacuum; a server's comes later), and the queries right after it — reconciliation, the
 * watch questions — read the tables over and over: a 200,000-row GDELT file on PGlite was
 * stopped after 15 minutes, having read 613 GB from its data directory; with this, 93 s in all.
 * ANALYZE inside the import's transaction counts the transaction's own rows and rolls back with
 * it.
 */
async function analyzeAfterBulkLoad(tx: Sql, counts: ImportCounts): Promise<void> {
  if (counts.stored + counts.updated < ANALYZE_AFTER_ROWS) return;
  await tx.exec("ANALYZE events, event_actors, source_records");
}

interface Existing {
  id: number;
  native_id: string;
  version: string | null;
  raw_sha256: string;
  event_id: number | null;
}

/** A later row with the same key in one batch replaces the earlier (candidate releases do this). */
function lastByKey(records: SourceRecord[]): SourceRecord[] {
  const byKey = new Map<string, SourceRecord>();
  for (const r of records) {
    byKey.delete(r.nativeId);
    byKey.set(r.nativeId, r);
  }
  return [...byKey.values()];
}

/** A record with an older version stamp than the stored one never overwrites it (ACLED `timestamp`). */
function isOlder(incoming: string | null, stored: string | null): boolean {
  if (incoming === null || stored === null) return false;
  const a = Number(incoming);
  const b = Number(stored);
  return Number.isFinite(a) && Number.isFinite(b) ? a < b : incoming < stored;
}

/**
 * What "unchanged" compares: the raw row's hash; for a file read another way (a mapping,
 * renamed columns) the reading's digest too, so that a corrected mapping updates the events its
 * earlier reading made although the rows themselves did not change.
 */
function rowHash(record: SourceRecord, variant: string): string {
  const raw = hashRaw(record.raw);
  return variant === "" ? raw : createHash("sha256").update(`${variant}:${raw}`).digest("hex");
}

interface BatchFile {
  id: number;
  name: string;
  variant: string;
}

async function writeBatch(tx: Sql, file: BatchFile, records: SourceRecord[], counts: ImportCounts) {
  const { id: fileId, variant } = file;
  if (records.length === 0) return;
  const unique = lastByKey(records);
  counts.updated += records.length - unique.length;
  const dataset = unique[0]?.dataset;
  const existing = await tx.query<Existing>(
    `SELECT id, native_id, version, raw_sha256, event_id FROM source_records
     WHERE dataset = $1 AND native_id = ANY($2::text[])`,
    [dataset, unique.map((r) => r.nativeId)],
  );
  const byId = new Map(existing.map((e) => [e.native_id, e]));
  const fresh: { record: SourceRecord; rawHash: string }[] = [];
  const changed: { id: number; eventId: number | null; record: SourceRecord; rawHash: string }[] =
    [];
  for (const record of unique) {
    const rawHash = rowHash(record, variant);
    const old = byId.get(record.nativeId);
    if (!old) fresh.push({ record, rawHash });
    else if (old.raw_sha256 === rawHash || isOlder(record.version, old.version)) counts.unchanged++;
    else changed.push({ id: old.id, eventId: old.event_id, record, rawHash });
  }
  const added = fresh.map((f) => f.record);
  try {
    const eventIds = await insertEvents(
      tx,
      added.map((r) => r.event),
    );
    await insertSourceRecords(
      tx,
      fileId,
      fresh.map((f, i) => ({ ...f, eventId: eventIds[i] ?? 0 })),
    );
  } catch (error) {
    throw rejectedRow(error, file.name, added);
  }
  counts.stored += fresh.length;
  await updateChanged(tx, fileId, changed);
  counts.updated += changed.length;
}

/**
 * A value the database refused in a COPY names the file's line, as reading errors do: the
 * error's context gives the COPY line (`COPY events, line 12, column lat`), which is the batch's
 * n-th new record, or for `event_actors` the n-th actor. Both stores give it for a value they
 * cannot read (a NUL character, a wrong type); for a failed CHECK only PostgreSQL does (PGlite
 * checks when it moves the staged rows), and the database's own message is passed on.
 */
function rejectedRow(error: unknown, fileName: string, records: SourceRecord[]): unknown {
  const { code, message, where } = error as { code?: unknown; message?: unknown; where?: unknown };
  // SQLSTATE classes 22 (data exception) and 23 (integrity constraint): the data, not the store.
  if (typeof code !== "string" || !/^2[23]/.test(code) || typeof where !== "string") return error;
  const at = /COPY (\w+), line (\d+)(?:, column (\w+))?/.exec(where);
  if (!at) return error;
  const [, table = "", copyLine, column] = at;
  const record = recordAtCopyLine(records, table, Number(copyLine));
  if (!record) return error;
  const what = column ? `, column "${column}" of ${table}` : ` (${table})`;
  return new AppError(
    "INVALID_INPUT",
    `${fileName} line ${record.line}${what}: the database refused the row: ${String(message)}`,
    { cause: error },
  );
}

/** The record behind line `line` (1-based) of a batch's COPY into `table`. */
function recordAtCopyLine(
  records: SourceRecord[],
  table: string,
  line: number,
): SourceRecord | undefined {
  if (table !== "event_actors") return records[line - 1];
  let rest = line;
  for (const record of records) {
    rest -= record.event.actors.length;
    if (rest <= 0) return record;
  }
  return undefined;
}

async function updateChanged(
  tx: Sql,
  fileId: number,
  changed: { id: number; eventId: number | null; record: SourceRecord; rawHash: string }[],
) {
  const withEvent = changed.filter((c) => c.eventId !== null);
  await updateEvents(
    tx,
    withEvent.map((c) => c.eventId ?? 0),
    withEvent.map((c) => c.record.event),
  );
  // A record whose event was removed (e.g. by an analyst's merge) gets a new one.
  const orphans = changed.filter((c) => c.eventId === null);
  const newIds = await insertEvents(
    tx,
    orphans.map((c) => c.record.event),
  );
  if (orphans.length > 0) {
    await tx.query(
      `UPDATE source_records AS s SET event_id = u.e
       FROM unnest($1::int8[], $2::int8[]) AS u(id, e) WHERE s.id = u.id`,
      [orphans.map((o) => o.id), newIds],
    );
  }
  await updateSourceRecords(tx, fileId, changed);
}

async function deleteRecords(tx: Sql, dataset: Dataset, nativeIds: string[]): Promise<number> {
  if (nativeIds.length === 0) return 0;
  const rows = await tx.query<{ event_id: number | null }>(
    `DELETE FROM source_records WHERE dataset = $1 AND native_id = ANY($2::text[]) RETURNING event_id`,
    [dataset, nativeIds],
  );
  const eventIds = rows.flatMap((r) => (r.event_id === null ? [] : [r.event_id]));
  // Delete only events no other source still supports.
  await tx.query(
    `DELETE FROM events e WHERE e.id = ANY($1::int8[])
     AND NOT EXISTS (SELECT 1 FROM source_records s WHERE s.event_id = e.id)`,
    [eventIds],
  );
  return rows.length;
}
