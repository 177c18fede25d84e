import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../../src/domain/errors.ts";
import type { CopyRow, Db } from "../../src/store/db.ts";
import { type FileMeta, type ImportItem, importFile } from "../../src/store/importer.ts";
import { makeRecord } from "../helpers/events.ts";
import { openTestDb } from "../helpers/store.ts";

// Text that means something to COPY's text format, to CSV, to JSON or to UTF-8.
const NASTY_TEXT = [
  "",
  " ",
  "\t",
  "a\tb",
  "line\nbreak",
  "cr\rlf\r\n",
  "\\",
  "ends with a backslash\\",
  "\\N",
  "\\.",
  "\\.\n\\.",
  "\\t is not a tab",
  "C:\\Users\\x\\new",
  "NULL",
  "null",
  '"quoted", with comma',
  "'single'",
  "جنوبی وزیرستان — د پاکستان",
  "Ωμέγα 🧨💥 z̷a̴l̶g̵o",
  "\u0001\u001f\u007f control",
  "x".repeat(100_000),
];

const NASTY_NUMBERS = [0, -1, 0.1, 1 / 3, 1e-300, 1.7976931348623157e308, 2 ** 53 + 2, -123.456e7];

async function* items(list: ImportItem[]): AsyncIterable<ImportItem> {
  yield* list;
}

function meta(sha256: string): FileMeta {
  return { dataset: "ucdp", name: `${sha256}.csv`, sha256, bytes: 100 };
}

