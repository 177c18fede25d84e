import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/api/app.ts";
import { GEO_LAYERS } from "../../src/api/routes-static.ts";
import { ensureProfile } from "../../src/cli/profile-file.ts";
import type { Db } from "../../src/store/db.ts";
import { openTestDb } from "../helpers/store.ts";

const COUNTRIES = GEO_LAYERS[0].files[0];

describe("the dashboard's files and the boundaries", () => {
  let db: Db;
  let root: string;
  let withDirs: FastifyInstance;
  let bare: FastifyInstance;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), "fw-static-"));
    const web = join(root, "web");
    const geo = join(root, "geo");
    mkdirSync(join(web, "assets"), { recursive: true });
    mkdirSync(geo);
    writeFileSync(join(web, "index.html"), "<!doctype html><title>dash</title>");
    writeFileSync(join(web, "assets", "app-1a2b.js"), "console.log(1)");
    writeFileSync(join(root, "secret.txt"), "outside the web directory");
    writeFileSync(join(geo, COUNTRIES), '{"type":"FeatureCollection","features":[]}');
    writeFileSync(join(geo, "other.geojson"), "{}");
    db = await openTestDb();
    const profile = await ensureProfile(db);
    withDirs = await buildApp({ db, profile, webDir: web, geoDir: geo });
    bare = await buildApp({ db, profile });
  });
  afterAll(async () => {
    await withDirs.close();
    await bare.close();
    await db.close();
    rmSync(root, { recursive: true, force: true });
  });

  it("serves index.html at / with a policy that allows nothing from elsewhere", async () => {
    const res = await withDirs.inject({ url: "/" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/html");
    expect(res.body).toContain("<title>dash</title>");
    expect(res.headers["content-security-policy"]).toContain("default-src 'self'");
    expect(res.headers["content-security-policy"]).toContain("connect-src 'self'");
  });

  it("serves hashed assets as immutable JavaScript", async () => {
    const res = await withDirs.inject({ url: "/assets/app-1a2b.js" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/javascript");
    expect(res.headers["cache-control"]).toContain("immutable");
  });

  it.each(["/../secret.txt", "/%2e%2e/secret.txt", "/assets/..%2f..%2fsecret.txt", "/missing.js"])(
    "answers %s with 404 and reads nothing outside the directory",
    async (url) => {
      const res = await withDirs.inject({ url });
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain("outside the web directory");
    },
  );

  it("answers an unknown API path with a JSON 404, not the dashboard", async () => {
    const res = await withDirs.inject({ url: "/api/nothing-here" });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: "NOT_FOUND" });
  });

  it("lists and serves only the known boundary files", async () => {
    const geo = (await withDirs.inject({ url: "/api/geo" })).json() as {
      layers: { id: string; url: string }[];
    };
    expect(geo.layers).toEqual([{ id: "countries", url: `/geo/${COUNTRIES}` }]);
    const file = await withDirs.inject({ url: `/geo/${COUNTRIES}` });
    expect(file.statusCode).toBe(200);
    expect(file.headers["content-type"]).toBe("application/geo+json");
    expect((await withDirs.inject({ url: "/geo/other.geojson" })).statusCode).toBe(404);
    expect((await withDirs.inject({ url: "/geo/..%2fweb%2findex.html" })).statusCode).toBe(404);
  });

  it("without directories says how to build the dashboard and lists no boundaries", async () => {
    const res = await bare.inject({ url: "/" });
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain("npm run build:web");
    expect((await bare.inject({ url: "/api/geo" })).json()).toEqual({ layers: [] });
  });
});
