import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/api/app.ts";
import { ensureProfile } from "../../src/cli/profile-file.ts";
import type { Db } from "../../src/store/db.ts";
import { saveForecasts } from "../../src/store/forecast-queries.ts";
import { type ImportItem, importFile } from "../../src/store/importer.ts";
import { makeRecord } from "../helpers/events.ts";
import { openTestDb } from "../helpers/store.ts";

/**
 * Four events whose analysis is worked out by hand from profiles/pak-afg.yaml:
 * - a1, Jan: TTP (based in Afghanistan) attacks in Pakistan — a cross-border "group-attack
 *   AFG->PAK" and a breach of `effective-action` (ASSAULT by an armed group, AFG->PAK);
 * - a2, Feb: the Taliban fight the TTP in Afghanistan — progress on `effective-action`
 *   (its third rule: ASSAULT, actor afg-taliban, target ttp, in AFG);
 * - a3, Mar 20: Pakistan's military strikes the TTP in Afghanistan — a "state-strike
 *   PAK->AFG" and rung 5 `cross-border-strike` of the ladder (no Afghan state actor, so no clash);
 * - a4, Mar 25: a protest in Balochistan.
 */
const FIXTURE = [
  makeRecord("a1", {
    event: {
      dateStart: "2026-01-10",
      dateEnd: "2026-01-10",
      countryIso3: "PAK",
      category: "ASSAULT",
      fatalitiesBest: 5,
      fatalitiesLow: 5,
      fatalitiesHigh: 5,
      summary: "TTP attack on a checkpost in Bannu",
    },
  }),
  makeRecord("a2", {
    event: {
      dateStart: "2026-02-15",
      dateEnd: "2026-02-15",
      countryIso3: "AFG",
      admin1: "Kunar",
      category: "ASSAULT",
      fatalitiesBest: 2,
      fatalitiesLow: 2,
      fatalitiesHigh: 2,
      actors: [
        { name: "Taliban", role: "side_a", actorId: "afg-taliban" },
        { name: "TTP", role: "side_b", actorId: "ttp" },
      ],
      crossBorder: { isCrossBorder: false, direction: null },
      summary: "Taliban raid on a TTP hideout in Kunar",
    },
  }),
  makeRecord("a3", {
    event: {
      dateStart: "2026-03-20",
      dateEnd: "2026-03-20",
      countryIso3: "AFG",
      admin1: "Khost",
      category: "ASSAULT",
      subtype: "Air/drone strike",
      fatalitiesBest: 8,
      fatalitiesLow: 8,
      fatalitiesHigh: 8,
      actors: [
        { name: "Military Forces of Pakistan", role: "side_a", actorId: "pak-military" },
        { name: "TTP", role: "side_b", actorId: "ttp" },
      ],
      crossBorder: { isCrossBorder: true, direction: "PAK->AFG" },
      summary: "Pakistani air strike on TTP camps in Khost",
    },
  }),
  makeRecord("a4", {
    event: {
      dateStart: "2026-03-25",
      dateEnd: "2026-03-25",
      countryIso3: "PAK",
      admin1: "Balochistan",
      category: "PROTEST",
      fatalitiesBest: 0,
      fatalitiesLow: 0,
      fatalitiesHigh: 0,
      crossBorder: { isCrossBorder: false, direction: null },
      summary: "Protest in Quetta",
    },
  }),
];

