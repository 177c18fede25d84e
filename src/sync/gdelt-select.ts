/**
 * Choosing what to fetch from a GDELT file list, one line at a time (the master list is hundreds
 * of MB, so it is never held whole): the export files in the window, the lines that could not be
 * read, and the 15-minute slots with no export file at all.
 */
import {
  type ExportEntry,
  exportEntry,
  findGaps,
  isInWindow,
  parseListLine,
  type Window,
} from "./gdelt-list.ts";

export interface Selection {
  /** Export files in the window, in slot order, one per name. */
  entries: ExportEntry[];
  /** Slots in the window (within the list's span) without an export file. */
  gaps: string[];
  /** Lines that could not be read, and names listed twice with different checksums. */
  problems: string[];
  /** Export lines in the whole list, in or out of the window. */
  listedExports: number;
}

export interface ListSelector {
  add(line: string): void;
  finish(): Selection;
}

/**
 * Collects a list's export entries for a window. Gaps are only looked for between the list's
 * first and last export slot: before GDELT 2.0 began, or after the list ends, nothing is missing.
 */
export function createListSelector(
  listName: string,
  window: Window,
  options: { findGaps?: boolean } = {},
): ListSelector {
  const byName = new Map<string, { entry: ExportEntry; line: number }>();
  const problems: string[] = [];
  let lineNo = 0;
  let listedExports = 0;
  let first: string | null = null;
  let last: string | null = null;
  return {
    add(line) {
      lineNo++;
      const parsed = parseListLine(line);
      if (parsed.kind === "blank") return;
      if (parsed.kind === "bad") {
        problems.push(`${listName} line ${lineNo}: ${parsed.reason}`);
        return;
      }
      const entry = exportEntry(parsed.entry);
      if (entry === null) return;
      listedExports++;
      if (first === null || entry.slot < first) first = entry.slot;
      if (last === null || entry.slot > last) last = entry.slot;
      if (!isInWindow(entry.slot, window)) return;
      const earlier = byName.get(entry.name);
      if (earlier && (earlier.entry.md5 !== entry.md5 || earlier.entry.bytes !== entry.bytes)) {
        problems.push(
          `${listName}: ${entry.name} is listed twice with different checksums (lines ${earlier.line} and ${lineNo}); line ${lineNo} is used`,
        );
      }
      byName.set(entry.name, { entry, line: lineNo });
    },
    finish() {
      const entries = [...byName.values()]
        .map((v) => v.entry)
        .sort((a, b) => (a.slot < b.slot ? -1 : a.slot > b.slot ? 1 : 0));
      let gaps: string[] = [];
      if (options.findGaps !== false && first !== null && last !== null) {
        const from = window.since !== null && window.since > first ? window.since : first;
        const to = window.until !== null && window.until < last ? window.until : last;
        if (from <= to)
          gaps = findGaps(
            entries.map((e) => e.slot),
            from,
            to,
          );
      }
      return { entries, gaps, problems, listedExports };
    },
  };
}
