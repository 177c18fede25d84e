/**
 * Monthly histories from what the store counts: per-month totals, the events behind them, and
 * the spans the imported files cover. A month outside every span is missing (null), not zero:
 * the UCDP Pakistan files cover 1989–2021 and 2026, and 2022–2025 is a gap in the data, not
 * four quiet years.
 */
import {
  dateOfDay,
  dayNumber,
  firstDayOfMonth,
  lastDayOfMonth,
  monthKey,
  monthNumber,
  monthOfDate,
} from "./months.ts";
import type { DayRange } from "./questions.ts";
import type { DayValue, MonthlyHistory } from "./types.ts";

export type Target = "fatalities" | "events";

export const TARGETS: readonly Target[] = ["fatalities", "events"];

export interface MonthTotals {
  /** "YYYY-MM". */
  month: string;
  events: number;
  fatalities: number;
  /** Events attributed across the border (either direction). */
  crossBorder: number;
}

export interface DatedEvent {
  /** date_start, "YYYY-MM-DD". */
  date: string;
  fatalities: number;
}

/** First and last date (YYYY-MM-DD) of the events of one imported file. */
export interface CoverageSpan {
  first: string;
  last: string;
}

/** Month numbers covered by at least one span, whole months from each span's first to last. */
export function coveredMonths(spans: readonly CoverageSpan[]): Set<number> {
  const covered = new Set<number>();
  for (const span of spans) {
    const last = monthNumber(monthOfDate(span.last));
    for (let m = monthNumber(monthOfDate(span.first)); m <= last; m++) covered.add(m);
  }
  return covered;
}

/** The covered months as runs of days (merged, sorted), for the watch questions. */
export function coveredDays(spans: readonly CoverageSpan[]): DayRange[] {
  const months = [...coveredMonths(spans)].sort((a, b) => a - b);
  const runs: DayRange[] = [];
  for (const m of months) {
    const first = firstDayOfMonth(monthKey(m));
    const last = lastDayOfMonth(monthKey(m));
    const previous = runs[runs.length - 1];
    if (previous && previous.last + 1 === first) previous.last = last;
    else runs.push({ first, last });
  }
  return runs;
}

/** The last day of the last covered month, YYYY-MM-DD; null when nothing is covered. */
export function coverageEnd(spans: readonly CoverageSpan[]): string | null {
  const runs = coveredDays(spans);
  const last = runs[runs.length - 1];
  return last ? dateOfDay(last.last) : null;
}

export interface BuildHistoryInput {
  target: Target;
  months: readonly MonthTotals[];
  events: readonly DatedEvent[];
  coverage: readonly CoverageSpan[];
}

/**
 * The history from the first to the last covered month. The covariates are the other count
 * (events for a fatalities target, fatalities for an events target) and cross-border events.
 * Null when nothing is covered.
 */
export function buildHistory(input: BuildHistoryInput): MonthlyHistory | null {
  const covered = coveredMonths(input.coverage);
  if (covered.size === 0) return null;
  const first = Math.min(...covered);
  const last = Math.max(...covered);
  const byMonth = new Map(input.months.map((m) => [monthNumber(m.month), m]));
  const values: (number | null)[] = [];
  const other: (number | null)[] = [];
  const crossBorder: (number | null)[] = [];
  for (let m = first; m <= last; m++) {
    const totals = byMonth.get(m);
    const isCovered = covered.has(m);
    values.push(
      isCovered
        ? ((input.target === "fatalities" ? totals?.fatalities : totals?.events) ?? 0)
        : null,
    );
    other.push(
      isCovered
        ? ((input.target === "fatalities" ? totals?.events : totals?.fatalities) ?? 0)
        : null,
    );
    crossBorder.push(isCovered ? (totals?.crossBorder ?? 0) : null);
  }
  const events: DayValue[] = input.events
    .filter((e) => covered.has(monthNumber(monthOfDate(e.date))))
    .map((e) => ({
      day: dayNumber(e.date),
      value: input.target === "fatalities" ? e.fatalities : 1,
    }))
    .sort((a, b) => a.day - b.day);
  return {
    start: monthKey(first),
    values,
    covariates: { [input.target === "fatalities" ? "events" : "fatalities"]: other, crossBorder },
    events,
  };
}