describe("analysis routes", () => {
  let db: Db;
  let app: FastifyInstance;
  let ids: Record<string, number>;
  beforeAll(async () => {
    db = await openTestDb();
    async function* items(): AsyncIterable<ImportItem> {
      for (const record of FIXTURE) yield { kind: "record", record, inRegion: true };
    }
    await importFile(db, { dataset: "ucdp", name: "fixture.csv", sha256: "an", bytes: 1 }, items());
    const profile = await ensureProfile(db);
    app = await buildApp({ db, profile, today: () => "2026-03-31" });
    const rows = await db.query<{ id: number; summary: string }>("SELECT id, summary FROM events");
    const id = (start: string) => rows.find((r) => r.summary.startsWith(start))?.id ?? -1;
    ids = {
      a1: id("TTP attack"),
      a2: id("Taliban raid"),
      a3: id("Pakistani air"),
      a4: id("Protest"),
    };
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  async function get<T>(url: string): Promise<T> {
    const res = await app.inject({ url });
    expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
    return res.json() as T;
  }

  it("GET /api/trends counts events and fatalities per month and category", async () => {
    const body = await get<{
      rows: { period: string; group: string; events: number; fatalities: { best: number } }[];
    }>("/api/trends?group=category&from=2026-01&to=2026-03");
    const cells = body.rows
      .filter((r) => r.events > 0)
      .map((r) => `${r.period} ${r.group} ${r.events} ${r.fatalities.best}`);
    expect(cells).toEqual([
      "2026-01 ASSAULT 1 5",
      "2026-02 ASSAULT 1 2",
      "2026-03 ASSAULT 1 8",
      "2026-03 PROTEST 1 0",
    ]);
  });

  it("GET /api/trends?group=actor counts each event once for each of its actors", async () => {
    const body = await get<{ rows: { period: string; group: string; events: number }[] }>(
      "/api/trends?group=actor&from=2026-01&to=2026-03",
    );
    const cells = body.rows
      .filter((r) => r.events > 0)
      .map((r) => `${r.period} ${r.group} ${r.events}`);
    // a1 and a4 (TTP, Pakistan's military), a2 (Taliban, TTP), a3 (Pakistan's military, TTP).
    expect(cells).toEqual([
      "2026-01 pak-military 1",
      "2026-01 ttp 1",
      "2026-02 afg-taliban 1",
      "2026-02 ttp 1",
      "2026-03 pak-military 2",
      "2026-03 ttp 2",
    ]);
  });

  it("GET /api/crossborder sorts events by kind and direction and lists the latest", async () => {
    const body = await get<{
      rows: { period: string; group: string; events: number }[];
      latest: { id: number; kind: string; direction: string }[];
    }>("/api/crossborder?from=2026-01&to=2026-03");
    const cells = body.rows.filter((r) => r.events > 0).map((r) => `${r.period} ${r.group}`);
    expect(cells).toEqual(["2026-01 group-attack AFG->PAK", "2026-03 state-strike PAK->AFG"]);
    expect(body.latest.map((e) => [e.id, e.kind])).toEqual([
      [ids.a3, "state-strike"],
      [ids.a1, "group-attack"],
    ]);
  });

  it("GET /api/demands scores a demand from its evidence and lists the events behind it", async () => {
    const body = await get<{
      periods: {
        period: string;
        demands: {
          demandId: string;
          computed: { score: number };
          progress: { id: number; sources: unknown[] }[];
          breach: { id: number }[];
        }[];
      }[];
    }>("/api/demands?unit=quarter&periods=1&asOf=2026-03-31");
    expect(body.periods.map((p) => p.period)).toEqual(["2026-Q1"]);
    const action = body.periods[0]?.demands.find((d) => d.demandId === "effective-action");
    expect(action?.progress.map((e) => e.id)).toEqual([ids.a2]);
    expect(action?.breach.map((e) => e.id)).toEqual([ids.a1]);
    // One progress event is "minimal" (docs/compliance.md).
    expect(action?.computed.score).toBe(1);
    expect(action?.progress[0]?.sources).toEqual([{ dataset: "ucdp", nativeId: "a2" }]);
  });

  it("GET /api/escalation reports the ladder rung reached, then /api/alerts lists its alert", async () => {
    const body = await get<{
      report: {
        asOf: string;
        days: unknown[];
        highest: { last30: { id: string; date: string; eventIds: number[] } | null };
      };
      ladder: { rung: number; id: string }[];
    }>("/api/escalation?days=30");
    expect(body.report.asOf).toBe("2026-03-31"); // the injected today
    expect(body.report.days).toHaveLength(30);
    expect(body.report.highest.last30).toMatchObject({
      id: "cross-border-strike",
      date: "2026-03-20",
      eventIds: [ids.a3],
    });
    expect(body.ladder.map((r) => r.rung)).toEqual([1, 2, 3, 4, 5, 6]);
    const { alerts } = await get<{ alerts: { kind: string; day: string }[] }>("/api/alerts");
    expect(alerts.some((a) => a.kind === "rung-rise" && a.day === "2026-03-20")).toBe(true);
  });

  it("GET /api/questions gives each watch question its latest probability and history", async () => {
    const before = await get<{ questions: { id: string; probability: number | null }[] }>(
      "/api/questions",
    );
    expect(before.questions.map((q) => q.id)).toContain("afghan-crackdown");
    expect(before.questions.every((q) => q.probability === null)).toBe(true);
    const forecast = (probability: number) => ({
      questionId: "afghan-crackdown",
      target: "question:afghan-crackdown",
      model: "test",
      horizonDays: 90,
      probability,
      point: null,
      quantiles: null,
      details: { dataEnd: "2026-03-25" },
    });
    await saveForecasts(db, [forecast(0.3)]);
    await saveForecasts(db, [forecast(0.45)]);
    const after = await get<{
      questions: { id: string; probability: number | null; history: { probability: number }[] }[];
    }>("/api/questions");
    const q = after.questions.find((x) => x.id === "afghan-crackdown");
    expect(q?.probability).toBe(0.45);
    expect(q?.history.map((h) => h.probability)).toEqual([0.3, 0.45]);
  });

  it("GET /api/meta and /api/events/count describe the store for the dashboard", async () => {
    const meta = await get<{
      dataRange: unknown;
      profile: { parties: { iso3: string }[] };
      demands: unknown[];
    }>("/api/meta");
    expect(meta.dataRange).toEqual({ first: "2026-01-10", last: "2026-03-25" });
    expect(meta.profile.parties.map((p) => p.iso3)).toEqual(["PAK", "AFG"]);
    expect(meta.demands).toHaveLength(5);
    expect(await get("/api/events/count?country=AFG")).toEqual({ count: 2 });
    expect(await get("/api/events/count?category=ASSAULT&crossBorder=true")).toEqual({ count: 2 });
  });

  it.each([
    "/api/trends?unit=year",
    "/api/trends?from=2026-13",
    "/api/trends?group=colour",
    "/api/crossborder?latest=-1",
    "/api/demands?periods=0",
    "/api/demands?asOf=2026-02-30",
    "/api/escalation?days=99999",
    "/api/alerts?since=yesterday",
    "/api/meta?x=1",
    "/api/events/count?limit=0",
  ])("rejects %s with 400 INVALID_INPUT", async (url) => {
    const res = await app.inject({ url });
    expect(res.statusCode).toBe(400);
    expect((res.json() as { code: string }).code).toBe("INVALID_INPUT");
  });

  it("documents every new route and its query in /openapi.json", async () => {
    const doc = await get<{ paths: Record<string, { get: { parameters?: { name: string }[] } }> }>(
      "/openapi.json",
    );
    const params = (path: string) => doc.paths[path]?.get.parameters?.map((p) => p.name) ?? [];
    expect(params("/api/trends")).toEqual(expect.arrayContaining(["unit", "group", "from", "to"]));
    expect(params("/api/demands")).toEqual(expect.arrayContaining(["unit", "periods", "asOf"]));
    expect(params("/api/escalation")).toEqual(expect.arrayContaining(["asOf", "days"]));
    expect(params("/api/alerts")).toEqual(expect.arrayContaining(["since", "limit"]));
    expect(params("/api/events/count")).toEqual(expect.arrayContaining(["country", "actor"]));
    for (const path of ["/api/crossborder", "/api/meta", "/api/questions", "/api/geo"]) {
      expect(doc.paths[path], path).toBeDefined();
    }
  });
});
