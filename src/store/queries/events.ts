import type { NormalizedEvent } from "../../domain/event.ts";
import type { Sql } from "../db.ts";
import { rowToEvent, type StoredEventColumns } from "../event-rows.ts";

/** A stored source row behind an event: enough to find it again in the dataset. */
export interface SourceRef {
  dataset: string;
  nativeId: string;
}

/** A stored event: the common schema plus its id and its sources. */
export interface StoredEvent extends NormalizedEvent {
  id: number;
  sources: SourceRef[];
}

/**
 * Events read back into the common schema for pattern matching (demand rules, the ladder),
 * always for a bounded date range. Synthetic (`simulated`) events are never included.
 */
export interface EventFilter {
  /** First and last day of `date_start`, both included. */
  from: string;
  to: string;
  /** Only these PLOVER categories / modes / countries; undefined or null: any. */
  categories?: readonly string[] | null;
  modes?: readonly string[] | null;
  countries?: readonly string[] | null;
}

interface EventRow extends StoredEventColumns {
  id: number;
  sources: SourceRef[];
}

/**
 * The source records behind event `e` as `event_sources` gives them (`s.dataset`,
 * `s.native_id`): its own record while it is counted, and the records of the events merged
 * into it. Read from source_records directly: through the view each row looked its own event
 * up again, and the planner's higher cost estimate sent a year of events to PostgreSQL's JIT
 * compiler (20 ms before the query ran).
 */
export const SOURCES_OF_E = `(
    SELECT s.dataset, s.native_id FROM source_records s
    WHERE s.event_id = e.id AND e.merged_into IS NULL
    UNION ALL
    SELECT s.dataset, s.native_id FROM events m JOIN source_records s ON s.event_id = m.id
    WHERE m.merged_into = e.id
  ) s`;

/** Actors in position order and sources sorted, as JSON so both drivers read them alike. */
const EVENT_SELECT = `
  SELECT e.id, e.date_start, e.date_end, e.date_precision, e.place, e.admin1, e.admin2,
    e.country_iso3, e.lat, e.lon, e.geo_precision, e.category, e.mode, e.subtype, e.source_code,
    e.fatalities_best, e.fatalities_low, e.fatalities_high, e.cross_border,
    e.cross_border_direction, e.confidence, e.summary,
    coalesce((SELECT json_agg(json_build_object('name', a.name, 'role', a.role, 'actorId', a.actor_id)
                ORDER BY a.position)
              FROM event_actors a WHERE a.event_id = e.id), '[]'::json) AS actors,
    coalesce((SELECT json_agg(json_build_object('dataset', s.dataset, 'nativeId', s.native_id)
                ORDER BY s.dataset, s.native_id)
              FROM ${SOURCES_OF_E}), '[]'::json) AS sources
  FROM events e`;

function toEvent(row: EventRow): StoredEvent {
  return { id: row.id, ...rowToEvent(row), sources: row.sources };
}

function listOrNull(list: readonly string[] | null | undefined): string[] | null {
  return list === undefined || list === null ? null : [...list];
}

/** The events whose `date_start` is in the range, oldest first. */
export async function loadEvents(db: Sql, filter: EventFilter): Promise<StoredEvent[]> {
  const rows = await db.query<EventRow>(
    `${EVENT_SELECT}
     WHERE NOT e.simulated AND e.merged_into IS NULL
       AND e.date_start >= $1::date AND e.date_start <= $2::date
       AND ($3::text[] IS NULL OR e.category = ANY($3::text[]))
       AND ($4::text[] IS NULL OR e.mode = ANY($4::text[]))
       AND ($5::text[] IS NULL OR e.country_iso3 = ANY($5::text[]))
     ORDER BY e.date_start, e.id`,
    [
      filter.from,
      filter.to,
      listOrNull(filter.categories),
      listOrNull(filter.modes),
      listOrNull(filter.countries),
    ],
  );
  return rows.map(toEvent);
}

/** The events with these ids (for listings that cite them), oldest first. */
export async function loadEventsById(db: Sql, ids: readonly number[]): Promise<StoredEvent[]> {
  if (ids.length === 0) return [];
  const rows = await db.query<EventRow>(
    `${EVENT_SELECT} WHERE e.id = ANY($1::int8[]) ORDER BY e.date_start, e.id`,
    [[...new Set(ids)]],
  );
  return rows.map(toEvent);
}

/** First and last `date_start` of the stored (real, counted) events, or null when there are none. */
export async function eventDateRange(db: Sql): Promise<{ first: string; last: string } | null> {
  const [row] = await db.query<{ first: string | null; last: string | null }>(
    `SELECT min(date_start) AS first, max(date_start) AS last FROM events
     WHERE NOT simulated AND merged_into IS NULL`,
  );
  if (row === undefined || row.first === null || row.last === null) return null;
  return { first: row.first, last: row.last };
}
