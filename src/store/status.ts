import type { Db } from "./db.ts";

/** Tables `frontier status` counts, in the order it prints them. */
export const COUNTED_TABLES = [
  "events",
  "source_records",
  "source_files",
  "import_runs",
  "event_actors",
  "event_clusters",
  "actors",
  "actor_aliases",
  "demands",
  "evidence_links",
  "demand_assessments",
  "watch_questions",
  "forecasts",
  "alerts",
  "conflicts",
  "reports",
  "audit_log",
] as const;

export interface StoreStatus {
  kind: Db["kind"];
  location: string;
  schemaVersion: number;
  profile: { id: string; name: string; source: string } | null;
  counts: Record<(typeof COUNTED_TABLES)[number], number>;
  lastImport: { file: string; dataset: string; at: string; rows: number } | null;
}

export async function readStatus(db: Db): Promise<StoreStatus> {
  const countSql = COUNTED_TABLES.map(
    (t) => `SELECT '${t}' AS name, count(*)::int AS n FROM ${t}`,
  ).join(" UNION ALL ");
  const rows = await db.query<{ name: keyof StoreStatus["counts"]; n: number }>(countSql);
  const counts = Object.fromEntries(rows.map((r) => [r.name, r.n])) as StoreStatus["counts"];
  const [version] = await db.query<{ v: number | null }>(
    "SELECT max(version) AS v FROM schema_migrations",
  );
  const [active] = await db.query<{ id: string; name: string; source: string }>(
    `SELECT p.id, p.name, p.source FROM meta m JOIN profiles p ON p.id = m.value #>> '{}'
     WHERE m.key = 'active_profile'`,
  );
  const [last] = await db.query<{ file: string; dataset: string; at: string; rows: number }>(
    `SELECT name AS file, dataset, imported_at AS at, rows FROM source_files
     ORDER BY imported_at DESC, id DESC LIMIT 1`,
  );
  return {
    kind: db.kind,
    location: db.location,
    schemaVersion: version?.v ?? 0,
    profile: active ?? null,
    counts,
    lastImport: last ?? null,
  };
}
