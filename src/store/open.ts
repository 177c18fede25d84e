import { mkdir } from "node:fs/promises";
import { join, relative } from "node:path";
import { AppError } from "../domain/errors.ts";
import type { Db } from "./db.ts";
import { openPglite } from "./driver-pglite.ts";
import { openPostgres } from "./driver-postgres.ts";
import { acquireLock } from "./lock.ts";
import { migrate } from "./migrate.ts";

export interface StoreConfig {
  /** Directory for the embedded store (PGlite lives in `<dataDir>/pgdata`). */
  dataDir: string;
  /** When set, PostgreSQL is used and `dataDir` is ignored. */
  databaseUrl?: string;
  warn?: (message: string) => void;
}

/** Opens the configured store, taking the directory lock for PGlite, and migrates it. */
export async function openStore(config: StoreConfig): Promise<Db> {
  const db = config.databaseUrl
    ? await openPostgresOrExplain(config.databaseUrl)
    : await openEmbedded(config);
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}

async function openPostgresOrExplain(url: string): Promise<Db> {
  try {
    return await openPostgres(url);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError("INTERNAL", `cannot connect to DATABASE_URL: ${reason}`, { cause: error });
  }
}

async function openEmbedded(config: StoreConfig): Promise<Db> {
  await mkdir(config.dataDir, { recursive: true });
  const displayName = relative(process.cwd(), config.dataDir) || ".";
  const lock = acquireLock(config.dataDir, {
    displayName: displayName.startsWith("..") ? config.dataDir : displayName,
    warn: config.warn ?? ((m) => process.stderr.write(`warning: ${m}\n`)),
  });
  try {
    return await openPglite(join(config.dataDir, "pgdata"), { onClose: lock.release });
  } catch (error) {
    lock.release();
    throw error;
  }
}
