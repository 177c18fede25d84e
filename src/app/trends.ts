import {
  buildTrendRows,
  type CrossBorderItem,
  closureItems,
  closureRung,
  closures,
  countByPeriod,
  crossBorderGroup,
  type EventRef,
  eventRef,
  type Figures,
  lookbackStart,
  type PeriodUnit,
  pairActors,
  pairOf,
  parseCrossBorderGroup,
  parseDateBound,
  periodOf,
  sumRows,
  type TrendCount,
  type TrendRow,
} from "../analysis/index.ts";
import { AppError } from "../domain/errors.ts";
import { createResolver, type Profile } from "../domain/profile/index.ts";
import type { Sql } from "../store/db.ts";
import {
  countTrends,
  crossBorderView,
  eventDateRange,
  loadEvents,
  loadEventsById,
  type TrendGroup,
} from "../store/queries/index.ts";

export const TREND_UNITS = ["day", "week", "month"] as const;
export const CROSS_BORDER_GROUP = "crossborder";
export type TrendGrouping = TrendGroup | typeof CROSS_BORDER_GROUP;

export interface TrendsQuery {
  unit: PeriodUnit;
  group: TrendGrouping;
  /** Date bounds as given (a day, a month or a year); default: the stored events' range. */
  from?: string;
  to?: string;
  explain?: boolean;
  /** Cross-border view: how many of the latest events to list. */
  latest?: number;
}

export interface TrendsResult {
  unit: PeriodUnit;
  group: TrendGrouping;
  from: string | null;
  to: string | null;
  rows: TrendRow[];
  totals: Figures;
  /** Cross-border view: the latest events with their kind and sources. */
  latest?: CrossBorderItem[];
  /** With `explain`: every event behind the rows, by id. */
  events?: EventRef[];
}

function bound(value: string | undefined, side: "start" | "end", flag: string): string | null {
  if (value === undefined) return null;
  const date = parseDateBound(value, side);
  if (date === null) {
    throw new AppError(
      "INVALID_INPUT",
      `${flag} "${value}" is not a date (YYYY-MM-DD, YYYY-MM or YYYY)`,
    );
  }
  return date;
}

/** The periods asked for, whole: from the start of `from`'s period to the end of `to`'s. */
async function resolveRange(
  db: Sql,
  query: TrendsQuery,
): Promise<{ from: string; to: string } | null> {
  const given = { from: bound(query.from, "start", "--from"), to: bound(query.to, "end", "--to") };
  const stored = given.from !== null && given.to !== null ? null : await eventDateRange(db);
  const from = given.from ?? stored?.first ?? null;
  const to = given.to ?? stored?.last ?? null;
  if (from === null || to === null) return null;
  if (from > to) throw new AppError("INVALID_INPUT", `--from ${from} is after --to ${to}`);
  return { from: periodOf(from, query.unit).start, to: periodOf(to, query.unit).end };
}

/** The latest classified events, with their kind, direction and sources. */
async function latestClassified(
  db: Sql,
  rows: readonly { id: number; grp: string }[],
): Promise<CrossBorderItem[]> {
  const events = new Map(
    (
      await loadEventsById(
        db,
        rows.map((r) => r.id),
      )
    ).map((e) => [e.id, e]),
  );
  return rows.flatMap((row) => {
    const event = events.get(row.id);
    const label = parseCrossBorderGroup(row.grp);
    return event === undefined || label === null ? [] : [{ ...eventRef(event), ...label }];
  });
}

/** Cross-border counts (SQL) plus border closures (matched on the closure rung's candidates). */
async function crossBorderCounts(
  db: Sql,
  profile: Profile,
  query: TrendsQuery & { readFrom: string; to: string },
): Promise<{ counts: TrendCount[]; latest: CrossBorderItem[] }> {
  const limit = query.latest ?? 10;
  const { counts, latest: labelled } = await crossBorderView(db, {
    from: query.readFrom,
    to: query.to,
    pair: pairOf(profile),
    actors: pairActors(profile),
    unit: query.unit,
    withIds: query.explain,
    limit,
  });
  const latest = await latestClassified(db, labelled);
  const rung = closureRung(profile);
  if (rung === null) return { counts, latest };
  const candidates = await loadEvents(db, {
    from: query.readFrom,
    to: query.to,
    categories: rung.pattern.category,
    modes: rung.pattern.mode,
    countries: rung.pattern.country,
  });
  const closed = closures(candidates, rung, createResolver(profile).matches);
  const group = crossBorderGroup("border-closure", null);
  const newestFirst = [...latest, ...closureItems(closed)].sort(
    (a, b) => b.date.localeCompare(a.date) || b.id - a.id,
  );
  return {
    counts: [...counts, ...countByPeriod(closed, query.unit, group, query.explain === true)],
    latest: newestFirst.slice(0, limit),
  };
}

/**
 * Trend rows for the query, with the events behind them when `explain` is set. Shared by
 * `frontier trends`, `GET /api/trends` and `GET /api/crossborder`.
 */
export async function computeTrends(
  db: Sql,
  profile: Profile,
  query: TrendsQuery,
): Promise<TrendsResult> {
  const range = await resolveRange(db, query);
  const base = { unit: query.unit, group: query.group };
  if (range === null) {
    return { ...base, from: null, to: null, rows: [], totals: sumRows([]) };
  }
  const readFrom = lookbackStart(range.from, query.unit);
  const group = query.group;
  const { counts, latest } =
    group === CROSS_BORDER_GROUP
      ? await crossBorderCounts(db, profile, { ...query, readFrom, to: range.to })
      : {
          counts: await countTrends(db, {
            unit: query.unit,
            group,
            from: readFrom,
            to: range.to,
            withIds: query.explain,
          }),
          latest: undefined,
        };
  const rows = buildTrendRows(counts, {
    unit: query.unit,
    ...range,
    grouped: query.group !== "none",
  });
  const result: TrendsResult = { ...base, ...range, rows, totals: sumRows(rows) };
  if (latest !== undefined) result.latest = latest;
  if (query.explain) {
    const events = await loadEventsById(
      db,
      rows.flatMap((r) => r.eventIds ?? []),
    );
    result.events = events.map(eventRef);
  }
  return result;
}
