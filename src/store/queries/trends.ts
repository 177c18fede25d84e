import type { Sql } from "../db.ts";

/** Period units the store aggregates by (`date_trunc` fields). */
export type TrendUnit = "day" | "week" | "month" | "quarter";

export const TREND_GROUPS = [
  "none",
  "category",
  "subtype",
  "country",
  "admin1",
  "actor",
  "direction",
] as const;
export type TrendGroup = (typeof TREND_GROUPS)[number];

/** One (period, group) aggregate. */
export interface TrendCountRow {
  periodStart: string;
  group: string | null;
  events: number;
  best: number;
  low: number;
  high: number;
  withFatalities: number;
  eventIds?: number[];
}

/**
 * The group expression of each grouping, from a closed list (never user text). An event with
 * two actors counts once for each actor; the same actor twice in one event counts once. The
 * actors are read per event of the range (LATERAL): a DISTINCT over all of event_actors read
 * two million rows with a simulation stored.
 */
const GROUP_SQL: Record<TrendGroup, { expr: string; join: string }> = {
  none: { expr: "NULL::text", join: "" },
  category: { expr: "e.category", join: "" },
  subtype: { expr: "e.subtype", join: "" },
  country: { expr: "e.country_iso3", join: "" },
  admin1: { expr: "e.admin1", join: "" },
  actor: {
    expr: "ea.actor_id",
    join: "JOIN LATERAL (SELECT DISTINCT a.actor_id FROM event_actors a WHERE a.event_id = e.id) ea ON true",
  },
  direction: { expr: "e.cross_border_direction", join: "" },
};

/** `date_trunc` on a timestamp without time zone, so the session's TimeZone cannot shift a day. */
export function periodSql(unit: TrendUnit, column = "e.date_start"): string {
  return unit === "day" ? column : `date_trunc('${unit}', ${column}::timestamp)::date`;
}

/**
 * Fatality sums of a set of events `e`: best; low and high where given, else the best
 * estimate (ACLED gives one number, which is then both bounds); events with an estimate.
 */
export const FATALITY_SUMS = `
  coalesce(sum(e.fatalities_best), 0)::int8 AS best,
  coalesce(sum(coalesce(e.fatalities_low, e.fatalities_best)), 0)::int8 AS low,
  coalesce(sum(coalesce(e.fatalities_high, e.fatalities_best)), 0)::int8 AS high,
  count(e.fatalities_best)::int8 AS with_fatalities`;

export interface CountRow {
  period_start: string;
  grp: string | null;
  events: number;
  best: number;
  low: number;
  high: number;
  with_fatalities: number;
  event_ids?: number[];
}

export function toCountRow(row: CountRow): TrendCountRow {
  const out: TrendCountRow = {
    periodStart: row.period_start,
    group: row.grp,
    events: row.events,
    best: row.best,
    low: row.low,
    high: row.high,
    withFatalities: row.with_fatalities,
  };
  if (row.event_ids !== undefined) out.eventIds = row.event_ids;
  return out;
}

/** Events and fatalities per period and group, `date_start` from `from` to `to` inclusive. */
export async function countTrends(
  db: Sql,
  options: { unit: TrendUnit; group: TrendGroup; from: string; to: string; withIds?: boolean },
): Promise<TrendCountRow[]> {
  const { expr, join } = GROUP_SQL[options.group];
  const ids = options.withIds ? ", json_agg(e.id ORDER BY e.date_start, e.id) AS event_ids" : "";
  const rows = await db.query<CountRow>(
    `SELECT ${periodSql(options.unit)} AS period_start, ${expr} AS grp,
       count(*)::int8 AS events, ${FATALITY_SUMS}${ids}
     FROM events e ${join}
     WHERE NOT e.simulated AND e.merged_into IS NULL
       AND e.date_start >= $1::date AND e.date_start <= $2::date
     GROUP BY 1, 2 ORDER BY 1, 2`,
    [options.from, options.to],
  );
  return rows.map(toCountRow);
}
