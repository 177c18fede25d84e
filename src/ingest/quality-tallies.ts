/** The bounded tallies the quality report is built from. */
import type { CountRange } from "./items.ts";

export const MAX_VALUES = 50;
export const MAX_FINGERPRINTS = 200_000;
const LINES_KEPT = 5;

export interface ValueCount {
  value: string;
  count: number;
}

/** Distinct values with their row counts, the most frequent first. */
export interface ValueList {
  values: ValueCount[];
  /** Rows whose value did not fit in the list (it was full). */
  otherRows: number;
  isTruncated: boolean;
}

/** Counts values up to MAX_VALUES distinct ones; rows of further values are counted together. */
export class BoundedCounter {
  private readonly counts = new Map<string, number>();
  private other = 0;

  add(value: string): void {
    const count = this.counts.get(value);
    if (count !== undefined) this.counts.set(value, count + 1);
    else if (this.counts.size < MAX_VALUES) this.counts.set(value, 1);
    else this.other++;
  }

  list(): ValueList {
    const values = [...this.counts]
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
    return { values, otherRows: this.other, isTruncated: this.other > 0 };
  }
}

/**
 * Rows seen under the same key (a fingerprint of the event): a key's first line, or — once seen
 * again — its count and first lines. At most MAX_FINGERPRINTS rows are checked.
 */
export class Fingerprints {
  private readonly seen = new Map<string, number | { count: number; lines: number[] }>();
  checkedRows = 0;

  add(key: string, line: number): void {
    if (this.checkedRows >= MAX_FINGERPRINTS) return;
    this.checkedRows++;
    const entry = this.seen.get(key);
    if (entry === undefined) this.seen.set(key, line);
    else if (typeof entry === "number") this.seen.set(key, { count: 2, lines: [entry, line] });
    else {
      entry.count++;
      if (entry.lines.length < LINES_KEPT) entry.lines.push(line);
    }
  }

  summary(maxExamples: number) {
    const groups = [...this.seen.values()].flatMap((entry) =>
      typeof entry === "number" ? [] : [entry],
    );
    return {
      groups: groups.length,
      rows: groups.reduce((sum, group) => sum + group.count, 0),
      examples: groups.slice(0, maxExamples).map((group) => ({ lines: group.lines })),
      checkedRows: this.checkedRows,
      isCapped: this.checkedRows >= MAX_FINGERPRINTS,
    };
  }
}

export interface YearTotals {
  year: number;
  /** Valid rows of that year in the file, and their fatalities. */
  rows: number;
  best: number;
  low: number | null;
  high: number | null;
  /** The same for the rows kept. */
  keptRows: number;
  keptBest: number;
  injured: number | null;
}

interface YearSums {
  rows: number;
  best: number;
  low: number;
  high: number;
  hasRange: boolean;
  keptRows: number;
  keptBest: number;
  injured: number;
  hasInjured: boolean;
}

/** Fatalities (and injured) per year, for all valid rows and for the rows kept. */
export class YearTable {
  private readonly years = new Map<number, YearSums>();

  add(year: number, fatalities: CountRange, injured: CountRange | undefined, isKept: boolean) {
    const sums = this.sumsOf(year);
    sums.rows++;
    sums.best += fatalities.best ?? 0;
    if (fatalities.low !== null || fatalities.high !== null) sums.hasRange = true;
    sums.low += fatalities.low ?? 0;
    sums.high += fatalities.high ?? 0;
    if (injured !== undefined) {
      sums.hasInjured = true;
      sums.injured += injured.best ?? injured.high ?? injured.low ?? 0;
    }
    if (isKept) {
      sums.keptRows++;
      sums.keptBest += fatalities.best ?? 0;
    }
  }

  list(): YearTotals[] {
    return [...this.years]
      .sort(([a], [b]) => a - b)
      .map(([year, sums]) => ({
        year,
        rows: sums.rows,
        best: sums.best,
        low: sums.hasRange ? sums.low : null,
        high: sums.hasRange ? sums.high : null,
        keptRows: sums.keptRows,
        keptBest: sums.keptBest,
        injured: sums.hasInjured ? sums.injured : null,
      }));
  }

  private sumsOf(year: number): YearSums {
    let sums = this.years.get(year);
    if (sums === undefined) {
      sums = {
        rows: 0,
        best: 0,
        low: 0,
        high: 0,
        hasRange: false,
        keptRows: 0,
        keptBest: 0,
        injured: 0,
        hasInjured: false,
      };
      this.years.set(year, sums);
    }
    return sums;
  }
}

export function emptyRange(): CountRange {
  return { best: null, low: null, high: null };
}

export function addRange(sum: CountRange, add: CountRange): void {
  if (add.best !== null) sum.best = (sum.best ?? 0) + add.best;
  if (add.low !== null) sum.low = (sum.low ?? 0) + add.low;
  if (add.high !== null) sum.high = (sum.high ?? 0) + add.high;
}