describe(`copyFrom() on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  let db: Db;
  beforeAll(async () => {
    db = await openTestDb();
    await db.exec(
      `CREATE TABLE nasty (k int, s text, j jsonb, f float8, r real, b bool, d date);
       CREATE TABLE nasty_ref (LIKE nasty)`,
    );
  });
  afterAll(async () => {
    await db.close();
  });

  function nastyRows(): CopyRow[] {
    const texts = NASTY_TEXT.map((s, k): CopyRow => {
      const json = JSON.stringify({ s, list: [s, null, ""], [s.slice(0, 20)]: 1 });
      return [k, s, json, NASTY_NUMBERS[k % NASTY_NUMBERS.length] ?? 0, 0.1, k % 2 === 0, null];
    });
    const edges: CopyRow[] = [
      [1000, null, null, null, null, null, null],
      [1001, "", "{}", Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, false, "2026-02-28"],
      [1002, "\\N", '""', Number.NaN, 3.4e38, true, "1989-01-01"],
    ];
    return [...texts, ...edges];
  }

  async function read(table: string) {
    return db.query<Record<string, unknown>>(`SELECT * FROM ${table} ORDER BY k`);
  }

  it("stores every value exactly as a parameterised INSERT does", async () => {
    const rows = nastyRows();
    const written = await db.transaction((tx) =>
      tx.copyFrom("nasty", ["k", "s", "j", "f", "r", "b", "d"], rows),
    );
    expect(written).toBe(rows.length);
    for (const row of rows) {
      await db.query(
        "INSERT INTO nasty_ref VALUES ($1, $2, $3::jsonb, $4::float8, $5::real, $6, $7::date)",
        row.map((v) => (typeof v === "number" && !Number.isFinite(v) ? String(v) : v)),
      );
    }
    const copied = await read("nasty");
    expect(copied).toEqual(await read("nasty_ref"));
    expect(copied).toHaveLength(rows.length);
  });

  it("reads back the very text, JSON and doubles it was given", async () => {
    const byKey = new Map((await read("nasty")).map((r) => [r.k, r]));
    NASTY_TEXT.forEach((s, k) => {
      const row = byKey.get(k);
      expect(row?.s).toBe(s);
      expect(row?.j).toEqual({ s, list: [s, null, ""], [s.slice(0, 20)]: 1 });
      expect(row?.f).toBe(NASTY_NUMBERS[k % NASTY_NUMBERS.length]);
    });
    expect(byKey.get(1000)).toEqual({
      k: 1000,
      s: null,
      j: null,
      f: null,
      r: null,
      b: null,
      d: null,
    });
    expect(byKey.get(1001)).toMatchObject({ s: "", j: {}, f: Number.POSITIVE_INFINITY, b: false });
    expect(byKey.get(1001)?.d).toBe("2026-02-28");
    expect(byKey.get(1002)).toMatchObject({ s: "\\N", j: "", f: Number.NaN, b: true });
  });

  it("writes a lone UTF-16 surrogate as U+FFFD, as a parameterised INSERT does", async () => {
    await db.copyFrom("nasty", ["k", "s"], [[2000, "a\ud800b"]]);
    await db.query("INSERT INTO nasty_ref (k, s) VALUES ($1, $2)", [2000, "a\ud800b"]);
    const [copied] = await db.query<{ s: string }>("SELECT s FROM nasty WHERE k = 2000");
    const [inserted] = await db.query<{ s: string }>("SELECT s FROM nasty_ref WHERE k = 2000");
    expect(copied?.s).toBe("a\ufffdb");
    expect(inserted?.s).toBe(copied?.s);
  });

  it("refuses a NUL character in text, as a parameterised INSERT does", async () => {
    const copy = db.copyFrom("nasty", ["k", "s"], [[3000, "a\u0000b"]]);
    await expect(copy).rejects.toMatchObject({ code: "22021" });
    const insert = db.query("INSERT INTO nasty_ref (k, s) VALUES ($1, $2)", [3000, "a\u0000b"]);
    await expect(insert).rejects.toMatchObject({ code: "22021" });
    expect(await db.query("SELECT 1 FROM nasty WHERE k = 3000")).toHaveLength(0);
  });

  it("writes nothing for no rows, and the connection stays usable after a failed COPY", async () => {
    expect(await db.copyFrom("nasty", ["k"], [])).toBe(0);
    const failing = db.transaction((tx) => tx.copyFrom("nasty", ["k"], [[1], ["not a number"]]));
    await expect(failing).rejects.toThrow(/integer/);
    expect(await db.query("SELECT 1 FROM nasty WHERE k = 1 AND s IS NULL")).toHaveLength(0);
    const again = await db.transaction(async (tx) => {
      await tx.copyFrom("nasty", ["k"], [[4000]]);
      return tx.query<{ n: number }>("SELECT count(*)::int AS n FROM nasty WHERE k = 4000");
    });
    expect(again[0]?.n).toBe(1);
  });

  it("rejects a table or column name that is not a plain identifier", async () => {
    await expect(db.copyFrom("nasty; DROP TABLE nasty", ["k"], [[1]])).rejects.toThrow(
      /not a plain identifier/,
    );
    await expect(db.copyFrom("nasty", ['k") FROM PROGRAM ("x'], [[1]])).rejects.toThrow(
      /not a plain identifier/,
    );
  });
});

describe(`importFile() bulk writes on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  let db: Db;
  beforeAll(async () => {
    db = await openTestDb();
  });
  afterAll(async () => {
    await db.close();
  });

  it("round-trips nasty raw rows, places, actors and summaries through the importer", async () => {
    const list: ImportItem[] = NASTY_TEXT.map((s, i) => ({
      kind: "record",
      record: makeRecord(`n${i}\t${s.slice(0, 30)}`, {
        raw: { id: `n${i}`, text: s, "col\twith\ttabs": s.slice(0, 10) },
        event: {
          place: s,
          summary: s === "" ? null : s,
          admin2: null,
          actors: [{ name: s, role: "side_a", actorId: null }],
        },
      }),
      inRegion: true,
    }));
    const result = await importFile(db, meta("nasty"), items(list), { batchSize: 4 });
    expect(result).toMatchObject({ read: NASTY_TEXT.length, stored: NASTY_TEXT.length });
    const rows = await db.query<{
      native_id: string;
      raw: Record<string, string>;
      place: string;
      summary: string | null;
      admin2: string | null;
      actor: string;
    }>(
      `SELECT s.native_id, s.raw, e.place, e.summary, e.admin2, a.name AS actor
       FROM source_records s JOIN events e ON e.id = s.event_id
       JOIN event_actors a ON a.event_id = e.id ORDER BY s.line, s.id`,
    );
    const byId = new Map(rows.map((r) => [r.native_id, r]));
    NASTY_TEXT.forEach((s, i) => {
      const row = byId.get(`n${i}\t${s.slice(0, 30)}`);
      expect(row?.raw).toEqual({ id: `n${i}`, text: s, "col\twith\ttabs": s.slice(0, 10) });
      expect(row?.place).toBe(s);
      expect(row?.summary).toBe(s === "" ? null : s);
      expect(row?.admin2).toBeNull();
      expect(row?.actor).toBe(s);
    });
    const again = await importFile(db, { ...meta("nasty-2") }, items(list), { batchSize: 4 });
    expect(again).toMatchObject({ stored: 0, updated: 0, unchanged: NASTY_TEXT.length });
  });

  it("refreshes the planner's statistics after a large file, inside its transaction", async () => {
    const list: ImportItem[] = Array.from({ length: 10_000 }, (_, i) => ({
      kind: "record",
      record: makeRecord(`big${i}`),
      inRegion: true,
    }));
    await importFile(db, meta("big"), items(list));
    const [stats] = await db.query<{ tuples: number }>(
      "SELECT reltuples::int8 AS tuples FROM pg_class WHERE relname = 'source_records' AND relkind = 'r' AND pg_table_is_visible(oid)",
    );
    expect(stats?.tuples).toBeGreaterThanOrEqual(10_000);
  });

  it("names the file's line when the database refuses a value", async () => {
    const [before] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM events");
    const list: ImportItem[] = Array.from({ length: 9 }, (_, i) => ({
      kind: "record",
      record: {
        ...makeRecord(`z${i}`, { event: { summary: i === 6 ? "a\u0000b" : "fine" } }),
        line: 100 + i,
      },
      inRegion: true,
    }));
    const failing = importFile(db, meta("nul"), items(list), { batchSize: 4 });
    await expect(failing).rejects.toBeInstanceOf(AppError);
    await expect(importFile(db, meta("nul"), items(list), { batchSize: 4 })).rejects.toThrow(
      /^nul\.csv line 106 \(events\): the database refused the row: invalid byte sequence/,
    );
    const [after] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM events");
    expect(after?.n).toBe(before?.n);
    expect(await db.query("SELECT 1 FROM source_files WHERE sha256 = 'nul'")).toHaveLength(0);
  });

  it("names the line of an actor the database refuses", async () => {
    const list: ImportItem[] = [0, 1, 2].map((i) => ({
      kind: "record",
      record: {
        ...makeRecord(`y${i}`, {
          event: {
            actors: [
              { name: "TTP", role: "side_a", actorId: null },
              { name: i === 2 ? "\u0000" : "ok", role: "side_b", actorId: null },
            ],
          },
        }),
        line: 10 + i,
      },
      inRegion: true,
    }));
    await expect(importFile(db, meta("actor"), items(list))).rejects.toThrow(
      /^actor\.csv line 12 \(event_actors\):/,
    );
  });

  it("names the column too when PostgreSQL tells it (a value of the wrong type)", async () => {
    const list: ImportItem[] = [0, 1].map((i) => ({
      kind: "record",
      record: { ...makeRecord(`v${i}`, { event: { fatalitiesBest: 1 + i / 2 } }), line: 20 + i },
      inRegion: true,
    }));
    await expect(importFile(db, meta("type"), items(list))).rejects.toThrow(
      /^type\.csv line 21, column "fatalities_best" of events: the database refused the row: invalid input syntax for type integer/,
    );
  });

  it("reports a failed write rather than a later reading error, and rolls both back", async () => {
    const [before] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM events");
    async function* failing(): AsyncIterable<ImportItem> {
      for (let i = 0; i < 3; i++) {
        const summary = i === 1 ? "\u0000" : "fine";
        yield {
          kind: "record",
          record: { ...makeRecord(`w${i}`, { event: { summary } }), line: 2 + i },
          inRegion: true,
        };
      }
      // Let the first batch's write fail while this batch is still being read.
      await new Promise((resolve) => setTimeout(resolve, 200));
      throw new Error('w.csv line 9, field "best": "twelve" is not a whole number');
    }
    await expect(importFile(db, meta("w"), failing(), { batchSize: 3 })).rejects.toThrow(
      /^w\.csv line 3 \(events\)/,
    );
    const [after] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM events");
    expect(after?.n).toBe(before?.n);
  });
});
