import { createHash } from "node:crypto";
import { createWriteStream, type WriteStream } from "node:fs";
import { stat } from "node:fs/promises";
import { basename } from "node:path";
import { csvField } from "../domain/csv.ts";
import { AppError } from "../domain/errors.ts";
import type { Profile, ProfileResolver } from "../domain/profile/index.ts";
import {
  type ConflictItem,
  type CsvMapping,
  createQualityCollector,
  detectFileDataset,
  type FileKind,
  hashFile,
  type QualityCollector,
  type QualityReport,
  type ReadItem,
  type RowError,
  readConflictYears,
  readRecords,
  type TextEncoding,
} from "../ingest/index.ts";
import { actorParentsOf } from "../reconcile/index.ts";
import { type ConflictImportItem, importConflicts } from "../store/conflicts.ts";
import type { Db } from "../store/db.ts";
import { type FileImportResult, type ImportItem, importFile } from "../store/importer.ts";
import { reconcileStore } from "../store/reconcile-queries.ts";

/**
 * Imports one file: ingest reads and maps it as a stream, the store writes it all-or-nothing,
 * and a data-quality report is collected on the way. Shared by `frontier import`, `frontier
 * sync` and the HTTP API.
 */
export interface ImportPathOptions extends ReadingOptions {
  profile: Profile;
  resolver: ProfileResolver;
  /** Keep rows outside the profile's region (default: skip and count them). */
  keepOutsideRegion?: boolean;
  /** Where bad rows go when they are skipped; without it the first bad row stops the import. */
  rejects?: RejectSink;
  onProgress?: (rows: number, bytesRead: number, totalBytes: number) => void;
  batchSize?: number;
}

/** How the file is read, beyond its dataset: each of these makes the import a new variant. */
export interface ReadingOptions {
  encoding?: TextEncoding;
  /** `--columns`: file column (lower case) → the dataset's column. */
  renames?: ReadonlyMap<string, string>;
  /** `import csv --mapping`. */
  mapping?: CsvMapping;
}

export interface ImportPathResult extends FileImportResult {
  seconds: number;
  /** Null when the file had been imported before (nothing was read). */
  report: QualityReport | null;
  /** The reconciliation run after the import; null when the import changed no event. */
  reconcile: ImportReconcileSummary | null;
}

/**
 * What the reconciliation after an import merged (docs/reconcile.md), or why it failed. The
 * import is committed before it runs, so a failure is reported here and the import stands; the
 * records stay new until the next `frontier reconcile` (or import) picks them up.
 */
export type ImportReconcileSummary =
  | {
      isOk: true;
      /** Records new or changed since the last run, and of the components recomputed. */
      dirty: number;
      records: number;
      /** Cluster events created, kept with changed members, dissolved. */
      created: number;
      changed: number;
      dissolved: number;
      /** Records now merged into the created or changed cluster events. */
      merged: number;
    }
  | { isOk: false; error: string };

export async function importPath(
  db: Db,
  dataset: FileKind,
  path: string,
  options: ImportPathOptions,
): Promise<ImportPathResult> {
  const started = performance.now();
  const name = basename(path);
  await checkFile(path);
  const kind = await fileKind(dataset, path);
  const { sha256, bytes } = await hashFile(path);
  const meta = { name, sha256, bytes, variant: variantOf(options) };
  const quality = createQualityCollector({
    file: name,
    dataset: kind,
    resolver: options.resolver,
    keepOutsideRegion: options.keepOutsideRegion,
  });
  const progress = progressCounter(options.onProgress);
  const reading = readOptions(options, options.rejects ? "yield" : "throw");
  let result: FileImportResult;
  if (kind === "ucdp-conflicts") {
    const source = readConflictYears(path, { ...reading, onProgress: progress.onBytes });
    result = await importConflicts(
      db,
      { ...meta, dataset: kind },
      conflictItems(source, quality, options.rejects, progress.onRow),
      {
        keepOutsideRegion: options.keepOutsideRegion,
        finish: () => ({ report: quality.finish() }),
      },
    );
  } else {
    const source = readRecords(kind, path, { ...reading, onProgress: progress.onBytes });
    const finish = () => {
      const report = quality.finish(reportExtra(kind, name, quality));
      return { report, slot: report.gdelt?.slot ?? null };
    };
    result = await importFile(
      db,
      { ...meta, dataset: kind },
      eventItems(source, quality, options.rejects, progress.onRow),
      { keepOutsideRegion: options.keepOutsideRegion, batchSize: options.batchSize, finish },
    );
  }
  progress.done();
  const report = result.alreadyImported ? null : quality.finish(reportExtra(kind, name, quality));
  const hasChangedEvents =
    kind !== "ucdp-conflicts" && result.stored + result.updated + result.deleted > 0;
  const reconcile = hasChangedEvents ? await reconcileAfterImport(db, options.profile) : null;
  return { ...result, seconds: (performance.now() - started) / 1000, report, reconcile };
}

