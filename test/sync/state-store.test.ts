import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../src/store/db.ts";
import { createStateStore, emptyState, type SyncState } from "../../src/sync/state.ts";
import { openTestDb } from "../helpers/store.ts";

const synced = (since: string, name: string): SyncState => ({
  version: 1,
  since,
  files: {
    [name]: { md5: "a".repeat(32), bytes: 1, sha256: "s", importedAt: "2024-03-01T00:00:00.000Z" },
  },
});

describe(`GDELT sync state on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  let db: Db;
  let dir: string;
  beforeAll(async () => {
    db = await openTestDb();
    dir = await mkdtemp(join(tmpdir(), "fw-sync-state-"));
  });
  afterAll(async () => {
    await db.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("is empty before the first sync", async () => {
    expect(await createStateStore(db, join(dir, "none", "gdelt-state.json")).load()).toEqual(
      emptyState(),
    );
  });

  it("writes the JSON file (without leaving a temporary file) and the meta row", async () => {
    const path = join(dir, "a", "gdelt-state.json");
    const state = synced("20240301000000", "x.zip");
    await createStateStore(db, path).save(state);
    expect(JSON.parse(await readFile(path, "utf8"))).toEqual(state);
    expect(await readdir(join(dir, "a"))).toEqual(["gdelt-state.json"]);
    const [row] = await db.query<{ value: unknown }>(
      "SELECT value FROM meta WHERE key = 'sync.gdelt'",
    );
    expect(row?.value).toEqual(state);
  });

  it("merges the file and the meta row on load (another machine's sync on the same database)", async () => {
    const path = join(dir, "b", "gdelt-state.json");
    await createStateStore(db, path).save(synced("20240301000000", "mine.zip"));
    await db.query("UPDATE meta SET value = $1 WHERE key = 'sync.gdelt'", [
      JSON.stringify(synced("20240201000000", "theirs.zip")),
    ]);
    const loaded = await createStateStore(db, path).load();
    expect(Object.keys(loaded.files).sort()).toEqual(["mine.zip", "theirs.zip"]);
    expect(loaded.since).toBe("20240201000000");
  });

  it("refuses a state file that is not JSON, saying how to recover", async () => {
    const path = join(dir, "c", "gdelt-state.json");
    await createStateStore(db, path).save(emptyState());
    await writeFile(path, "{ half");
    await expect(createStateStore(db, path).load()).rejects.toThrow(
      `${path} is not valid JSON; delete it to start over (files already imported are still skipped)`,
    );
  });
});
