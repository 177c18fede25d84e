import type { Sql } from "./db.ts";
import { SOURCES_OF_E } from "./queries/events.ts";

/** Filters shared by the events table, its exports and the API (one WHERE clause for all). */
export interface EventFilter {
  from?: string;
  to?: string;
  category?: string[];
  subtype?: string[];
  country?: string[];
  admin1?: string[];
  actor?: string[];
  crossBorder?: boolean;
  dataset?: string[];
  q?: string;
}

export interface EventRow {
  id: number;
  date_start: string;
  date_end: string;
  date_precision: string;
  country_iso3: string | null;
  admin1: string | null;
  admin2: string | null;
  place: string | null;
  lat: number | null;
  lon: number | null;
  geo_precision: string;
  category: string | null;
  mode: string | null;
  subtype: string | null;
  fatalities_best: number | null;
  fatalities_low: number | null;
  fatalities_high: number | null;
  cross_border: boolean;
  cross_border_direction: string | null;
  confidence: number;
  summary: string | null;
  actors: string;
  sources: string;
  simulated: boolean;
}

/** The exported columns, in their stable order. */
export const EVENT_COLUMNS: readonly (keyof EventRow)[] = [
  "id",
  "date_start",
  "date_end",
  "date_precision",
  "country_iso3",
  "admin1",
  "admin2",
  "place",
  "lat",
  "lon",
  "geo_precision",
  "category",
  "mode",
  "subtype",
  "fatalities_best",
  "fatalities_low",
  "fatalities_high",
  "cross_border",
  "cross_border_direction",
  "confidence",
  "summary",
  "actors",
  "sources",
  "simulated",
];

