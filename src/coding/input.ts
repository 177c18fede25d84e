/**
 * Turns what a caller hands in (bytes or a string) into plain text, or says
 * clearly why it cannot: too large, empty, binary, not UTF-8. HTML is reduced
 * to its main text.
 */
import { AppError } from "../domain/errors.ts";
import { extractMainText, looksLikeHtml } from "./html.ts";

/** Default input limit: news articles are kilobytes; 5 MB is far past any. */
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

export interface PrepareOptions {
  /** Name for messages ("article.txt", "stdin"). */
  source?: string;
  maxBytes?: number;
  /** Force a format; by default HTML is recognised from its first tags. */
  format?: "text" | "html";
}

export interface PreparedText {
  text: string;
  format: "text" | "html";
}

function invalid(source: string, message: string): AppError {
  return new AppError("INVALID_INPUT", `Cannot code "${source}": ${message}`);
}

function formatMb(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1)} MB`;
}

/** Decodes strict UTF-8; names the byte offset of the first bad sequence. */
function decodeUtf8(bytes: Uint8Array, source: string): string {
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    throw invalid(source, `binary data, not text (NUL byte at offset ${nul})`);
  }
  try {
    // A BOM is dropped (ignoreBOM false is the default).
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch (error) {
    const offset = firstInvalidUtf8(bytes);
    throw new AppError(
      "INVALID_INPUT",
      `Cannot code "${source}": not valid UTF-8 (bad byte 0x${(bytes[offset] ?? 0).toString(16)} at offset ${offset}); ` +
        "convert it first, e.g. iconv -f windows-1252 -t utf-8",
      { cause: error },
    );
  }
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : 3;
    if (b >= 0x80 && (b < 0xc2 || b > 0xf4)) return i;
    for (let k = 1; k <= need; k += 1) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return bytes.length;
}

/**
 * Throws the "more than the limit" error when `size` bytes exceed the limit.
 * `isPartial`: reading stopped at the limit (a stream), so the full size is unknown.
 */
export function checkSize(
  size: number,
  options: PrepareOptions & { isPartial?: boolean } = {},
): void {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (size <= maxBytes) return;
  const what = options.isPartial === true ? "the input is" : `${formatMb(size)} is`;
  throw invalid(
    options.source ?? "input",
    `${what} more than the limit of ${formatMb(maxBytes)} (${maxBytes} bytes); split the text into articles`,
  );
}

/** Plain text of the input; throws `AppError("INVALID_INPUT")` with the reason. */
export function prepareText(
  input: string | Uint8Array,
  options: PrepareOptions = {},
): PreparedText {
  const source = options.source ?? "input";
  checkSize(typeof input === "string" ? Buffer.byteLength(input, "utf8") : input.length, options);
  let text = typeof input === "string" ? input : decodeUtf8(input, source);
  if (typeof input === "string" && text.includes("\u0000")) {
    throw invalid(
      source,
      `binary data, not text (NUL character at offset ${text.indexOf("\u0000")})`,
    );
  }
  if (text.includes("\uFFFD")) {
    throw invalid(
      source,
      `contains U+FFFD replacement characters at offset ${text.indexOf("\uFFFD")}: it was decoded with the wrong encoding`,
    );
  }
  const format = options.format ?? (looksLikeHtml(text) ? "html" : "text");
  if (format === "html") text = extractMainText(text);
  text = text.replace(/\r\n?/g, "\n");
  if (text.trim() === "") {
    throw invalid(source, format === "html" ? "the HTML page has no text" : "the text is empty");
  }
  return { text, format };
}
