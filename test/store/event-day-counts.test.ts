/**
 * The daily counts of migration 007 against counting `events` directly, after each kind of
 * change to events (import, re-import, reconciliation, an analyst's merge and split, a
 * simulation, deletes), and `countEvents()` through them against counting rows.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeRecord, PARENTS, pbcDrone } from "../../src/reconcile/test-support.ts";
import type { Db } from "../../src/store/db.ts";
import { countEvents, type EventFilter } from "../../src/store/event-list.ts";
import { insertEvents } from "../../src/store/event-rows.ts";
import { reconcileStore, recordDecision } from "../../src/store/reconcile-queries.ts";
import { makeEvent } from "../helpers/events.ts";
import { openTestDb } from "../helpers/store.ts";
import { importRecords } from "../reconcile/support.ts";

const STORE = process.env.DATABASE_URL ? "PostgreSQL" : "PGlite";
const options = { actorParents: PARENTS };

// Two strikes on one day, each reported by UCDP and PBC (reconciliation merges each pair), a
// clash a month later, an Afghan event, and events without a country or a category.
const RECORDS = [
  makeRecord("ucdp", "1", { place: "Danday Darpakhel village" }),
  makeRecord("ucdp", "2", { place: "Mir Ali town", lat: 32.99, lon: 70.27, fatalitiesBest: 9 }),
  makeRecord("ucdp", "3", { dateStart: "2010-03-30", dateEnd: "2010-03-30" }),
  makeRecord("ucdp", "4", { countryIso3: "AFG", place: "Kunar", lat: 35, lon: 71 }),
  makeRecord("ucdp", "5", { countryIso3: null, place: null, lat: null, lon: null }),
  makeRecord("ucdp", "6", { countryIso3: null, place: null, lat: null, lon: null }),
  makeRecord("ucdp", "7", { category: null, mode: null, dateStart: "2010-03-30" }),
  pbcDrone("10", { place: "Dande Darpakhel", fatalitiesLow: 2, fatalitiesHigh: 4 }),
  pbcDrone("11", { place: "Mir Ali", fatalitiesBest: 9, fatalitiesLow: 8, fatalitiesHigh: 10 }),
];

describe(`event_day_counts on ${STORE}`, () => {
  let db: Db;
  beforeAll(async () => {
    db = await openTestDb();
  });
  afterAll(async () => {
    await db.close();
  });

  /** The kept counts (zeros left out) and a direct count of the counted events. */
  async function bothCounts() {
    const kept = await db.query(
      `SELECT day, country_iso3, category, events FROM event_day_counts
       WHERE events <> 0 ORDER BY 1, 2, 3`,
    );
    const direct = await db.query(
      `SELECT date_start AS day, country_iso3, category, count(*)::int AS events FROM events
       WHERE merged_into IS NULL GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    );
    return { kept, direct };
  }

  async function countedTotal(): Promise<number> {
    const [row] = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM events WHERE merged_into IS NULL",
    );
    return row?.n ?? 0;
  }

  async function eventOf(nativeId: string): Promise<number> {
    const [row] = await db.query<{ id: number }>(
      `SELECT coalesce(e.merged_into, e.id) AS id FROM source_records s
       JOIN events e ON e.id = s.event_id WHERE s.native_id = $1`,
      [nativeId],
    );
    return row?.id ?? 0;
  }

  it("stays equal to the direct count through import, reconciliation, merge, split, simulation and deletes", async () => {
    const steps: [string, () => Promise<unknown>][] = [
      ["import", () => importRecords(db, RECORDS)],
      ["reconciliation", () => reconcileStore(db, options)],
      [
        "re-import moving a record to another day",
        () => importRecords(db, [makeRecord("ucdp", "3", { dateStart: "2010-04-02" })]),
      ],
      ["reconciliation again", () => reconcileStore(db, options)],
      [
        "split",
        async () =>
          recordDecision(
            db,
            {
              kind: "split",
              eventId: await eventOf("1"),
              keys: ["csv:pbc-drone-attacks:10"],
              author: "ana",
              reason: "two strikes",
            },
            options,
          ),
      ],
      [
        "merge",
        async () =>
          recordDecision(
            db,
            {
              kind: "merge",
              eventIds: [await eventOf("pbc-drone-attacks:10"), await eventOf("4")],
              author: "ana",
              reason: "one strike",
            },
            options,
          ),
      ],
      [
        "simulation",
        () =>
          db.transaction((tx) =>
            insertEvents(tx, [makeEvent(), makeEvent({ countryIso3: null })], {
              simulated: true,
            }),
          ),
      ],
      [
        "deleting a cluster event (its members are counted again)",
        async () =>
          db.query("DELETE FROM events WHERE id = $1", [await eventOf("pbc-drone-attacks:11")]),
      ],
    ];
    const totals: number[] = [];
    for (const [step, run] of steps) {
      await run();
      const { kept, direct } = await bothCounts();
      expect(kept, step).toEqual(direct);
      totals.push(await countedTotal());
    }
    // The steps did change the counts: 9 imported, 2 pairs merged, a split, a merge, 2
    // simulated, a cluster deleted.
    expect(totals).toEqual([9, 7, 7, 7, 8, 7, 9, 10]);
    await db.query("DELETE FROM events");
    expect(await db.query("SELECT * FROM event_day_counts WHERE events <> 0")).toEqual([]);
  });

  it("keeps one row per day for events without a country or a category", async () => {
    await importRecords(db, [
      makeRecord("ucdp", "20", { countryIso3: null, category: null, dateStart: "2011-01-01" }),
    ]);
    await importRecords(db, [
      makeRecord("ucdp", "21", { countryIso3: null, category: null, dateStart: "2011-01-01" }),
    ]);
    const rows = await db.query(
      `SELECT events FROM event_day_counts
       WHERE day = '2011-01-01' AND country_iso3 IS NULL AND category IS NULL`,
    );
    expect(rows).toEqual([{ events: 2 }]);
  });

  it("countEvents() gives the direct count, from the daily counts or row by row", async () => {
    await importRecords(
      db,
      RECORDS.map((r) => ({ ...r, key: `${r.key}-b` })),
    );
    await reconcileStore(db, options);
    const filters: EventFilter[] = [
      {},
      { from: "2010-02-18", to: "2010-03-31" },
      { to: "2010-02-18" },
      { country: ["PAK"] },
      { country: ["PAK", "AFG"], category: ["ASSAULT"], from: "2010-01-01" },
      { category: [] },
      { category: ["ASSAULT"], q: "" },
      // Row by row: filters the daily counts do not hold.
      { country: ["PAK"], admin1: ["Federally Administered Tribal Areas"] },
      { crossBorder: false },
      { dataset: ["csv"] },
    ];
    for (const filter of filters) {
      const [row] = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM events e WHERE e.merged_into IS NULL
           AND ($1::date IS NULL OR e.date_start >= $1::date)
           AND ($2::date IS NULL OR e.date_start <= $2::date)
           AND (cardinality($3::text[]) = 0 OR e.country_iso3 = ANY($3::text[]))
           AND (cardinality($4::text[]) = 0 OR e.category = ANY($4::text[]))
           AND (cardinality($5::text[]) = 0 OR e.admin1 = ANY($5::text[]))
           AND ($6::boolean IS NULL OR e.cross_border = $6::boolean)
           AND (cardinality($7::text[]) = 0 OR EXISTS (
             SELECT 1 FROM event_sources s WHERE s.event_id = e.id AND s.dataset = ANY($7::text[])))`,
        [
          filter.from ?? null,
          filter.to ?? null,
          filter.country ?? [],
          filter.category ?? [],
          filter.admin1 ?? [],
          filter.crossBorder ?? null,
          filter.dataset ?? [],
        ],
      );
      expect(row?.n, JSON.stringify(filter)).toBeGreaterThan(0);
      expect(await countEvents(db, filter), JSON.stringify(filter)).toBe(row?.n);
    }
  });
});
