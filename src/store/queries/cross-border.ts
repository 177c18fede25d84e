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
 */
const CLASSIFIED = `
  WITH pa AS (
    SELECT * FROM unnest($3::text[], $4::text[], $5::text[]) AS t(actor_id, home, side)
  ),
  involved AS (
    SELECT DISTINCT ea.event_id, pa.home, pa.side
    FROM event_actors ea JOIN pa ON pa.actor_id = ea.actor_id
  ),
  classified AS (
    SELECT e.id,
      CASE
        WHEN bool_or(i.side = 'state' AND i.home = e.country_iso3)
         AND bool_or(i.side = 'state' AND i.home <> e.country_iso3) THEN 'state-clash'
        WHEN bool_or(i.side = 'state' AND i.home <> e.country_iso3) THEN 'state-strike'
        WHEN bool_or(i.side = 'group' AND i.home <> e.country_iso3) THEN 'group-attack'
      END AS kind,
      min(i.home) FILTER (WHERE i.home <> e.country_iso3) AS origin
    FROM events e JOIN involved i ON i.event_id = e.id
    WHERE NOT e.simulated AND e.merged_into IS NULL AND e.category = 'ASSAULT'
      AND e.country_iso3 = ANY($6::text[])
      AND e.date_start >= $1::date AND e.date_start <= $2::date
    GROUP BY e.id
  ),
  labelled AS (
    SELECT c.id, c.kind, c.kind || ' ' || c.origin
        || CASE WHEN c.kind = 'state-clash' THEN '<->' ELSE '->' END || e.country_iso3 AS grp
    FROM classified c JOIN events e ON e.id = c.id
    WHERE c.kind IS NOT NULL
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

/** Cross-border events and fatalities per period and kind/direction. */
export async function countCrossBorder(
  db: Sql,
  filter: CrossBorderFilter & { unit: TrendUnit; withIds?: boolean },
): Promise<TrendCountRow[]> {
  const ids = filter.withIds ? ", json_agg(e.id ORDER BY e.date_start, e.id) AS event_ids" : "";
  const rows = await db.query<CountRow>(
    `${CLASSIFIED}
     SELECT ${periodSql(filter.unit)} AS period_start, l.grp, count(*)::int8 AS events,
       ${FATALITY_SUMS}${ids}
     FROM labelled l JOIN events e ON e.id = l.id
     GROUP BY 1, 2 ORDER BY 1, 2`,
    params(filter),
  );
  return rows.map(toCountRow);
}

/** The latest classified events, newest first, with their group label. */
export async function latestCrossBorder(
  db: Sql,
  filter: CrossBorderFilter & { limit: number },
): Promise<{ id: number; grp: string }[]> {
  return db.query<{ id: number; grp: string }>(
    `${CLASSIFIED}
     SELECT l.id, l.grp FROM labelled l JOIN events e ON e.id = l.id
     ORDER BY e.date_start DESC, e.id DESC LIMIT $7`,
    [...params(filter), filter.limit],
  );
}