function where(filter: EventFilter, params: unknown[]): string {
  // Events as counted: cluster events and records standing alone, never merged-away records.
  const clauses: string[] = ["e.merged_into IS NULL"];
  const add = (sql: (n: string) => string, value: unknown) => {
    params.push(value);
    clauses.push(sql(`$${params.length}`));
  };
  if (filter.from) add((p) => `e.date_start >= ${p}::date`, filter.from);
  if (filter.to) add((p) => `e.date_start <= ${p}::date`, filter.to);
  if (filter.category?.length) add((p) => `e.category = ANY(${p}::text[])`, filter.category);
  if (filter.subtype?.length) add((p) => `e.subtype = ANY(${p}::text[])`, filter.subtype);
  if (filter.country?.length) add((p) => `e.country_iso3 = ANY(${p}::text[])`, filter.country);
  if (filter.admin1?.length) add((p) => `e.admin1 = ANY(${p}::text[])`, filter.admin1);
  if (filter.crossBorder !== undefined) add((p) => `e.cross_border = ${p}`, filter.crossBorder);
  if (filter.actor?.length)
    add(
      (p) =>
        `EXISTS (SELECT 1 FROM event_actors a WHERE a.event_id = e.id AND (a.actor_id = ANY(${p}::text[]) OR a.name = ANY(${p}::text[])))`,
      filter.actor,
    );
  if (filter.dataset?.length)
    add(
      (p) =>
        `EXISTS (SELECT 1 FROM event_sources s WHERE s.event_id = e.id AND s.dataset = ANY(${p}::text[]))`,
      filter.dataset,
    );
  if (filter.q)
    add((p) => `e.summary ILIKE ${p}`, `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  return `WHERE ${clauses.join(" AND ")}`;
}

const SELECT = `
  SELECT e.id, e.date_start, e.date_end, e.date_precision, e.country_iso3, e.admin1, e.admin2,
         e.place, e.lat, e.lon, e.geo_precision, e.category, e.mode, e.subtype,
         e.fatalities_best, e.fatalities_low, e.fatalities_high, e.cross_border,
         e.cross_border_direction, e.confidence, e.summary,
         coalesce((SELECT string_agg(a.name, '; ' ORDER BY a.position) FROM event_actors a WHERE a.event_id = e.id), '') AS actors,
         coalesce((SELECT string_agg(s.dataset || ':' || s.native_id, '; ' ORDER BY s.dataset, s.native_id) FROM ${SOURCES_OF_E}), '') AS sources,
         e.simulated
  FROM events e`;

/**
 * One page of events, newest first, by keyset: the cursor is the last row's (date, id), so
 * paging stays fast and stable while rows are added.
 */
export async function listEvents(
  db: Sql,
  filter: EventFilter,
  page: { limit: number; cursor?: { date: string; id: number } },
): Promise<{ items: EventRow[]; next: { date: string; id: number } | null }> {
  const params: unknown[] = [];
  let clause = where(filter, params);
  if (page.cursor) {
    params.push(page.cursor.date, page.cursor.id);
    const keyset = `(e.date_start, e.id) < ($${params.length - 1}::date, $${params.length}::int8)`;
    clause = clause ? `${clause} AND ${keyset}` : `WHERE ${keyset}`;
  }
  params.push(page.limit + 1);
  const rows = await db.query<EventRow>(
    `${SELECT} ${clause} ORDER BY e.date_start DESC, e.id DESC LIMIT $${params.length}`,
    params,
  );
  const items = rows.slice(0, page.limit);
  const last = items.at(-1);
  return {
    items,
    next: rows.length > page.limit && last ? { date: last.date_start, id: last.id } : null,
  };
}

/** The filters `event_day_counts` can answer (see migration 007): dates, categories, countries. */
const DAY_COUNT_FIELDS: ReadonlySet<string> = new Set(["from", "to", "category", "country"]);

/** True when every filter that is set (as `where` reads them) is one of DAY_COUNT_FIELDS. */
function isDayCountable(filter: EventFilter): boolean {
  return Object.entries(filter).every(
    ([field, value]) =>
      DAY_COUNT_FIELDS.has(field) ||
      value === undefined ||
      value === "" ||
      (Array.isArray(value) && value.length === 0),
  );
}

/** `where` for the daily counts: the same dates, categories and countries. */
function dayCountWhere(filter: EventFilter, params: unknown[]): string {
  const clauses: string[] = ["true"];
  const add = (sql: (n: string) => string, value: unknown) => {
    params.push(value);
    clauses.push(sql(`$${params.length}`));
  };
  if (filter.from) add((p) => `c.day >= ${p}::date`, filter.from);
  if (filter.to) add((p) => `c.day <= ${p}::date`, filter.to);
  if (filter.category?.length) add((p) => `c.category = ANY(${p}::text[])`, filter.category);
  if (filter.country?.length) add((p) => `c.country_iso3 = ANY(${p}::text[])`, filter.country);
  return `WHERE ${clauses.join(" AND ")}`;
}

/**
 * How many events match: added up from the daily counts when the filter allows it (a year of
 * a simulation is 100,000 rows to visit and about 365 to add), else counted row by row.
 */
export async function countEvents(db: Sql, filter: EventFilter): Promise<number> {
  const params: unknown[] = [];
  const sql = isDayCountable(filter)
    ? `SELECT coalesce(sum(c.events), 0)::int AS n FROM event_day_counts c ${dayCountWhere(filter, params)}`
    : `SELECT count(*)::int AS n FROM events e ${where(filter, params)}`;
  const [row] = await db.query<{ n: number }>(sql, params);
  return row?.n ?? 0;
}

/**
 * Whether any counted event has a source record of `dataset` (the dashboard asks about "sim",
 * the simulator's): the same answer as a one-row `listEvents` filtered on the dataset, since a
 * record's event is counted or merged into a counted one, without sorting the events first.
 */
export async function hasEventsFrom(db: Sql, dataset: string): Promise<boolean> {
  const [row] = await db.query<{ present: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM source_records WHERE dataset = $1 AND event_id IS NOT NULL)
       AS present`,
    [dataset],
  );
  return row?.present === true;
}
