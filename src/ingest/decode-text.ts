/**
 * Bytes → text in the file's encoding, and the check that names the field holding the first byte
 * that is not UTF-8. UTF-8 is the default and is strict; Latin-1 files (the Pakistan Body Count
 * tables) are read with `encoding: "latin1"`, which decodes as Windows-1252, the superset the
 * WHATWG Encoding standard gives that label (every byte is a character, so it never fails).
 */
import { type DecodeState, decodeUtf8, NOT_UTF8 } from "./decode-utf8.ts";
import type { Row } from "./read-csv.ts";
import { fileError, quoteValue } from "./row-error.ts";

const TEXT_ENCODINGS = ["utf8", "latin1"] as const;
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];

/** "utf-8", "UTF8", "iso-8859-1", "cp1252", … → the encoding, or null when unknown. */
export function parseEncoding(name: string): TextEncoding | null {
  const key = name
    .trim()
    .toLowerCase()
    .replace(/[-_\s]/g, "");
  if (key === "utf8") return "utf8";
  if (["latin1", "iso88591", "l1", "cp1252", "windows1252"].includes(key)) return "latin1";
  return null;
}

export function decodeText(
  chunks: AsyncIterable<Uint8Array>,
  file: string,
  encoding: TextEncoding,
  state: DecodeState,
): AsyncGenerator<string> {
  return encoding === "utf8" ? decodeUtf8(chunks, file, state) : decodeLatin1(chunks, file);
}

async function* decodeLatin1(
  chunks: AsyncIterable<Uint8Array>,
  file: string,
): AsyncGenerator<string> {
  const decoder = new TextDecoder("latin1");
  let sawText = false;
  for await (const chunk of chunks) {
    const text = decoder.decode(chunk, { stream: true });
    if (text.length > 0) {
      sawText = true;
      yield text;
    }
  }
  if (!sawText) throw fileError(`${file}: file is empty`);
}

const REPLACEMENT = "\uFFFD";

/**
 * Passes rows through until the decoder has met a byte that is not UTF-8; then the first row
 * holding a replacement character on or after that line is an error naming file, line and field
 * (`names`: the header, or the first row when none is given).
 */
export async function* checkDecodedRows(
  batches: AsyncIterable<Row[]>,
  state: DecodeState,
  file: string,
  names?: readonly string[],
): AsyncGenerator<Row[]> {
  let header = names ?? null;
  for await (const rows of batches) {
    if (header === null) header = rows[0]?.fields ?? null;
    const badLine = state.invalidLine;
    if (badLine !== null) {
      for (const row of rows) checkRow(row, badLine, file, header ?? []);
    }
    yield rows;
  }
  if (state.invalidLine !== null) {
    throw fileError(`${file} line ${state.invalidLine}: the text ${NOT_UTF8}`);
  }
}

function checkRow(row: Row, badLine: number, file: string, names: readonly string[]): void {
  let line = row.line;
  row.fields.forEach((value, i) => {
    const at = value.indexOf(REPLACEMENT);
    const lineOfChar = line + countLf(value.slice(0, Math.max(at, 0)));
    if (at !== -1 && lineOfChar >= badLine) {
      const name = row.line === 1 && names === row.fields ? `column ${i + 1}` : (names[i] ?? "");
      const field = name === "" ? `column ${i + 1}` : name;
      throw fileError(
        `${file} line ${lineOfChar}, field ${JSON.stringify(field)}: ${quoteValue(value)} ${NOT_UTF8}`,
      );
    }
    line += countLf(value);
  });
}

function countLf(text: string): number {
  let count = 0;
  for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1)) count++;
  return count;
}
