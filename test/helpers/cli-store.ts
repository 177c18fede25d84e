import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { Db } from "../../src/store/db.ts";
import { openStore } from "../../src/store/open.ts";

/**
 * A store for CLI tests that run `frontier` in a child process: a temporary data directory,
 * and — when DATABASE_URL is set — a fresh database of its own on that server, so test files
 * running side by side never see each other's rows.
 */
export interface CliStore {
  dataDir: string;
  env: Record<string, string>;
  open(): Promise<Db>;
  cleanup(): Promise<void>;
}

export async function createCliStore(): Promise<CliStore> {
  const dataDir = await mkdtemp(join(tmpdir(), "fw-cli-"));
  const base = process.env.DATABASE_URL;
  if (!base) {
    return {
      dataDir,
      env: { DATABASE_URL: "" },
      open: () => openStore({ dataDir }),
      cleanup: () => rm(dataDir, { recursive: true, force: true }),
    };
  }
  const name = `t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client(base);
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  return {
    dataDir,
    env: { DATABASE_URL: databaseUrl },
    open: () => openStore({ dataDir, databaseUrl }),
    async cleanup() {
      const client = new pg.Client(base);
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
