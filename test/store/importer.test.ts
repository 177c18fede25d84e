import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../src/store/db.ts";
import { type FileMeta, type ImportItem, importFile } from "../../src/store/importer.ts";
import { makeRecord } from "../helpers/events.ts";
import { openTestDb } from "../helpers/store.ts";

async function* items(list: ImportItem[]): AsyncIterable<ImportItem> {
  yield* list;
}

function meta(sha256: string, dataset: FileMeta["dataset"] = "ucdp"): FileMeta {
  return { dataset, name: `${sha256}.csv`, sha256, bytes: 100 };
}

async function snapshot(db: Db) {
  return db.query<{ native_id: string; fatalities_best: number; version: string | null }>(
    `SELECT s.native_id, e.fatalities_best, s.version FROM source_records s
     JOIN events e ON e.id = s.event_id ORDER BY s.native_id`,
  );
}

describe(`importFile() on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  let db: Db;
  beforeAll(async () => {
    db = await openTestDb();
  });
  afterAll(async () => {
    await db.close();
  });

  it("stores new records with their events and actors, in batches", async () => {
    const list: ImportItem[] = Array.from({ length: 25 }, (_, i) => ({
      kind: "record",
      record: makeRecord(`a${String(i).padStart(2, "0")}`, { event: { fatalitiesBest: i } }),
      inRegion: true,
    }));
    const result = await importFile(db, meta("f1"), items(list), { batchSize: 7 });
    expect(result).toMatchObject({ read: 25, stored: 25, updated: 0, unchanged: 0 });
    const rows = await snapshot(db);
    expect(rows).toHaveLength(25);
    expect(rows.reduce((s, r) => s + r.fatalities_best, 0)).toBe((24 * 25) / 2);
    const [actors] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM event_actors");
    expect(actors?.n).toBe(50);
  });

  it("says so and changes nothing when the same file is imported again", async () => {
    const before = await snapshot(db);
    const again = await importFile(db, meta("f1"), items([]));
    expect(again.alreadyImported).toBe(true);
    expect(again.stored).toBe(0);
    expect(await snapshot(db)).toEqual(before);
  });

  it("counts identical rows in another file as unchanged and changed rows as updated", async () => {
    const list: ImportItem[] = [
      {
        kind: "record",
        record: makeRecord("a00", { event: { fatalitiesBest: 0 } }),
        inRegion: true,
      },
      {
        kind: "record",
        record: makeRecord("a01", { raw: { id: "a01", best: "9" }, event: { fatalitiesBest: 9 } }),
        inRegion: true,
      },
      { kind: "record", record: makeRecord("zz"), inRegion: false },
    ];
    const result = await importFile(db, meta("f2"), items(list));
    expect(result).toMatchObject({
      read: 3,
      stored: 0,
      updated: 1,
      unchanged: 1,
      skippedRegion: 1,
    });
    const rows = await snapshot(db);
    expect(rows.find((r) => r.native_id === "a01")?.fatalities_best).toBe(9);
    expect(rows).toHaveLength(25);
  });

  it("keeps a stored record when the incoming version stamp is older (ACLED timestamp)", async () => {
    const newer = makeRecord("v1", { version: "1700000000", raw: { id: "v1", n: "new" } });
    await importFile(
      db,
      meta("v-new", "acled"),
      items([{ kind: "record", record: { ...newer, dataset: "acled" }, inRegion: true }]),
    );
    const older = makeRecord("v1", {
      version: "1600000000",
      raw: { id: "v1", n: "old" },
      event: { fatalitiesBest: 99 },
    });
    const result = await importFile(
      db,
      meta("v-old", "acled"),
      items([{ kind: "record", record: { ...older, dataset: "acled" }, inRegion: true }]),
    );
    expect(result).toMatchObject({ unchanged: 1, updated: 0 });
    const [row] = await db.query<{ version: string; raw: { n: string } }>(
      "SELECT version, raw FROM source_records WHERE dataset = 'acled' AND native_id = 'v1'",
    );
    expect(row).toEqual({ version: "1700000000", raw: { id: "v1", n: "new" } });
  });

  it("removes records and their events on deletion items", async () => {
    const result = await importFile(
      db,
      meta("del", "acled"),
      items([{ kind: "deletion", nativeId: "v1", deletedAt: "1800000000" }]),
    );
    expect(result.deleted).toBe(1);
    const rows = await db.query("SELECT 1 FROM source_records WHERE dataset = 'acled'");
    expect(rows).toHaveLength(0);
  });

  it("leaves the database exactly as it was when a row fails mid-file", async () => {
    const before = await snapshot(db);
    const [filesBefore] = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM source_files",
    );
    async function* failing(): AsyncIterable<ImportItem> {
      yield { kind: "record", record: makeRecord("new1"), inRegion: true };
      yield {
        kind: "record",
        record: makeRecord("a02", { raw: { x: "changed" } }),
        inRegion: true,
      };
      throw new Error('bad.csv line 4, field "best": "twelve" is not a whole number');
    }
    await expect(importFile(db, meta("bad"), failing(), { batchSize: 1 })).rejects.toThrow(
      /line 4, field "best"/,
    );
    expect(await snapshot(db)).toEqual(before);
    const [filesAfter] = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM source_files",
    );
    expect(filesAfter?.n).toBe(filesBefore?.n);
  });

  it("rejects a database-level violation (latitude 123) and rolls back", async () => {
    const before = await snapshot(db);
    const list: ImportItem[] = [
      { kind: "record", record: makeRecord("ok1"), inRegion: true },
      { kind: "record", record: makeRecord("lat", { event: { lat: 123 } }), inRegion: true },
    ];
    await expect(importFile(db, meta("lat"), items(list))).rejects.toThrow();
    expect(await snapshot(db)).toEqual(before);
  });
});
