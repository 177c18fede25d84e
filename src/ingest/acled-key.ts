/**
 * A stable key for ACLED rows that lack `event_id_cnty` (re-published subsets, partial exports):
 * "acled-h-" + the first 16 hex digits of SHA-256 over what identifies an event — when, what
 * kind, where:
 *   event_date (ISO), event type (ACLED's six, the sub-event type's when the file has no
 *   event_type column), admin1, admin2, location, latitude, longitude.
 * Text is trimmed, lower-cased and its whitespace collapsed; numbers are written as JavaScript
 * prints them ("26.30910" → "26.3091"); parts are joined by U+001F.
 *
 * Left out on purpose, because ACLED revises them in later exports and a revised row must update
 * the stored event rather than add a second one: fatalities, notes, actors (an attack by an
 * "Unidentified Armed Group" is often attributed once claimed), the sub-event type (recoded within
 * its type), precision codes, timestamps and helper columns.
 *
 * Rows alike in all seven parts ("twins": two clashes in one district on one day) get "-2",
 * "-3", … in file order, so among twins — and only there — the key depends on row order: a
 * re-export that reorders twins swaps their contents (an update of each, no new event).
 * The same event in exports with different column sets (one without admin2) gets different
 * keys: import one layout per series.
 */
import { createHash } from "node:crypto";

const DERIVED_KEY_PREFIX = "acled-h-";

export interface AcledKeyParts {
  date: string;
  eventType: string;
  admin1: string;
  admin2: string;
  location: string;
  lat: number | null;
  lon: number | null;
}

function normalise(value: string): string {
  return value.trim().toLowerCase().replace(/\s+/g, " ");
}

export function acledKey(parts: AcledKeyParts): string {
  return derivedKey(DERIVED_KEY_PREFIX, parts);
}

/** The same hash under another prefix (mapped CSV files without a key column use "h-"). */
export function derivedKey(prefix: string, parts: AcledKeyParts): string {
  const values = [
    parts.date,
    normalise(parts.eventType),
    normalise(parts.admin1),
    normalise(parts.admin2),
    normalise(parts.location),
    parts.lat === null ? "" : String(parts.lat),
    parts.lon === null ? "" : String(parts.lon),
  ];
  const digest = createHash("sha256").update(values.join("\u001f")).digest("hex");
  return `${prefix}${digest.slice(0, 16)}`;
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
