import { createWriteStream, type WriteStream } from "node:fs";
import { stat } from "node:fs/promises";
import { basename } from "node:path";
import { AppError } from "../domain/errors.ts";
import type { Profile, ProfileResolver } from "../domain/profile/index.ts";
import { hashFile, type IngestDataset, type RowError, readRecords } from "../ingest/index.ts";
import type { Db } from "../store/db.ts";
import { type FileImportResult, type ImportItem, importFile } from "../store/importer.ts";

/**
 * Imports one file: ingest reads and maps it as a stream, the store writes it all-or-nothing.
 * Shared by `frontier import`, `frontier sync` and the HTTP API.
 */
export interface ImportPathOptions {
  profile: Profile;
  resolver: ProfileResolver;
  /** Keep rows outside the profile's region (default: skip and count them). */
  keepOutsideRegion?: boolean;
  /** Where bad rows go when they are skipped; without it the first bad row stops the import. */
  rejects?: RejectSink;
  onProgress?: (rows: number, bytesRead: number, totalBytes: number) => void;
  batchSize?: number;
}

export interface ImportPathResult extends FileImportResult {
  seconds: number;
}

export async function importPath(
  db: Db,
  dataset: IngestDataset,
  path: string,
  options: ImportPathOptions,
): Promise<ImportPathResult> {
  const started = performance.now();
  const name = basename(path);
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    const reason = error.code === "ENOENT" ? "no such file" : error.message;
    throw new AppError("INVALID_INPUT", `cannot read ${path}: ${reason}`, { cause: error });
  });
  if (!info.isFile()) throw new AppError("INVALID_INPUT", `cannot read ${path}: not a file`);
  const { sha256, bytes } = await hashFile(path);
  let rows = 0;
  let bytesRead = 0;
  let totalBytes = bytes;
  const source = readRecords(dataset, path, {
    profile: options.profile,
    resolver: options.resolver,
    onError: options.rejects ? "yield" : "throw",
    onProgress: (read, total) => {
      bytesRead = read;
      totalBytes = total;
    },
  });
  async function* items(): AsyncIterable<ImportItem> {
    for await (const item of source) {
      rows++;
      if (rows % 1000 === 0) options.onProgress?.(rows, bytesRead, totalBytes);
      if (item.kind === "error") {
        await options.rejects?.write(item.error);
        yield { kind: "rejected" };
      } else yield item;
    }
    options.onProgress?.(rows, bytesRead, totalBytes);
  }
  const result = await importFile(db, { dataset, name, sha256, bytes }, items(), {
    keepOutsideRegion: options.keepOutsideRegion,
    batchSize: options.batchSize,
  });
  return { ...result, seconds: (performance.now() - started) / 1000 };
}

/** Bad rows written as CSV (file, line, field, value, reason) for `--skip-bad --rejects FILE`. */
export interface RejectSink {
  write(error: RowError): Promise<void>;
  close(): Promise<void>;
  readonly count: number;
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
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
        `${[error.file, String(error.line), error.field ?? "", value, error.message].map(csvCell).join(",")}\n`,
      );
    },
    close: () =>
      new Promise((resolve, reject) => {
        stream.end((error?: Error | null) => (error ? reject(error) : resolve()));
      }),
  };
}
