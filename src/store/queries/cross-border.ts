import type { Sql } from "../db.ts";
import {
  type CountRow,
  FATALITY_SUMS,
  periodSql,
  type TrendCountRow,
  type TrendUnit,
  toCountRow,
} from "./trends.ts";

/** A profile actor of one of the two states: `home` is its party (state) or base (group). */
export interface PairActorParam {
  id: string;
  home: string;
  side: "state" | "group";
}

export interface CrossBorderFilter {
  from: string;
  to: string;
  /** The two states (ISO3). */
  pair: readonly [string, string];
  actors: readonly PairActorParam[];
}

/**
 * Classifies every ASSAULT in one of the two states by the pair actors it involves (see
 * analysis/cross-border.ts): a clash of both states' forces, a strike by the other state's
 * forces, an attack by a group based in the other state. `grp` is "kind FROM->IN" or
 * "state-clash FROM<->IN", the importer's way of writing directions.
 *
 * The candidate events are picked first (real, counted ASSAULTs of the range, through the
 * partial index on real events) and only their actors are read: joining the pair actors to
 * every event's actors first read all of event_actors (2 M rows with a simulation, seconds).
 * An actor listed twice in an event changes neither `bool_or` nor `min`.
 */
const CLASSIFIED = `
  WITH pa AS (
    SELECT * FROM unnest($3::text[], $4::text[], $5::text[]) AS t(actor_id, home, side)
  ),
  candidates AS (
    SELECT e.id, e.country_iso3, e.date_start, e.fatalities_best, e.fatalities_low,
      e.fatalities_high
    FROM events e
    WHERE NOT e.simulated AND e.merged_into IS NULL AND e.category = 'ASSAULT'
      AND e.country_iso3 = ANY($6::text[])
      AND e.date_start >= $1::date AND e.date_start <= $2::date
  ),
  classified AS (
    SELECT c.id,
      CASE
        WHEN bool_or(pa.side = 'state' AND pa.home = c.country_iso3)
         AND bool_or(pa.side = 'state' AND pa.home <> c.country_iso3) THEN 'state-clash'
        WHEN bool_or(pa.side = 'state' AND pa.home <> c.country_iso3) THEN 'state-strike'
        WHEN bool_or(pa.side = 'group' AND pa.home <> c.country_iso3) THEN 'group-attack'
      END AS kind,
      min(pa.home) FILTER (WHERE pa.home <> c.country_iso3) AS origin
    FROM candidates c
      JOIN event_actors ea ON ea.event_id = c.id
      JOIN pa ON pa.actor_id = ea.actor_id
    GROUP BY c.id, c.country_iso3
  ),
  labelled AS (
    SELECT c.*, k.kind || ' ' || k.origin
        || CASE WHEN k.kind = 'state-clash' THEN '<->' ELSE '->' END || c.country_iso3 AS grp
    FROM classified k JOIN candidates c ON c.id = k.id
    WHERE k.kind IS NOT NULL
  )`;

function params(filter: CrossBorderFilter): unknown[] {
  return [
    filter.from,
    filter.to,
    filter.actors.map((a) => a.id),
    filter.actors.map((a) => a.home),
    filter.actors.map((a) => a.side),
    [...filter.pair],
  ];
}

/**
 * Cross-border events and fatalities per period and kind/direction, and the latest `limit`
 * classified events (newest first) with their group label: one statement, so the events are
 * classified once. Both lists come back as JSON (numbers, dates as YYYY-MM-DD).
 */
export async function crossBorderView(
  db: Sql,
  filter: CrossBorderFilter & { unit: TrendUnit; withIds?: boolean; limit: number },
): Promise<{ counts: TrendCountRow[]; latest: { id: number; grp: string }[] }> {
  const ids = filter.withIds ? ", json_agg(e.id ORDER BY e.date_start, e.id) AS event_ids" : "";
  const [row] = await db.query<{ counts: CountRow[]; latest: { id: number; grp: string }[] }>(
    `${CLASSIFIED},
     counts AS (
       SELECT ${periodSql(filter.unit)} AS period_start, e.grp, count(*)::int8 AS events,
         ${FATALITY_SUMS}${ids}
       FROM labelled e
       GROUP BY 1, 2
     ),
     latest AS (
       SELECT e.id, e.grp, e.date_start FROM labelled e
       ORDER BY e.date_start DESC, e.id DESC LIMIT $7
     )
     SELECT
       (SELECT coalesce(json_agg(c ORDER BY c.period_start, c.grp), '[]'::json) FROM counts c)
         AS counts,
       (SELECT coalesce(json_agg(json_build_object('id', l.id, 'grp', l.grp)
                                 ORDER BY l.date_start DESC, l.id DESC), '[]'::json)
        FROM latest l) AS latest`,
    [...params(filter), filter.limit],
  );
  return { counts: (row?.counts ?? []).map(toCountRow), latest: row?.latest ?? [] };
}
