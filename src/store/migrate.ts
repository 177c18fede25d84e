import { readdir, readFile } from "node:fs/promises";
import { AppError } from "../domain/errors.ts";
import type { Db } from "./db.ts";

const MIGRATIONS_DIR = new URL("./migrations/", import.meta.url);
const NAME = /^(\d{3})_[a-z0-9_]+\.sql$/;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export async function loadMigrations(): Promise<Migration[]> {
  const files = (await readdir(MIGRATIONS_DIR)).filter((f) => f.endsWith(".sql")).sort();
  const migrations: Migration[] = [];
  for (const name of files) {
    const match = NAME.exec(name);
    if (!match?.[1]) throw new AppError("INTERNAL", `migration file "${name}" is not NNN_name.sql`);
    const sql = await readFile(new URL(name, MIGRATIONS_DIR), "utf8");
    migrations.push({ version: Number(match[1]), name, sql });
  }
  return migrations;
}

/**
 * Applies pending migrations in order, each in its own transaction with its record in
 * `schema_migrations`. An advisory lock keyed on the schema keeps two processes on one
 * PostgreSQL server from applying the same migration twice.
 */
export async function migrate(db: Db): Promise<number[]> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY,
    name text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  const applied: number[] = [];
  for (const migration of await loadMigrations()) {
    const done = await db.transaction(async (tx) => {
      await tx.query("SELECT pg_advisory_xact_lock(hashtext(current_schema()))");
      const rows = await tx.query("SELECT 1 FROM schema_migrations WHERE version = $1", [
        migration.version,
      ]);
      if (rows.length > 0) return false;
      await tx.exec(migration.sql);
      await tx.query("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", [
        migration.version,
        migration.name,
      ]);
      return true;
    });
    if (done) applied.push(migration.version);
  }
  return applied;
}
