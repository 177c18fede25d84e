/**
 * The readers: bytes (a file, or any byte stream such as an upload) → strict UTF-8 text → rows →
 * the dataset's adapter → items. Each stage is an async generator, so at most a chunk or two is
 * in memory at a time and the source is read only as fast as the caller consumes items.
 */
import { basename } from "node:path";
import type { Profile, ProfileResolver } from "../domain/profile/index.ts";
import { acledItems } from "./acled.ts";
import { decodeUtf8 } from "./decode-utf8.ts";
import { gdeltItems } from "./gdelt.ts";
import { GDELT_V2_COLUMNS } from "./gdelt-columns.ts";
import type { OnError, ReadItem } from "./items.ts";
import { createMappingContext } from "./mapping.ts";
import { readBytes } from "./read-bytes.ts";
import { readCsvRows } from "./read-csv.ts";
import { readTsvRows } from "./read-tsv.ts";
import { fileError } from "./row-error.ts";
import { ucdpItems } from "./ucdp.ts";
import { parseUcdpApiPage } from "./ucdp-api.ts";

export type IngestDataset = "acled" | "ucdp" | "gdelt";

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
  const { file, maxFieldBytes } = options;
  const context = createMappingContext(file, options);
  const onError = options.onError ?? "throw";
  const texts = decodeUtf8(chunks, file);
  switch (dataset) {
    case "acled":
      yield* acledItems(readCsvRows(texts, { file, maxFieldBytes }), context, onError);
      return;
    case "ucdp":
      if (options.isJson) {
        yield* parseUcdpApiPage(await readAll(texts, file), context, onError).items;
        return;
      }
      yield* ucdpItems(readCsvRows(texts, { file, maxFieldBytes }), context, onError);
      return;
    case "gdelt": {
      const rows = readTsvRows(texts, { file, maxFieldBytes, names: GDELT_V2_COLUMNS });
      yield* gdeltItems(rows, context, onError);
      return;
    }
  }
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
