import type { Sql } from "./db.ts";

/** Small named settings and states (active profile, sync progress) in the `meta` table. */
export async function getMeta(db: Sql, key: string): Promise<unknown> {
  const [row] = await db.query<{ value: unknown }>("SELECT value FROM meta WHERE key = $1", [key]);
  return row?.value;
}

export async function setMeta(db: Sql, key: string, value: unknown): Promise<void> {
  await db.query(
    `INSERT INTO meta (key, value) VALUES ($1, $2)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    [key, JSON.stringify(value)],
  );
}
