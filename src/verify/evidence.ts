/**
 * Evidence files: the type is read from the content (magic bytes), never from the name or the
 * declared content type; names are cut down to a safe basename whose extension matches the
 * content; downloads are attachments only.
 */

export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

export interface EvidenceType {
  mediaType: string;
  extensions: readonly string[];
}

const PDF: EvidenceType = { mediaType: "application/pdf", extensions: ["pdf"] };
const PNG: EvidenceType = { mediaType: "image/png", extensions: ["png"] };
const JPEG: EvidenceType = { mediaType: "image/jpeg", extensions: ["jpg", "jpeg"] };
const GIF: EvidenceType = { mediaType: "image/gif", extensions: ["gif"] };
const WEBP: EvidenceType = { mediaType: "image/webp", extensions: ["webp"] };
const MP4: EvidenceType = { mediaType: "video/mp4", extensions: ["mp4", "m4v"] };
const TEXT: EvidenceType = { mediaType: "text/plain; charset=utf-8", extensions: ["txt"] };

export const ACCEPTED_TYPES = "PDF, PNG, JPEG, GIF, WebP, MP4 video or plain UTF-8 text";

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  if (bytes.length < at + prefix.length) return false;
  return prefix.every((b, i) => bytes[at + i] === b);
}

function ascii(text: string): number[] {
  return [...text].map((c) => c.charCodeAt(0));
}

// ISO base media brands that are MP4 video (ISO/IEC 14496-12 and -14).
const MP4_BRANDS = new Set([
  "isom",
  "iso2",
  "iso4",
  "iso5",
  "iso6",
  "mp41",
  "mp42",
  "avc1",
  "M4V ",
  "dash",
]);

// Markup is refused even as text: a browser that ignored the download headers would run it.
const MARKUP = /^\s*<(?:!doctype|html|head|body|script|svg|\?xml|iframe|object|embed|meta|a\s)/i;

/** Control bytes other than tab, line feed and carriage return mark a binary file. */
function hasControlBytes(bytes: Uint8Array): boolean {
  return bytes.some((b) => (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) || b === 0x7f);
}

function sniffText(bytes: Uint8Array): EvidenceType | null {
  if (hasControlBytes(bytes)) return null;
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  if (MARKUP.test(text.replace(/^\ufeff/, ""))) return null;
  return TEXT;
}

/** The type of a file by its first bytes, or null when it is none of the accepted ones. */
export function sniffEvidenceType(bytes: Uint8Array): EvidenceType | null {
  if (bytes.length === 0) return null;
  if (startsWith(bytes, ascii("%PDF-"))) return PDF;
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return PNG;
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return JPEG;
  if (startsWith(bytes, ascii("GIF87a")) || startsWith(bytes, ascii("GIF89a"))) return GIF;
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return WEBP;
  if (startsWith(bytes, ascii("ftyp"), 4)) {
    const brand = String.fromCharCode(...bytes.subarray(8, 12));
    return MP4_BRANDS.has(brand) ? MP4 : null;
  }
  return sniffText(bytes);
}

const WINDOWS_RESERVED = /^(?:con|prn|aux|nul|com\d|lpt\d)(?:\.|$)/i;
const MAX_NAME = 120;

/**
 * A filename safe to store and to offer for download: the last path segment only, letters,
 * digits and `._()-` kept, everything else `_`, no leading dots, at most 120 characters, and
 * an extension that matches the content ("report.pdf" holding a PNG becomes "report.pdf.png").
 */
export function sanitizeFilename(raw: string, type: EvidenceType): string {
  const base = raw.normalize("NFC").split(/[/\\]/).pop() ?? "";
  let name = base
    .replace(/\p{C}/gu, "")
    .replace(/[^\p{L}\p{M}\p{N} ._()-]/gu, "_")
    .replace(/\s+/g, " ")
    .replace(/\.{2,}/g, ".")
    .replace(/^[\s.]+|[\s.]+$/g, "");
  if (WINDOWS_RESERVED.test(name)) name = `_${name}`;
  const ext = type.extensions[0] ?? "bin";
  const current = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase();
  const suffix = current !== undefined && type.extensions.includes(current) ? "" : `.${ext}`;
  const stem = (name || "evidence").slice(0, MAX_NAME - suffix.length);
  return `${stem}${suffix}`;
}

/** RFC 6266 with an RFC 5987 UTF-8 name and a plain ASCII fallback for old clients. */
export function contentDisposition(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** Headers of every evidence download: never rendered, never sniffed, never scripted. */
export function downloadHeaders(filename: string, mediaType: string): Record<string, string> {
  return {
    "content-type": mediaType,
    "content-disposition": contentDisposition(filename),
    "x-content-type-options": "nosniff",
    "content-security-policy": "sandbox; default-src 'none'",
    "cache-control": "private, no-store",
    "cross-origin-resource-policy": "same-origin",
  };
}
