import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/api/app.ts";
import { parseProfile } from "../../src/domain/profile/index.ts";
import type { Db } from "../../src/store/db.ts";
import { type ImportItem, importFile } from "../../src/store/importer.ts";
import { ROOT } from "../helpers/cli.ts";
import { makeRecord } from "../helpers/events.ts";
import { openTestDb } from "../helpers/store.ts";

/** Five hand-made events whose filtered views are checked by hand below. */
const FIXTURE = [
  makeRecord("e1", {
    event: {
      dateStart: "2026-01-05",
      dateEnd: "2026-01-05",
      countryIso3: "PAK",
      admin1: "Khyber Pakhtunkhwa",
      category: "ASSAULT",
      fatalitiesBest: 4,
      summary: 'TTP attack, "checkpost" in Bannu',
    },
  }),
  makeRecord("e2", {
    event: {
      dateStart: "2026-02-10",
      dateEnd: "2026-02-10",
      countryIso3: "AFG",
      admin1: "Kunar",
      category: "ASSAULT",
      subtype: "Air/drone strike",
      fatalitiesBest: 9,
      crossBorder: { isCrossBorder: true, direction: "PAK->AFG" },
      summary: "Strike in Kunar",
    },
  }),
  makeRecord("e3", {
    event: {
      dateStart: "2026-02-11",
      dateEnd: "2026-02-11",
      countryIso3: "PAK",
      admin1: "Balochistan",
      category: "PROTEST",
      fatalitiesBest: 0,
      crossBorder: { isCrossBorder: false, direction: null },
      summary: "Protest in Quetta,\nsecond line",
    },
  }),
  makeRecord("e4", {
    event: {
      dateStart: "2026-03-01",
      dateEnd: "2026-03-01",
      countryIso3: "PAK",
      admin1: "Khyber Pakhtunkhwa",
      category: "COERCE",
      fatalitiesBest: 0,
      lat: null,
      lon: null,
      crossBorder: { isCrossBorder: false, direction: null },
      summary: "Arrests",
    },
  }),
  makeRecord("e5", {
    event: {
      dateStart: "2026-03-01",
      dateEnd: "2026-03-01",
      countryIso3: "AFG",
      admin1: "Nangarhar",
      category: "ASSAULT",
      fatalitiesBest: 2,
      summary: "Clash at Torkham",
    },
  }),
];

describe("GET /api/events and its exports", () => {
  let db: Db;
  let app: FastifyInstance;
  beforeAll(async () => {
    db = await openTestDb();
    async function* items(): AsyncIterable<ImportItem> {
      for (const record of FIXTURE) yield { kind: "record", record, inRegion: true };
    }
    await importFile(db, { dataset: "ucdp", name: "fixture.csv", sha256: "fx", bytes: 1 }, items());
    const profile = parseProfile(readFileSync(join(ROOT, "profiles/pak-afg.yaml"), "utf8"), {
      source: "pak-afg.yaml",
    });
    app = await buildApp({ db, profile });
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  async function ids(query: string): Promise<string[]> {
    const res = await app.inject({ url: `/api/events?${query}` });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { items: { summary: string }[] };
    return body.items.map((i) => i.summary.split(/[ ,]/)[0] ?? "");
  }

  it.each([
    ["", ["Clash", "Arrests", "Protest", "Strike", "TTP"]],
    ["country=AFG", ["Clash", "Strike"]],
    ["country=PAK&category=ASSAULT", ["TTP"]],
    ["category=PROTEST,COERCE", ["Arrests", "Protest"]],
    ["from=2026-02-10&to=2026-02-11", ["Protest", "Strike"]],
    ["admin1=Kunar", ["Strike"]],
    ["subtype=Air%2Fdrone%20strike", ["Strike"]],
    ["crossBorder=false", ["Arrests", "Protest"]],
    ["q=torkham", ["Clash"]],
    ["actor=ttp", ["Clash", "Arrests", "Protest", "Strike", "TTP"]],
    ["actor=nobody", []],
    ["dataset=acled", []],
    ["dataset=ucdp&country=PAK", ["Arrests", "Protest", "TTP"]],
  ])("filter %s", async (query, expected) => {
    expect(await ids(query)).toEqual(expected);
  });

  it("pages by cursor without gaps or repeats", async () => {
    const first = (await app.inject({ url: "/api/events?limit=2" })).json() as {
      items: { id: number }[];
      nextCursor: string;
    };
    const second = (
      await app.inject({ url: `/api/events?limit=2&cursor=${first.nextCursor}` })
    ).json() as { items: { id: number }[]; nextCursor: string };
    const third = (
      await app.inject({ url: `/api/events?limit=2&cursor=${second.nextCursor}` })
    ).json() as { items: { id: number }[]; nextCursor: string | null };
    const all = [...first.items, ...second.items, ...third.items].map((i) => i.id);
    expect(new Set(all).size).toBe(5);
    expect(third.nextCursor).toBeNull();
  });

  it("rejects bad query values with 400 and a code", async () => {
    for (const url of [
      "/api/events?from=yesterday",
      "/api/events?limit=0",
      "/api/events?cursor=x",
      "/api/events?bogus=1",
    ]) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(400);
      expect((res.json() as { code: string }).code).toBe("INVALID_INPUT");
    }
  });

  it("exports CSV with the same rows as the view, a stable header and RFC 4180 quoting", async () => {
    const res = await app.inject({ url: "/api/events.csv?country=PAK" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/csv");
    const text = res.body;
    expect(text.startsWith("id,date_start,date_end,date_precision,country_iso3,admin1,")).toBe(
      true,
    );
    expect(text).toContain('"TTP attack, ""checkpost"" in Bannu"');
    expect(text).toContain('"Protest in Quetta,\nsecond line"');
    // Header + 3 records (one record spans two physical lines).
    expect(text.split("\r\n").filter(Boolean)).toHaveLength(4);
  });

  it("exports GeoJSON points with null geometry where there are no coordinates", async () => {
    const res = await app.inject({ url: "/api/events.geojson?country=PAK" });
    const body = JSON.parse(res.body) as {
      features: { geometry: unknown; properties: { summary: string } }[];
    };
    expect(body.features).toHaveLength(3);
    const arrests = body.features.find((f) => f.properties.summary === "Arrests");
    expect(arrests?.geometry).toBeNull();
    const ttp = body.features.find((f) => f.properties.summary.startsWith("TTP"));
    expect(ttp?.geometry).toEqual({ type: "Point", coordinates: [70.07, 33] });
  });

  it("serves an OpenAPI document built from the request schemas", async () => {
    const doc = (await app.inject({ url: "/openapi.json" })).json() as {
      openapi: string;
      paths: Record<string, { get: { parameters: { name: string }[] } }>;
    };
    expect(doc.openapi).toMatch(/^3\./);
    const names = doc.paths["/api/events"]?.get.parameters.map((p) => p.name) ?? [];
    expect(names).toEqual(expect.arrayContaining(["from", "to", "country", "cursor", "limit"]));
  });
});
