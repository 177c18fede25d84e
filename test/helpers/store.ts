import { randomBytes } from "node:crypto";
import type { Db } from "../../src/store/db.ts";
import { openPglite } from "../../src/store/driver-pglite.ts";
import { openPostgres } from "../../src/store/driver-postgres.ts";
import { migrate } from "../../src/store/migrate.ts";

/**
 * A fresh, migrated store for one test file: in-memory PGlite, or — when DATABASE_URL is
 * set (CI's second pass) — a schema of its own on that PostgreSQL server, dropped on close.
 */
export async function openTestDb(): Promise<Db> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const db = await openPglite(undefined);
    await migrate(db);
    return db;
  }
  const schema = `t_${randomBytes(6).toString("hex")}`;
  const admin = await openPostgres(url);
  await admin.exec(`CREATE SCHEMA ${schema}`);
  const db = await openPostgres(url, { searchPath: schema });
  await migrate(db);
  return {
    ...db,
    async close() {
      await db.close();
      await admin.exec(`DROP SCHEMA ${schema} CASCADE`);
      await admin.close();
    },
  };
}