/**
 * Reconciles the records an import added, changed or deleted, in its own transaction after the
 * import's: a failure leaves the committed import as it is and is returned, not thrown.
 */
async function reconcileAfterImport(db: Db, profile: Profile): Promise<ImportReconcileSummary> {
  try {
    const run = await reconcileStore(db, { actorParents: actorParentsOf(profile) });
    const clusters = [...run.created, ...run.changed];
    return {
      isOk: true,
      dirty: run.dirty,
      records: run.records,
      created: run.created.length,
      changed: run.changed.length,
      dissolved: run.dissolved.length,
      merged: clusters.reduce((n, c) => n + c.keys.length, 0),
    };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      isOk: false,
      error: `reconciliation after the import failed: ${reason} — the import is stored; run \`frontier reconcile\` to retry`,
    };
  }
}

export interface PreviewOptions extends ReadingOptions {
  profile: Profile;
  resolver: ProfileResolver;
  keepOutsideRegion?: boolean;
  /** How many mapped rows to show. */
  limit: number;
  /** At most this many errors are listed (all are counted in the report). */
  maxErrors?: number;
}

export interface PreviewRow {
  line: number;
  nativeId: string;
  inRegion: boolean;
  item: ReadItem | ConflictItem;
}

export interface PreviewResult {
  file: string;
  dataset: FileKind;
  rows: PreviewRow[];
  errors: RowError[];
  report: QualityReport;
}

/** Reads a whole file as an import would, writing nothing: the first rows, every error, the report. */
export async function previewPath(
  dataset: FileKind,
  path: string,
  options: PreviewOptions,
): Promise<PreviewResult> {
  await checkFile(path);
  const name = basename(path);
  const kind = await fileKind(dataset, path);
  const quality = createQualityCollector({
    file: name,
    dataset: kind,
    resolver: options.resolver,
    keepOutsideRegion: options.keepOutsideRegion,
  });
  const rows: PreviewRow[] = [];
  const errors: RowError[] = [];
  const maxErrors = options.maxErrors ?? 1000;
  const reading = readOptions(options, "yield");
  if (kind === "ucdp-conflicts") {
    for await (const item of readConflictYears(path, reading)) {
      quality.addConflict(item);
      if (item.kind === "error") {
        if (errors.length < maxErrors) errors.push(item.error);
      } else if (rows.length < options.limit) {
        const nativeId = `${item.conflict.conflictId}/${item.conflict.year}`;
        rows.push({ line: item.line, nativeId, inRegion: item.inRegion, item });
      }
    }
  } else {
    for await (const item of readRecords(kind, path, reading)) {
      quality.add(item);
      if (item.kind === "error") {
        if (errors.length < maxErrors) errors.push(item.error);
      } else if (item.kind === "record" && rows.length < options.limit) {
        const { line, nativeId } = item.record;
        rows.push({ line, nativeId, inRegion: item.inRegion, item });
      }
    }
  }
  return {
    file: name,
    dataset: kind,
    rows,
    errors,
    report: quality.finish(reportExtra(kind, name, quality)),
  };
}

async function checkFile(path: string): Promise<void> {
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    const reason = error.code === "ENOENT" ? "no such file" : error.message;
    throw new AppError("INVALID_INPUT", `cannot read ${path}: ${reason}`, { cause: error });
  });
  if (!info.isFile()) throw new AppError("INVALID_INPUT", `cannot read ${path}: not a file`);
}

/** `import ucdp` also takes the UCDP/PRIO conflict-year file, told apart by its header. */
async function fileKind(dataset: FileKind, path: string): Promise<FileKind> {
  if (dataset !== "ucdp") return dataset;
  const detected = await detectFileDataset(path).catch(() => null);
  return detected === "ucdp-conflicts" ? detected : dataset;
}

function readOptions(options: ImportPathOptions | PreviewOptions, onError: "yield" | "throw") {
  return {
    profile: options.profile,
    resolver: options.resolver,
    onError,
    encoding: options.encoding,
    renames: options.renames,
    mapping: options.mapping,
  };
}

