/**
 * GDELT 2.0 file lists (`masterfilelist.txt`, `lastupdate.txt`): one file per line as
 * `<bytes> <md5> <url>`, a new export/mentions/gkg triple every 15 minutes. Pure functions:
 * parsing a line, choosing the export files of a window, naming the missing slots.
 */
import { AppError } from "../domain/errors.ts";

/** Where GDELT publishes 2.0 files; the URLs in its lists start with this. */
export const GDELT_BASE_URL = "http://data.gdeltproject.org/gdeltv2/";

/** GDELT 2.0 publishes one export file per 15 minutes, named by the slot's UTC start. */
export const SLOT_MINUTES = 15;

export interface ListEntry {
  bytes: number;
  md5: string;
  url: string;
  /** The file name, e.g. `20150218230000.export.CSV.zip`. */
  name: string;
}

export interface ExportEntry extends ListEntry {
  /** `YYYYMMDDHHMMSS`, UTC; compares as a string. */
  slot: string;
}

export type ParsedLine =
  | { kind: "entry"; entry: ListEntry }
  | { kind: "blank" }
  | { kind: "bad"; reason: string };

/** One list line. Bad lines are values, not exceptions: the caller reports them by line number. */
export function parseListLine(line: string): ParsedLine {
  const text = line.trim();
  if (text === "") return { kind: "blank" };
  const parts = text.split(/\s+/);
  if (parts.length !== 3)
    return { kind: "bad", reason: `expected 3 fields, found ${parts.length}` };
  const [size = "", md5 = "", url = ""] = parts;
  if (!/^\d+$/.test(size)) return { kind: "bad", reason: `size "${size}" is not a number` };
  if (!/^[0-9a-f]{32}$/i.test(md5)) return { kind: "bad", reason: `md5 "${md5}" is not 32 hex` };
  const name = url.slice(url.lastIndexOf("/") + 1);
  if (!/^https?:\/\//i.test(url) || name === "") {
    return { kind: "bad", reason: `url "${url}" is not an http(s) file URL` };
  }
  return { kind: "entry", entry: { bytes: Number(size), md5: md5.toLowerCase(), url, name } };
}

const EXPORT_NAME = /^(\d{14})\.export\.CSV\.zip$/i;

/** The slot of an export file (`20150218230000.export.CSV.zip` → `20150218230000`), else null. */
export function exportSlot(name: string): string | null {
  const match = EXPORT_NAME.exec(name);
  return match?.[1] ?? null;
}

export interface Window {
  /** Inclusive lower bound, `YYYYMMDDHHMMSS`. */
  since: string | null;
  /** Inclusive upper bound, `YYYYMMDDHHMMSS`. */
  until: string | null;
}

export function isInWindow(slot: string, window: Window): boolean {
  return (
    (window.since === null || slot >= window.since) &&
    (window.until === null || slot <= window.until)
  );
}

export function exportEntry(entry: ListEntry): ExportEntry | null {
  const slot = exportSlot(entry.name);
  return slot === null ? null : { ...entry, slot };
}

/**
 * `--since`/`--until` as a slot bound: `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS][Z]` or
 * `YYYYMMDDHHMMSS`, all UTC (GDELT names files in UTC). A bare `--until` day includes the whole day.
 */
export function parseSlotBound(text: string, edge: "since" | "until"): string {
  const value = text.trim();
  const match =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?Z?)?$/.exec(value) ??
    /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(value);
  const fail = () =>
    new AppError(
      "INVALID_INPUT",
      `--${edge} "${text}" is not a date: use YYYY-MM-DD, YYYY-MM-DDTHH:MM (UTC) or YYYYMMDDHHMMSS`,
    );
  if (!match) throw fail();
  const [, y = "", mo = "", d = "", h, mi, s] = match;
  const isDayOnly = h === undefined;
  const time = isDayOnly
    ? edge === "since"
      ? ["00", "00", "00"]
      : ["23", "59", "59"]
    : [h, mi ?? "00", s ?? "00"];
  const slot = `${y}${mo}${d}${time.join("")}`;
  const date = slotToDate(slot);
  if (date === null || formatSlot(date) !== slot) throw fail();
  return slot;
}

/** `YYYYMMDDHHMMSS` → Date (UTC), or null when it is no real time. */
export function slotToDate(slot: string): Date | null {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(slot);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m.map(Number);
  const date = new Date(Date.UTC(y ?? 0, (mo ?? 1) - 1, d, h, mi, s));
  return Number.isNaN(date.getTime()) ? null : date;
}

export function formatSlot(date: Date): string {
  return date.toISOString().replace(/[-:T]/g, "").slice(0, 14);
}

const SLOT_MS = SLOT_MINUTES * 60_000;

/**
 * The export slots missing from `present` between `from` and `to` (both inclusive, rounded
 * inward to the 15-minute cadence). `present` need not be sorted: GDELT's master list is not
 * always in time order (2015-02-19 04:00 is listed before 03:45).
 */
export function findGaps(present: Iterable<string>, from: string, to: string): string[] {
  const start = slotToDate(from);
  const end = slotToDate(to);
  if (start === null || end === null) return [];
  const have = new Set(present);
  const gaps: string[] = [];
  const first = Math.ceil(start.getTime() / SLOT_MS) * SLOT_MS;
  for (let t = first; t <= end.getTime(); t += SLOT_MS) {
    const slot = formatSlot(new Date(t));
    if (!have.has(slot)) gaps.push(slot);
  }
  return gaps;
}

/** The file name GDELT would use for a slot's export. */
export function exportName(slot: string): string {
  return `${slot}.export.CSV.zip`;
}

/**
 * Gaps as short text: runs of consecutive slots become `first … last (n slots)`, so an outage
 * of a day is one line, yet every missing slot is named by its bounds.
 */
export function describeGaps(gaps: readonly string[]): string[] {
  const runs: string[][] = [];
  for (const slot of [...gaps].sort()) {
    const run = runs.at(-1);
    const last = run?.at(-1);
    const lastTime = last === undefined ? null : slotToDate(last);
    const time = slotToDate(slot);
    if (run && lastTime && time && time.getTime() - lastTime.getTime() === SLOT_MS) run.push(slot);
    else runs.push([slot]);
  }
  return runs.map((run) => {
    const [first = "", ...rest] = run;
    const last = rest.at(-1);
    if (last === undefined) return exportName(first);
    if (rest.length === 1) return `${exportName(first)}, ${exportName(last)}`;
    return `${exportName(first)} … ${exportName(last)} (${run.length} slots)`;
  });
}

/**
 * The URL to fetch a listed file from. Lists name `http://data.gdeltproject.org/gdeltv2/…`; with
 * another base (a mirror, a local test server) the file name is resolved against that base.
 */
export function resolveFileUrl(listedUrl: string, baseUrl: string): string {
  const base = withSlash(baseUrl);
  if (base === GDELT_BASE_URL) return listedUrl;
  const name = listedUrl.slice(listedUrl.lastIndexOf("/") + 1);
  return new URL(name, base).toString();
}

export function withSlash(url: string): string {
  return url.endsWith("/") ? url : `${url}/`;
}
