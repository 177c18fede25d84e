/**
 * After reconciliation the readers count an event once (docs/reconcile.md, "In the store"):
 * trends and the API's events list see the cluster event, never its merged records, and the
 * list names every source behind it. On PGlite or (with DATABASE_URL) PostgreSQL.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/api/app.ts";
import { parseProfile } from "../../src/domain/profile/index.ts";
import { makeRecord, PARENTS, pbcDrone } from "../../src/reconcile/test-support.ts";
import type { Db } from "../../src/store/db.ts";
import { countTrends, loadEvents, loadEventsById } from "../../src/store/queries/index.ts";
import { reconcileStore } from "../../src/store/reconcile-queries.ts";
import { ROOT } from "../helpers/cli.ts";
import { openTestDb } from "../helpers/store.ts";
import { importRecords } from "./support.ts";

const STORE = process.env.DATABASE_URL ? "PostgreSQL" : "PGlite";

describe(`readers of a reconciled store (${STORE})`, () => {
  let db: Db;
  let app: FastifyInstance;
  beforeAll(async () => {
    db = await openTestDb();
    // One drone strike as UCDP and PBC report it.
    await importRecords(db, [
      makeRecord("ucdp", "1", { place: "Danday Darpakhel village" }),
      pbcDrone("10", { place: "Dande Darpakhel", fatalitiesLow: 2, fatalitiesHigh: 4 }),
    ]);
    const report = await reconcileStore(db, { actorParents: PARENTS });
    expect(report.created.map((c) => c.keys)).toEqual([["csv:pbc-drone-attacks:10", "ucdp:1"]]);
    const profile = parseProfile(readFileSync(join(ROOT, "profiles/pak-afg.yaml"), "utf8"), {
      source: "pak-afg.yaml",
    });
    app = await buildApp({ db, profile });
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  it("countTrends() counts the two reports of one strike as one event", async () => {
    const rows = await countTrends(db, {
      unit: "month",
      group: "none",
      from: "2010-02-01",
      to: "2010-02-28",
    });
    expect(rows.map((r) => [r.periodStart, r.events, r.best])).toEqual([["2010-02-01", 1, 4]]);
  });

  it("GET /api/events lists the strike once, with both sources", async () => {
    const res = await app.inject({ url: "/api/events?from=2010-01-01&to=2010-12-31" });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { items: { sources: string }[] };
    expect(body.items.map((i) => i.sources)).toEqual(["csv:pbc-drone-attacks:10; ucdp:1"]);
    const count = await app.inject({ url: "/api/events/count?from=2010-01-01&to=2010-12-31" });
    expect(count.statusCode).toBe(200);
    expect(count.json()).toEqual({ count: 1 });
  });

  it("loadEventsById() gives each event the sources event_sources gives it", async () => {
    const ids = (await db.query<{ id: number }>("SELECT id FROM events ORDER BY id")).map(
      (r) => r.id,
    );
    const viaView = await db.query<{ event_id: number; dataset: string; native_id: string }>(
      "SELECT event_id, dataset, native_id FROM event_sources ORDER BY event_id, dataset, native_id",
    );
    const expected = ids.map((id) =>
      viaView
        .filter((s) => s.event_id === id)
        .map((s) => ({ dataset: s.dataset, nativeId: s.native_id })),
    );
    const events = await loadEventsById(db, ids);
    expect(ids.map((id) => events.find((e) => e.id === id)?.sources)).toEqual(expected);
    // The cluster event has both records; the two merged record events have none.
    expect(expected.map((s) => s.length).sort()).toEqual([0, 0, 2]);
    const [cluster] = await loadEvents(db, { from: "2010-01-01", to: "2010-12-31" });
    expect(cluster?.sources.map((s) => `${s.dataset}:${s.nativeId}`)).toEqual([
      "csv:pbc-drone-attacks:10",
      "ucdp:1",
    ]);
  });

  it("GET /api/events?dataset= finds the strike by either source", async () => {
    for (const dataset of ["ucdp", "csv"]) {
      const res = await app.inject({ url: `/api/events?dataset=${dataset}` });
      const body = res.json() as { items: { sources: string }[] };
      expect(body.items.map((i) => i.sources)).toEqual(["csv:pbc-drone-attacks:10; ucdp:1"]);
    }
  });
});
