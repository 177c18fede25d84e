/**
 * Trend series: counts per period and group (aggregated in SQL) turned into rows with the
 * change against the previous period and against the same period a year before.
 */
import type { TrendCountRow } from "../store/queries/index.ts";
import {
  earlierDate,
  type Period,
  type PeriodUnit,
  periodOf,
  periodsBetween,
  previousPeriod,
  yearBefore,
} from "./periods.ts";

/**
 * One (period, group) aggregate as the store returns it: `periodStart` is the period's first
 * day; `group` null when the event has none (no admin1, an unresolved actor); `best` the sum
 * of best estimates, `low`/`high` of the bounds (an event without them adds its best estimate
 * to both); `withFatalities` the events with an estimate (GDELT events have none).
 */
export type TrendCount = TrendCountRow;

export interface Figures {
  events: number;
  fatalities: { best: number; low: number; high: number };
  /** How many of the events have a fatality estimate. */
  withFatalities: number;
}

export interface Comparison {
  period: string;
  events: number;
  fatalities: number;
  /** Differences: this period minus the compared one. */
  eventsChange: number;
  fatalitiesChange: number;
  /** Percent changes, one decimal; null when the compared period had none. */
  eventsChangePct: number | null;
  fatalitiesChangePct: number | null;
}

export interface TrendRow extends Figures {
  period: string;
  start: string;
  end: string;
  group: string | null;
  vsPrevious: Comparison;
  vsYearBefore: Comparison;
  /** The events behind the figures (with `explain`). */
  eventIds?: number[];
}

export interface TrendOptions {
  unit: PeriodUnit;
  from: string;
  to: string;
  /** Without groups every period is listed, zeros too; grouped rows are listed when any of the
   * period, the previous one or the year-before one has events. */
  grouped: boolean;
}

const ZERO: Figures = { events: 0, fatalities: { best: 0, low: 0, high: 0 }, withFatalities: 0 };

/** The first date the store must be read from so that `from`'s comparisons have their data. */
export function lookbackStart(from: string, unit: PeriodUnit): string {
  const first = periodOf(from, unit);
  return earlierDate(previousPeriod(first).start, yearBefore(first).start);
}

export function percentChange(current: number, base: number): number | null {
  if (base === 0) return null;
  return Math.round(((current - base) / base) * 1000) / 10;
}

function compare(current: Figures, other: Figures, period: Period): Comparison {
  return {
    period: period.key,
    events: other.events,
    fatalities: other.fatalities.best,
    eventsChange: current.events - other.events,
    fatalitiesChange: current.fatalities.best - other.fatalities.best,
    eventsChangePct: percentChange(current.events, other.events),
    fatalitiesChangePct: percentChange(current.fatalities.best, other.fatalities.best),
  };
}

function figuresOf(count: TrendCount | undefined): Figures {
  if (count === undefined) return ZERO;
  return {
    events: count.events,
    fatalities: { best: count.best, low: count.low, high: count.high },
    withFatalities: count.withFatalities,
  };
}

function keyOf(periodStart: string, group: string | null): string {
  return `${periodStart}\u0000${group ?? ""}\u0000${group === null ? "null" : "value"}`;
}

/** Rows for every period from `from` to `to` and every group seen, with their comparisons. */
export function buildTrendRows(counts: readonly TrendCount[], options: TrendOptions): TrendRow[] {
  const byKey = new Map(counts.map((c) => [keyOf(c.periodStart, c.group), c]));
  const groups = [...new Set(counts.map((c) => c.group))].sort(compareGroups);
  if (groups.length === 0 && !options.grouped) groups.push(null);
  const rows: TrendRow[] = [];
  for (const period of periodsBetween(options.from, options.to, options.unit)) {
    const previous = previousPeriod(period);
    const lastYear = yearBefore(period);
    for (const group of groups) {
      const count = byKey.get(keyOf(period.start, group));
      const current = figuresOf(count);
      const before = figuresOf(byKey.get(keyOf(previous.start, group)));
      const yearAgo = figuresOf(byKey.get(keyOf(lastYear.start, group)));
      if (options.grouped && current.events + before.events + yearAgo.events === 0) continue;
      const row: TrendRow = {
        period: period.key,
        start: period.start,
        end: period.end,
        group,
        ...current,
        vsPrevious: compare(current, before, previous),
        vsYearBefore: compare(current, yearAgo, lastYear),
      };
      if (count?.eventIds !== undefined) row.eventIds = count.eventIds;
      else if (counts.some((c) => c.eventIds !== undefined)) row.eventIds = [];
      rows.push(row);
    }
  }
  return rows;
}

/** Groups sorted by name, the "none" group last. */
function compareGroups(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a.localeCompare(b);
}

/** Totals over rows (each row's own figures, not its comparisons). */
export function sumRows(rows: readonly Figures[]): Figures {
  return rows.reduce<Figures>(
    (sum, row) => ({
      events: sum.events + row.events,
      fatalities: {
        best: sum.fatalities.best + row.fatalities.best,
        low: sum.fatalities.low + row.fatalities.low,
        high: sum.fatalities.high + row.fatalities.high,
      },
      withFatalities: sum.withFatalities + row.withFatalities,
    }),
    ZERO,
  );
}
