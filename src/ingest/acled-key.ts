/**
 * A stable key for ACLED rows that lack `event_id_cnty` (re-published subsets):
 * "acled-h-" + the first 16 hex digits of SHA-256 over the row's normalised
 * (event_date, event_type, sub_event_type, actor1, actor2, admin1, admin2, location, latitude,
 * longitude). Text is trimmed, lower-cased and its whitespace collapsed; the date is ISO; numbers
 * are written as JavaScript prints them ("26.30910" → "26.3091"); parts are joined by U+001F.
 * The same event in a re-export gets the same key. Rows identical in all ten parts get "-2",
 * "-3", … in file order (so the key depends on row order only among such twins).
 */
import { createHash } from "node:crypto";

const DERIVED_KEY_PREFIX = "acled-h-";

const TEXT_PARTS = [
  "event_type",
  "sub_event_type",
  "actor1",
  "actor2",
  "admin1",
  "admin2",
  "location",
] as const;

function normalise(value: string): string {
  return value.trim().toLowerCase().replace(/\s+/g, " ");
}

export function acledKey(
  get: (name: string) => string,
  date: string,
  lat: number | null,
  lon: number | null,
): string {
  const parts = [
    date,
    ...TEXT_PARTS.map((name) => normalise(get(name))),
    lat === null ? "" : String(lat),
    lon === null ? "" : String(lon),
  ];
  const digest = createHash("sha256").update(parts.join("\u001f")).digest("hex");
  return `${DERIVED_KEY_PREFIX}${digest.slice(0, 16)}`;
}

/** Suffixes repeated derived keys within one file: key, key-2, key-3, … */
export class KeyDeduper {
  private readonly seen = new Map<string, number>();

  unique(key: string, isDerived: boolean): string {
    if (!isDerived) return key;
    const count = (this.seen.get(key) ?? 0) + 1;
    this.seen.set(key, count);
    return count === 1 ? key : `${key}-${count}`;
  }
}
