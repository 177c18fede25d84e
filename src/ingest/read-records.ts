/**
 * The readers: bytes (a file, or any byte stream such as an upload) → strict UTF-8 text → rows →
 * the dataset's adapter → items. Each stage is an async generator, so at most a chunk or two is
 * in memory at a time and the source is read only as fast as the caller consumes items.
 */
import { basename } from "node:path";
import type { Profile, ProfileResolver } from "../domain/profile/index.ts";
import { acledItems } from "./acled.ts";
import { csvItems } from "./csv-items.ts";
import type { CsvMapping } from "./csv-mapping.ts";
import { checkDecodedRows, decodeText, type TextEncoding } from "./decode-text.ts";
import type { DecodeState } from "./decode-utf8.ts";
import { peekDelimiter } from "./delimiter.ts";
import { gdeltItems } from "./gdelt.ts";
import { GDELT_V2_COLUMNS } from "./gdelt-columns.ts";
import type { OnError, ReadItem } from "./items.ts";
import { createMappingContext } from "./mapping.ts";
import { readBytes } from "./read-bytes.ts";
import { type Row, readCsvRows } from "./read-csv.ts";
import { readTsvRows } from "./read-tsv.ts";
import { fileError } from "./row-error.ts";
import { ucdpItems } from "./ucdp.ts";
import { parseUcdpApiPage } from "./ucdp-api.ts";
import { type ConflictItem, conflictItems } from "./ucdp-conflicts.ts";

/** The event datasets; "csv" is any other table read through a mapping. */
export type IngestDataset = "acled" | "ucdp" | "gdelt" | "csv";

export interface ReadRecordsOptions {
  /** Resolves actor and admin names; built from `profile` when not given. */
  resolver?: ProfileResolver | null;
  /** Gives the parties for cross-border attribution (and the resolver, if none is given). */
  profile?: Profile | null;
  /** "throw" (default): the first bad row throws AppError INVALID_INPUT; "yield": an error item. */
  onError?: OnError;
  /** Largest field accepted, in bytes (default 1 MiB). */
  maxFieldBytes?: number;
  /** Bytes read so far and the total expected (see `readBytes`). */
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  /** Default: the mapping's, else UTF-8 (strict). */
  encoding?: TextEncoding;
  /** ACLED and UCDP: file column (lower case) → the dataset's column (`--columns`). */
  renames?: ReadonlyMap<string, string>;
  /** Required for "csv": how the table's columns become events. */
  mapping?: CsvMapping;
}

export interface ParseRecordsOptions extends Omit<ReadRecordsOptions, "onProgress"> {
  /** Name used in messages (a basename). */
  file: string;
  /** UCDP only: the bytes are one API page (JSON) rather than CSV. */
  isJson?: boolean;
}

/** Largest UCDP API page read (pages hold ≤ 1,000 events, about 2 MB). */
const MAX_JSON_PAGE_CHARS = 64 * 1024 * 1024;

/** Items from a file: `.csv`/`.tsv`/`.txt`/`.CSV`, `.gz`, `.zip` (first member), UCDP `.json`. */
export function readRecords(
  dataset: IngestDataset,
  path: string,
  options: ReadRecordsOptions = {},
): AsyncGenerator<ReadItem> {
  const isJson = /\.json(\.gz|\.zip)?$/i.test(path);
  return parseRecords(dataset, readBytes(path, options), {
    ...options,
    file: basename(path),
    isJson,
  });
}

/** Items from a stream of (decompressed) bytes: the pure core of `readRecords`. */
export async function* parseRecords(
  dataset: IngestDataset,
  chunks: AsyncIterable<Uint8Array>,
  options: ParseRecordsOptions,
): AsyncGenerator<ReadItem> {
  const { file, maxFieldBytes, mapping } = options;
  const context = createMappingContext(file, options);
  const onError = options.onError ?? "throw";
  const state: DecodeState = { invalidLine: null };
  const encoding = options.encoding ?? mapping?.encoding ?? "utf8";
  const texts = decodeText(chunks, file, encoding, state);
  if (dataset === "gdelt") {
    const rows = readTsvRows(texts, { file, maxFieldBytes, names: GDELT_V2_COLUMNS });
    yield* gdeltItems(checkDecodedRows(rows, state, file, GDELT_V2_COLUMNS), context, onError);
    return;
  }
  if (dataset === "ucdp" && options.isJson) {
    yield* parseUcdpApiPage(await readAll(texts, file), context, onError).items;
    return;
  }
  const rows = await csvRows(texts, { file, maxFieldBytes, delimiter: mapping?.spec.delimiter });
  const checked = checkDecodedRows(rows, state, file);
  switch (dataset) {
    case "acled":
      yield* acledItems(checked, context, onError, { renames: options.renames });
      return;
    case "ucdp":
      yield* ucdpItems(checked, context, onError, { renames: options.renames });
      return;
    case "csv":
      if (mapping === undefined) throw fileError(`${file}: a CSV file needs a mapping (--mapping)`);
      yield* csvItems(checked, mapping, context, onError);
      return;
  }
}

/** CSV rows with the delimiter given, or else the one the header line uses. */
async function csvRows(
  texts: AsyncIterable<string>,
  options: { file: string; maxFieldBytes?: number; delimiter?: string },
): Promise<AsyncGenerator<Row[]>> {
  if (options.delimiter !== undefined) return readCsvRows(texts, options);
  const peeked = await peekDelimiter(texts);
  return readCsvRows(peeked.texts, { ...options, delimiter: peeked.delimiter });
}

export interface ReadConflictsOptions extends Omit<ReadRecordsOptions, "mapping" | "renames"> {}

/** UCDP/PRIO conflict-years from a file (`,` or `;`, as UCDP writes it or as Excel re-saves it). */
export function readConflictYears(
  path: string,
  options: ReadConflictsOptions = {},
): AsyncGenerator<ConflictItem> {
  return parseConflictYears(readBytes(path, options), { ...options, file: basename(path) });
}

async function* parseConflictYears(
  chunks: AsyncIterable<Uint8Array>,
  options: ReadConflictsOptions & { file: string },
): AsyncGenerator<ConflictItem> {
  const { file, maxFieldBytes } = options;
  const state: DecodeState = { invalidLine: null };
  const texts = decodeText(chunks, file, options.encoding ?? "utf8", state);
  const rows = checkDecodedRows(await csvRows(texts, { file, maxFieldBytes }), state, file);
  yield* conflictItems(rows, createMappingContext(file, options), options.onError ?? "throw");
}

/** ACLED events, or deletions when the file is ACLED's deletions file. */
export function readAcled(path: string, options: ReadRecordsOptions = {}) {
  return readRecords("acled", path, options);
}

/** UCDP GED events from any of its CSV forms, or from one API page saved as `.json`. */
export function readUcdp(path: string, options: ReadRecordsOptions = {}) {
  return readRecords("ucdp", path, options);
}

/** GDELT 2.0 or 1.0 events (`.export.CSV`, `.export.CSV.zip`, or a 1.0 daily file). */
export function readGdelt(path: string, options: ReadRecordsOptions = {}) {
  return readRecords("gdelt", path, options);
}

async function readAll(texts: AsyncIterable<string>, file: string): Promise<string> {
  const parts: string[] = [];
  let length = 0;
  for await (const text of texts) {
    length += text.length;
    if (length > MAX_JSON_PAGE_CHARS) {
      throw fileError(
        `${file}: larger than a UCDP API page can be (${MAX_JSON_PAGE_CHARS} characters)`,
      );
    }
    parts.push(text);
  }
  return parts.join("");
}
