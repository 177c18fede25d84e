/**
 * Canonical JSON after RFC 8785 (JCS): object keys sorted by UTF-16 code units, no
 * whitespace, numbers and strings written as ECMAScript's JSON.stringify writes them. Equal
 * values give equal bytes, so a hash over them is a hash over the value.
 */
import { createHash } from "node:crypto";

const LONE_SURROGATE = /\p{Cs}/u;

export function canonicalJson(value: unknown): string {
  return write(value, "$");
}

function write(value: unknown, path: string): string {
  if (value === null) return "null";
  switch (typeof value) {
    case "boolean":
      return value ? "true" : "false";
    case "number":
      if (!Number.isFinite(value)) throw new TypeError(`${path}: ${value} has no JSON form`);
      return JSON.stringify(value);
    case "string":
      // RFC 8785 §3.2.2.2: a lone surrogate cannot be written as UTF-8.
      if (LONE_SURROGATE.test(value)) throw new TypeError(`${path}: lone surrogate in string`);
      return JSON.stringify(value);
    case "object":
      return Array.isArray(value) ? writeArray(value, path) : writeObject(value, path);
    default:
      throw new TypeError(`${path}: a ${typeof value} has no JSON form`);
  }
}

function writeArray(items: readonly unknown[], path: string): string {
  return `[${items.map((item, i) => write(item, `${path}[${i}]`)).join(",")}]`;
}

function writeObject(value: object, path: string): string {
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) {
    throw new TypeError(`${path}: only plain objects are written, not ${proto?.constructor?.name}`);
  }
  // Like JSON.stringify, a property whose value is undefined is left out.
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  // Default sort compares UTF-16 code units, which is what RFC 8785 §3.2.3 asks for.
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const body = entries.map(([k, v]) => `${JSON.stringify(k)}:${write(v, `${path}.${k}`)}`);
  return `{${body.join(",")}}`;
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/** Stands in for free text in the audit log: binds the entry to the text without copying it. */
export function digestText(text: string): string {
  return `sha256:${sha256Hex(text)}`;
}
