/**
 * Strict UTF-8 decoding of a byte stream into text chunks. Invalid UTF-8 is an error naming the
 * line (a wrongly encoded file must not import as mojibake); a leading BOM is dropped; a file of
 * zero bytes, or of only a BOM, is "file is empty".
 *
 * With a `DecodeState`, the first invalid byte does not throw here: its line is noted in the
 * state and decoding goes on with U+FFFD in its place, so that the row reader, which knows the
 * columns, can name the field too (`checkDecodedRows`).
 */
import { isUtf8 } from "node:buffer";
import { fileError } from "./row-error.ts";

const LF = 0x0a;

/** Set by `decodeUtf8` when the bytes are not UTF-8: the 1-based line of the first bad byte. */
export interface DecodeState {
  invalidLine: number | null;
}

/** Said wherever a file is not UTF-8: the usual cause and the fix. */
export const NOT_UTF8 =
  "is not valid UTF-8 (a Latin-1 or Windows-1252 file? read it with --encoding latin1)";

export async function* decodeUtf8(
  chunks: AsyncIterable<Uint8Array>,
  file: string,
  state?: DecodeState,
): AsyncGenerator<string> {
  // ignoreBOM: false means the decoder consumes a leading BOM rather than returning it.
  let decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
  let linesBefore = 0;
  let carry: Uint8Array = new Uint8Array(0);
  let sawText = false;
  for await (const chunk of chunks) {
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch (error) {
      const line = linesBefore + badLineIn(concat(carry, chunk));
      if (state === undefined) {
        throw fileError(`${file} line ${line}: the text ${NOT_UTF8}`, error);
      }
      state.invalidLine = line;
      // The failed call consumed nothing: decode the held-over bytes and this chunk again.
      decoder = new TextDecoder("utf-8", { fatal: false, ignoreBOM: linesBefore > 0 || sawText });
      text = decoder.decode(concat(carry, chunk), { stream: true });
    }
    linesBefore += countLf(chunk);
    carry = incompleteTail(concat(carry, chunk));
    if (text.length > 0) {
      sawText = true;
      yield text;
    }
  }
  let tail: string;
  try {
    tail = decoder.decode();
  } catch (error) {
    const line = linesBefore + 1;
    if (state === undefined) throw fileError(`${file} line ${line}: the text ${NOT_UTF8}`, error);
    state.invalidLine = line;
    tail = "\uFFFD";
  }
  if (tail.length > 0) {
    sawText = true;
    yield tail;
  }
  if (!sawText) throw fileError(`${file}: file is empty`);
}

function countLf(bytes: Uint8Array): number {
  let count = 0;
  let at = bytes.indexOf(LF);
  while (at !== -1) {
    count++;
    at = bytes.indexOf(LF, at + 1);
  }
  return count;
}

/**
 * 1-based line (within `bytes`) holding the first invalid sequence. LF never occurs inside a
 * multi-byte UTF-8 sequence, so splitting at LF bytes keeps every valid character whole; the
 * last segment may end mid-character, so it is the culprit only if every earlier one is valid.
 */
function badLineIn(bytes: Uint8Array): number {
  let start = 0;
  let line = 1;
  for (let at = bytes.indexOf(LF); at !== -1; at = bytes.indexOf(LF, start)) {
    if (!isUtf8(bytes.subarray(start, at))) return line;
    start = at + 1;
    line++;
  }
  return line;
}

/** The bytes of a character cut off at the end of a chunk (the decoder holds them over). */
function incompleteTail(bytes: Uint8Array): Uint8Array {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back] ?? 0;
    if ((byte & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needed > back ? bytes.slice(bytes.length - back) : new Uint8Array(0);
  }
  return new Uint8Array(0);
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