/**
 * "" for the default reading; else a digest of what changes it, so that the same file read
 * through a corrected mapping (or other --columns, or another encoding) is imported again.
 */
function variantOf(options: ReadingOptions): string {
  // The encoding the file is read in, however it was given (flag or mapping).
  const encoding = options.encoding ?? options.mapping?.encoding ?? "utf8";
  const parts = {
    encoding: encoding === "utf8" ? null : encoding,
    renames: options.renames === undefined ? null : [...options.renames].sort(),
    mapping: options.mapping === undefined ? null : { ...options.mapping.spec, encoding: null },
  };
  if (parts.encoding === null && parts.renames === null && parts.mapping === null) return "";
  return createHash("sha256").update(JSON.stringify(parts)).digest("hex").slice(0, 16);
}

/** GDELT 2.0 names export files by their slot: `20191024143000.export.CSV(.zip)`. */
function gdeltSlotFromName(name: string): string | null {
  const match = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})\.export\.csv/i.exec(name);
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match;
  const iso = `${y}-${mo}-${d}T${h}:${mi}:${s}Z`;
  return Number.isNaN(Date.parse(iso)) ? null : iso;
}

/** The slot from the name, else from DATEADDED when every row has the same one. */
function gdeltSlot(kind: FileKind, fromName: string | null, quality: QualityCollector) {
  if (kind !== "gdelt") return undefined;
  if (fromName !== null) return { slot: fromName, from: "name" as const };
  const added = quality.dateAdded();
  const [only] = added;
  // GDELT 1.0 daily files carry a date (YYYY-MM-DD), not a 15-minute slot.
  if (added.length === 1 && only !== undefined && only.includes("T")) {
    return { slot: only, from: "DATEADDED" as const };
  }
  return { slot: null, from: null };
}

function reportExtra(kind: FileKind, name: string, quality: QualityCollector) {
  return { gdeltSlot: gdeltSlot(kind, gdeltSlotFromName(name), quality) };
}

function progressCounter(onProgress: ImportPathOptions["onProgress"]) {
  let rows = 0;
  let bytesRead = 0;
  let totalBytes = 0;
  return {
    onBytes(read: number, total: number) {
      bytesRead = read;
      totalBytes = total;
    },
    onRow() {
      rows++;
      if (rows % 1000 === 0) onProgress?.(rows, bytesRead, totalBytes);
    },
    done() {
      onProgress?.(rows, bytesRead, totalBytes);
    },
  };
}

async function* eventItems(
  source: AsyncIterable<ReadItem>,
  quality: QualityCollector,
  rejects: RejectSink | undefined,
  onRow: () => void,
): AsyncIterable<ImportItem> {
  for await (const item of source) {
    onRow();
    quality.add(item);
    if (item.kind === "error") {
      await rejects?.write(item.error);
      yield { kind: "rejected" };
    } else yield item;
  }
}

async function* conflictItems(
  source: AsyncIterable<ConflictItem>,
  quality: QualityCollector,
  rejects: RejectSink | undefined,
  onRow: () => void,
): AsyncIterable<ConflictImportItem> {
  for await (const item of source) {
    onRow();
    quality.addConflict(item);
    if (item.kind === "error") {
      await rejects?.write(item.error);
      yield { kind: "rejected" };
    } else yield item;
  }
}

/** Bad rows written as CSV (file, line, field, value, reason) for `--skip-bad --rejects FILE`. */
export interface RejectSink {
  write(error: RowError): Promise<void>;
  close(): Promise<void>;
  readonly count: number;
}

export function createRejectSink(path: string): RejectSink {
  const stream: WriteStream = createWriteStream(path);
  let count = 0;
  const write = (text: string) =>
    new Promise<void>((resolve, reject) => {
      stream.write(text, (error) => (error ? reject(error) : resolve()));
    });
  let header: Promise<void> | null = write("file,line,field,value,reason\n");
  return {
    get count() {
      return count;
    },
    async write(error) {
      if (header) {
        await header;
        header = null;
      }
      count++;
      const raw = error.value ?? "";
      const value = raw.length > 200 ? `${raw.slice(0, 200)}…` : raw;
      await write(
        `${[error.file, String(error.line), error.field ?? "", value, error.message].map(csvField).join(",")}\n`,
      );
    },
    close: () =>
      new Promise((resolve, reject) => {
        stream.end((error?: Error | null) => (error ? reject(error) : resolve()));
      }),
  };
}
