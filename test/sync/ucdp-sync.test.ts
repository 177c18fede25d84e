import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ensureProfile } from "../../src/cli/profile-file.ts";
import { isAppError } from "../../src/domain/errors.ts";
import { createResolver } from "../../src/domain/profile/index.ts";
import type { Db } from "../../src/store/db.ts";
import { syncUcdp, type UcdpSyncOptions } from "../../src/sync/index.ts";
import { openTestDb } from "../helpers/store.ts";
import { resetImports, SYNC_FIXTURES, startServer, type TestServer } from "./support.ts";

const TOKEN = "test-token-7f3a";
let db: Db;
let server: TestServer;
let dataDir: string;
let pages: string[];

/** Serves the fixture pages like the UCDP API: 403 without the right token, `page` from 0. */
function serveApi(serve: (page: number) => string | undefined = (page) => pages[page]) {
  server.handle = (path, req) => {
    if (path !== "/api/gedevents/25.1") return undefined;
    if (req.headers["x-ucdp-access-token"] !== TOKEN) {
      return { status: 403, body: '{"message":"Access token required"}' };
    }
    const page = Number(new URL(req.url ?? "", server.url).searchParams.get("page"));
    const body = serve(page);
    return body === undefined ? { status: 404, body: "{}" } : { status: 200, body };
  };
}

async function sync(extra: Partial<UcdpSyncOptions> = {}) {
  const profile = await ensureProfile(db);
  return syncUcdp(db, {
    dataDir,
    profile,
    resolver: createResolver(profile),
    token: TOKEN,
    baseUrl: `${server.url}api`,
    retry: { attempts: 3, baseDelayMs: 5, timeoutMs: 10_000 },
    ...extra,
  });
}

async function ucdpRecords(): Promise<string[]> {
  const rows = await db.query<{ native_id: string }>(
    "SELECT native_id FROM source_records WHERE dataset = 'ucdp' ORDER BY native_id",
  );
  return rows.map((r) => r.native_id);
}

beforeAll(async () => {
  db = await openTestDb();
});

afterAll(async () => {
  await db.close();
});

beforeEach(async () => {
  await resetImports(db);
  server = await startServer();
  dataDir = await mkdtemp(join(tmpdir(), "fw-sync-ucdp-"));
  pages = await Promise.all(
    [0, 1].map((i) => readFile(join(SYNC_FIXTURES, `ucdp-gedevents-25.1-page-${i}.json`), "utf8")),
  );
  serveApi();
});

afterEach(async () => {
  await server.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe(`syncUcdp() on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("follows NextPageUrl with the token on every request and imports all pages at once", async () => {
    const summary = await sync();
    expect(server.requests.map((r) => r.path)).toEqual([
      "/api/gedevents/25.1?pagesize=1000&page=0",
      "/api/gedevents/25.1?pagesize=2&page=1",
    ]);
    expect(server.requests.every((r) => r.headers["x-ucdp-access-token"] === TOKEN)).toBe(true);
    expect(summary).toMatchObject({
      pages: 2,
      rows: 3,
      totalCount: 3,
      totalPages: 2,
      problems: [],
    });
    expect(summary.import).toMatchObject({ read: 3, stored: 3, skippedRegion: 0, rejected: 0 });
    expect(await ucdpRecords()).toEqual(["9900101", "9900102", "9900103"]);
    const [file] = await db.query<{ name: string }>(
      "SELECT name FROM source_files WHERE dataset = 'ucdp'",
    );
    expect(file?.name).toBe("gedevents-25.1.json");
    expect(await readdir(join(dataDir, "sync", "ucdp"))).toEqual([]);
  });

  it("changes nothing on a second run over the same pages", async () => {
    await sync();
    const again = await sync();
    expect(again.import?.alreadyImported).toBe(true);
    expect(await ucdpRecords()).toHaveLength(3);
  });

  it("without a token, the server's 403 becomes a clear FORBIDDEN error", async () => {
    const error = await sync({ token: null }).catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe("FORBIDDEN");
    expect(String(error)).toContain(
      "the UCDP API refused the request (HTTP 403): it needs an access token: pass --token T or set UCDP_TOKEN",
    );
    expect(server.requests).toHaveLength(1);
    expect(await ucdpRecords()).toEqual([]);
  });

  it("with a wrong token, says the token was refused without printing it", async () => {
    const error = await sync({ token: "wrong-secret" }).catch((e: unknown) => e);
    expect(String(error)).toContain("the access token was refused");
    expect(String(error)).not.toContain("wrong-secret");
  });

  it("imports nothing when fewer events arrive than TotalCount", async () => {
    serveApi((page) =>
      page === 1 ? pages[1]?.replace(/"Result": \[.*\]/s, '"Result": []') : pages[page],
    );
    const summary = await sync();
    expect(summary.import).toBeNull();
    expect(summary.problems).toEqual([
      "received 2 events in 2 pages, but the API's TotalCount is 3",
    ]);
    expect(await ucdpRecords()).toEqual([]);
  });

  it("stores nothing when one row of the last page is bad", async () => {
    serveApi((page) =>
      page === 1 ? pages[1]?.replace('"latitude": 33.492041', '"latitude": 123') : pages[page],
    );
    const error = await sync().catch((e: unknown) => e);
    expect(String(error)).toMatch(
      /nothing from UCDP GED 25\.1 was stored: .*item 1, field "latitude"/,
    );
    expect(String(error)).toContain(join(dataDir, "sync", "ucdp", "25.1"));
    expect(await ucdpRecords()).toEqual([]);
  });

  it("retries a page that fails with 503", async () => {
    server.faults.set("/api/gedevents/25.1", [{ kind: "status", status: 503 }]);
    const summary = await sync();
    expect(summary.retries).toBe(1);
    expect(summary.import?.stored).toBe(3);
  });

  it("rejects a version that is not a GED version before any request", async () => {
    await expect(sync({ version: "../../etc" })).rejects.toThrow(/is not a GED version like 25.1/);
    expect(server.requests).toEqual([]);
  });

  it("names an unknown version", async () => {
    await expect(sync({ version: "99.1" })).rejects.toThrow(
      /the UCDP API has no GED version 99.1 \(HTTP 404/,
    );
  });
});
