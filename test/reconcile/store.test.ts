/**
 * Reconciliation in the store, on PGlite or (with DATABASE_URL) PostgreSQL: runs are
 * incremental and repeatable, analysts' decisions survive them, every count stays available.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { gdeltReport, makeRecord, PARENTS, pbcDrone } from "../../src/reconcile/test-support.ts";
import type { Db } from "../../src/store/db.ts";
import {
  listReconcileAudit,
  loadEventSources,
  reconcileStore,
  reconcileTotals,
  recordDecision,
} from "../../src/store/reconcile-queries.ts";
import { openTestDb } from "../helpers/store.ts";
import { clustersInStore, countedEvents, importRecords } from "./support.ts";

const options = { actorParents: PARENTS };
const STORE = process.env.DATABASE_URL ? "PostgreSQL" : "PGlite";

// Two strikes on one day, each reported by UCDP and PBC; a clash a month later.
const UCDP = [
  makeRecord("ucdp", "1", { place: "Danday Darpakhel village" }),
  makeRecord("ucdp", "2", {
    place: "Mir Ali town",
    lat: 32.99,
    lon: 70.27,
    fatalitiesBest: 9,
    fatalitiesLow: 9,
    fatalitiesHigh: 9,
  }),
  makeRecord("ucdp", "3", { dateStart: "2010-03-30", dateEnd: "2010-03-30" }),
];
const PBC = [
  pbcDrone("10", { place: "Dande Darpakhel", fatalitiesLow: 2, fatalitiesHigh: 4 }),
  pbcDrone("11", { place: "Mir Ali", fatalitiesBest: 9, fatalitiesLow: 8, fatalitiesHigh: 10 }),
];

describe(`reconciliation in the store (${STORE})`, () => {
  let db: Db;
  beforeAll(async () => {
    db = await openTestDb();
  });
  afterAll(async () => {
    await db.close();
  });
  beforeEach(async () => {
    // DELETE, not TRUNCATE … CASCADE: other tables may hold append-only rows that refuse it.
    await db.exec(`DELETE FROM reconcile_audit; DELETE FROM reconcile_decisions;
      DELETE FROM source_records; DELETE FROM events; DELETE FROM source_files;
      DELETE FROM import_runs;`);
  });

  /** The event counted for a record: its cluster event, or its own. */
  async function eventOf(nativeId: string): Promise<number> {
    const [row] = await db.query<{ id: number }>(
      `SELECT coalesce(e.merged_into, e.id) AS id FROM source_records s
       JOIN events e ON e.id = s.event_id WHERE s.native_id = $1`,
      [nativeId],
    );
    return row?.id ?? 0;
  }

  it("merges the two reports of each strike into one event, keeping per-source counts", async () => {
    await importRecords(db, [...UCDP, ...PBC]);
    expect(await countedEvents(db)).toBe(5);
    const report = await reconcileStore(db, options);
    expect(report.created.map((c) => c.keys)).toEqual([
      ["csv:pbc-drone-attacks:10", "ucdp:1"],
      ["csv:pbc-drone-attacks:11", "ucdp:2"],
    ]);
    expect(await countedEvents(db)).toBe(3);
    const totals = await reconcileTotals(db);
    expect(totals).toEqual({ records: { csv: 2, ucdp: 3 }, events: 3, clusters: 2 });
    const first = report.created[0];
    expect(first?.fatalities).toEqual({ best: 4, low: 2, high: 4 });
    const sources = await loadEventSources(db, first?.eventId ?? 0);
    expect(sources.map((s) => `${s.dataset}:${s.nativeId}`)).toEqual([
      "csv:pbc-drone-attacks:10",
      "ucdp:1",
    ]);
  });

  it("changes nothing on a re-run, and a full re-run gives the same clusters", async () => {
    await importRecords(db, [...UCDP, ...PBC]);
    await reconcileStore(db, options);
    const before = await clustersInStore(db);
    const again = await reconcileStore(db, options);
    expect(again).toMatchObject({ dirty: 0, created: [], changed: [], dissolved: [] });
    const full = await reconcileStore(db, { ...options, isFull: true });
    expect(full).toMatchObject({ dirty: 5, created: [], changed: [], dissolved: [] });
    expect(await clustersInStore(db)).toEqual(before);
  });

  it("lets a new record join an existing event, recomputing only its component", async () => {
    await importRecords(db, [...UCDP, ...PBC]);
    await reconcileStore(db, options);
    const [id] = [...(await clustersInStore(db)).keys()];
    const acled = makeRecord("acled", "PAK100", {
      place: "Datta Khel",
      subtype: "Air/drone strike",
      mode: "heavy-weapons",
      actors: [
        { name: "Military Forces of the United States", role: "actor1", actorId: "us-military" },
      ],
      confidence: 0.8,
    });
    await importRecords(db, [acled]);
    const report = await reconcileStore(db, options);
    expect(report.dirty).toBe(1);
    expect(report.records).toBe(5); // the strikes' component, not the March clash
    expect(report.created).toEqual([]);
    expect(report.changed.map((c) => [c.eventId, c.keys])).toEqual([
      [id, ["acled:PAK100", "csv:pbc-drone-attacks:10", "ucdp:1"]],
    ]);
    expect(await countedEvents(db)).toBe(3);
  });

  it("dissolves an event when a re-import moves its record away or a record is deleted", async () => {
    await importRecords(db, [...UCDP, ...PBC]);
    await reconcileStore(db, options);
    const ids = [...(await clustersInStore(db)).keys()];
    await importRecords(db, [pbcDrone("10", { dateStart: "2011-05-01", dateEnd: "2011-05-01" })]);
    // As the importer deletes a record its source withdrew (ACLED's deletions file).
    const [gone] = await db.query<{ event_id: number }>(
      "DELETE FROM source_records WHERE native_id = 'pbc-drone-attacks:11' RETURNING event_id",
    );
    await db.query("DELETE FROM events WHERE id = $1", [gone?.event_id]);
    const report = await reconcileStore(db, options);
    expect(report.dissolved.sort()).toEqual(ids);
    expect(await clustersInStore(db)).toEqual(new Map());
    expect(await countedEvents(db)).toBe(4);
  });

  it("keeps an analyst's split and merge on later runs, with an audit row each", async () => {
    await importRecords(db, [...UCDP, ...PBC]);
    await reconcileStore(db, options);
    const [first] = [...(await clustersInStore(db)).keys()];
    const split = await recordDecision(
      db,
      {
        kind: "split",
        eventId: first ?? 0,
        keys: ["csv:pbc-drone-attacks:10"],
        author: "ana",
        reason: "two strikes",
      },
      options,
    );
    expect(split.eventsBefore).toEqual([first]);
    expect(split.eventsAfter).toHaveLength(2);
    const p10 = await eventOf("pbc-drone-attacks:10");
    expect(split.eventsAfter).toContain(p10);
    await reconcileStore(db, { ...options, isFull: true });
    const clusters = [...(await clustersInStore(db)).values()];
    expect(
      clusters.some((k) => k.includes("ucdp:1") && k.includes("csv:pbc-drone-attacks:10")),
    ).toBe(false);
    const u3 =
      (
        await db.query<{ id: number }>(
          "SELECT event_id AS id FROM source_records WHERE native_id = '3'",
        )
      )[0]?.id ?? 0;
    const merge = await recordDecision(
      db,
      { kind: "merge", eventIds: [p10, u3], author: "ana", reason: "same strike, dated late" },
      options,
    );
    expect(merge.eventsAfter).toHaveLength(1);
    await reconcileStore(db, { ...options, isFull: true });
    const after = [...(await clustersInStore(db)).values()];
    expect(after).toContainEqual(["csv:pbc-drone-attacks:10", "ucdp:3"]);
    const audit = await listReconcileAudit(db);
    expect(audit.map((a) => [a.action, a.author, a.reason])).toEqual([
      ["merge", "ana", "same strike, dated late"],
      ["split", "ana", "two strikes"],
    ]);
    await expect(
      recordDecision(db, { kind: "merge", eventIds: [u3], author: "ana", reason: "x" }, options),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });

  it("collapses GDELT's repeated reports, counting them", async () => {
    await importRecords(db, [
      gdeltReport("901", "https://a.example/1"),
      gdeltReport("902", "https://b.example/2"),
      gdeltReport("903", "https://c.example/3"),
    ]);
    const report = await reconcileStore(db, options);
    expect(report.created).toHaveLength(1);
    expect(report.created[0]?.reports).toBe(3);
    const [row] = await db.query<{ urls: number; mentions: number }>(
      "SELECT urls, mentions FROM event_clusters",
    );
    expect(row).toEqual({ urls: 3, mentions: 6 });
    expect(await countedEvents(db)).toBe(1);
  });
});
