/** Helpers for the ingest tests (not part of the folder's API). */
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { SourceRecord } from "../domain/event.ts";
import { parseProfile } from "../domain/profile/index.ts";
import type { FileTotals, ReadItem } from "./items.ts";
import type { RowError } from "./row-error.ts";

const here = dirname(fileURLToPath(import.meta.url));

/** Hand-made fixtures in test/fixtures/ingest. */
export const FIXTURES = resolve(here, "../../test/fixtures/ingest");
/** The shared real data (../shared/data), read-only. */
export const DATA = resolve(here, "../../../shared/data");

export function fixture(name: string): string {
  return resolve(FIXTURES, name);
}

export function loadTestProfile() {
  const path = fixture("profile.yaml");
  return parseProfile(readFileSync(path, "utf8"), { source: path });
}

/** The shipped default profile, profiles/pak-afg.yaml, for tests of its attributions. */
export function loadShippedProfile() {
  const path = resolve(here, "../../profiles/pak-afg.yaml");
  return parseProfile(readFileSync(path, "utf8"), { source: path });
}

export interface Collected {
  records: SourceRecord[];
  inRegion: boolean[];
  errors: RowError[];
  deletions: { nativeId: string; deletedAt: string }[];
  skipped: { line: number; reason: string; totals: FileTotals | null }[];
}

export async function collect(items: AsyncIterable<ReadItem>): Promise<Collected> {
  const out: Collected = { records: [], inRegion: [], errors: [], deletions: [], skipped: [] };
  for await (const item of items) {
    if (item.kind === "record") {
      out.records.push(item.record);
      out.inRegion.push(item.inRegion);
    } else if (item.kind === "error") out.errors.push(item.error);
    else if (item.kind === "deletion") {
      out.deletions.push({ nativeId: item.nativeId, deletedAt: item.deletedAt });
    } else out.skipped.push({ line: item.line, reason: item.reason, totals: item.totals });
  }
  return out;
}

/** Text as an async iterable of chunks of `size` characters (to test chunk boundaries). */
export async function* chunked(text: string, size: number): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

export async function* byteChunks(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

/** The message of the error a promise rejects with. */
export async function messageOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error("expected the promise to reject");
}

/** True when the date is a real calendar day written YYYY-MM-DD (checked without ingest code). */
export function isRealDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  return new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;
}
