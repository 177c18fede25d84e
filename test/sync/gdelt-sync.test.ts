import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ensureProfile } from "../../src/cli/profile-file.ts";
import { createResolver } from "../../src/domain/profile/index.ts";
import type { Db } from "../../src/store/db.ts";
import { type GdeltSyncOptions, syncGdelt } from "../../src/sync/index.ts";
import { openTestDb } from "../helpers/store.ts";
import {
  FIXTURE_SLOTS,
  fillList,
  fixtureList,
  gdeltRows,
  gdeltZip,
  resetImports,
  serveGdelt,
  startServer,
  type TestServer,
} from "./support.ts";

const SLOTS = FIXTURE_SLOTS;
const ROWS_PER_FILE = 3;
const name = (slot: string) => `${slot}.export.CSV.zip`;

let db: Db;
let server: TestServer;
let dataDir: string;
let zips: Map<string, Buffer>;

async function sync(extra: Partial<GdeltSyncOptions> = {}) {
  const profile = await ensureProfile(db);
  return syncGdelt(db, {
    dataDir,
    profile,
    resolver: createResolver(profile),
    baseUrl: server.url,
    since: "20240301000000",
    keepOutsideRegion: true,
    retry: { attempts: 3, baseDelayMs: 5, timeoutMs: 10_000 },
    ...extra,
  });
}

function zipRequests(): string[] {
  return server.requests.map((r) => r.path).filter((p) => p.endsWith(".zip"));
}

async function countGdeltRecords(): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM source_records WHERE dataset = 'gdelt'",
  );
  return row?.n ?? -1;
}

async function syncFolder(): Promise<string[]> {
  return (await readdir(join(dataDir, "sync", "gdelt"))).sort();
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
  dataDir = await mkdtemp(join(tmpdir(), "fw-sync-gdelt-"));
  zips = await serveGdelt(server, ROWS_PER_FILE);
});

afterEach(async () => {
  await server.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe(`syncGdelt() on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("imports every listed export file, reports the missing 00:45 slot, and remembers the files", async () => {
    const summary = await sync();
    expect(summary.listed).toBe(4);
    expect(summary.imported.map((f) => f.name)).toEqual(SLOTS.map(name));
    expect(summary.imported.every((f) => f.result.stored === ROWS_PER_FILE)).toBe(true);
    expect(summary.failed).toEqual([]);
    expect(summary.gaps).toEqual(["20240301004500"]);
    expect(await countGdeltRecords()).toBe(SLOTS.length * ROWS_PER_FILE);
    // Downloads are deleted once imported; no temporary file is left behind.
    expect(await syncFolder()).toEqual([]);
    const state = JSON.parse(await readFile(join(dataDir, "sync", "gdelt-state.json"), "utf8"));
    expect(Object.keys(state.files).sort()).toEqual(SLOTS.map(name));
    expect(state.since).toBe("20240301000000");
    const [meta] = await db.query<{ value: { files: Record<string, unknown> } }>(
      "SELECT value FROM meta WHERE key = 'sync.gdelt'",
    );
    expect(Object.keys(meta?.value.files ?? {}).sort()).toEqual(SLOTS.map(name));
  });

  it("downloads nothing on a second run, and continues from the remembered --since", async () => {
    await sync();
    server.requests.length = 0;
    const again = await sync({ since: undefined });
    expect(zipRequests()).toEqual([]);
    expect(again).toMatchObject({ listed: 4, alreadySynced: 4, imported: [], failed: [] });
    expect(await countGdeltRecords()).toBe(SLOTS.length * ROWS_PER_FILE);
  });

  it("reports a file whose md5 does not match the list by name, and imports the others", async () => {
    const good = zips.get(name(SLOTS[1] ?? "")) ?? Buffer.alloc(0);
    const corrupted = Buffer.from(good);
    corrupted[corrupted.length - 30] = (corrupted[corrupted.length - 30] ?? 0) ^ 0xff;
    server.files.set(`/${name(SLOTS[1] ?? "")}`, corrupted);
    const summary = await sync();
    expect(summary.failed).toHaveLength(1);
    expect(summary.failed[0]?.name).toBe("20240301001500.export.CSV.zip");
    expect(summary.failed[0]?.reason).toMatch(/^md5 is [0-9a-f]{32}, the list says [0-9a-f]{32}$/);
    expect(summary.imported).toHaveLength(3);
    expect(await countGdeltRecords()).toBe(3 * ROWS_PER_FILE);
    expect(await syncFolder()).toEqual([]);

    server.files.set(`/${name(SLOTS[1] ?? "")}`, good);
    server.requests.length = 0;
    const retried = await sync();
    expect(zipRequests()).toEqual(["/20240301001500.export.CSV.zip"]);
    expect(retried.imported.map((f) => f.name)).toEqual(["20240301001500.export.CSV.zip"]);
    expect(await countGdeltRecords()).toBe(SLOTS.length * ROWS_PER_FILE);
  });

  it("reports a file shorter than the list says by its size", async () => {
    const good = zips.get(name(SLOTS[2] ?? "")) ?? Buffer.alloc(0);
    server.files.set(`/${name(SLOTS[2] ?? "")}`, good.subarray(0, good.length - 10));
    const summary = await sync();
    expect(summary.failed).toEqual([
      {
        name: "20240301003000.export.CSV.zip",
        reason: `size is ${good.length - 10} bytes, the list says ${good.length}`,
      },
    ]);
  });

  it("stores nothing from a file with a bad row, names it, and imports the others", async () => {
    const [row = ""] = gdeltRows(40, 1);
    const short = row.split("\t").slice(0, 60).join("\t");
    const { name: bad, zip } = gdeltZip(SLOTS[3] ?? "", [...gdeltRows(41, 2), short]);
    zips.set(bad, zip);
    server.files.set(`/${bad}`, zip);
    server.files.set("/masterfilelist.txt", fixtureList(zips));
    const summary = await sync();
    expect(summary.imported).toHaveLength(3);
    expect(summary.failed.map((f) => f.name)).toEqual([bad]);
    expect(summary.failed[0]?.reason).toContain(
      `not imported, nothing from it stored (kept as ${join(dataDir, "sync", "gdelt", bad)}): `,
    );
    expect(summary.failed[0]?.reason).toMatch(/line 3/);
    expect(await countGdeltRecords()).toBe(3 * ROWS_PER_FILE);
    expect(await syncFolder()).toEqual([bad]);
  });

  it("retries a download whose connection drops mid-body", async () => {
    server.faults.set(`/${name(SLOTS[2] ?? "")}`, [{ kind: "cut" }]);
    const summary = await sync();
    expect(summary.failed).toEqual([]);
    expect(summary.retries).toBe(1);
    expect(summary.imported).toHaveLength(4);
  });

  it("reports a download that keeps dropping, leaves no partial file, and a re-run completes", async () => {
    server.faults.set(`/${name(SLOTS[2] ?? "")}`, [
      { kind: "cut" },
      { kind: "cut" },
      { kind: "cut" },
    ]);
    const summary = await sync();
    expect(summary.failed.map((f) => f.name)).toEqual(["20240301003000.export.CSV.zip"]);
    expect(summary.failed[0]?.reason).toMatch(
      /connection lost after \d+ bytes .*\(after 3 tries\)/,
    );
    expect(await syncFolder()).toEqual([]);
    server.requests.length = 0;
    const rerun = await sync();
    expect(zipRequests()).toEqual(["/20240301003000.export.CSV.zip"]);
    expect(rerun.failed).toEqual([]);
    expect(await countGdeltRecords()).toBe(SLOTS.length * ROWS_PER_FILE);
  });

  it("retries 5xx with backoff, a bounded number of times, and does not retry a 404", async () => {
    server.faults.set(`/${name(SLOTS[0] ?? "")}`, [
      { kind: "status", status: 503 },
      { kind: "status", status: 502 },
    ]);
    server.faults.set(`/${name(SLOTS[1] ?? "")}`, [
      { kind: "status", status: 500 },
      { kind: "status", status: 500 },
      { kind: "status", status: 500 },
      { kind: "status", status: 500 },
    ]);
    server.files.delete(`/${name(SLOTS[3] ?? "")}`);
    const summary = await sync();
    expect(summary.imported.map((f) => f.name)).toEqual([
      name(SLOTS[0] ?? ""),
      name(SLOTS[2] ?? ""),
    ]);
    const reasons = Object.fromEntries(summary.failed.map((f) => [f.name, f.reason]));
    expect(reasons["20240301001500.export.CSV.zip"]).toMatch(/^HTTP 500 .*\(after 3 tries\)$/);
    expect(reasons["20240301010000.export.CSV.zip"]).toMatch(/^HTTP 404 /);
    expect(zipRequests().filter((p) => p === "/20240301010000.export.CSV.zip")).toHaveLength(1);
  });

  it("resumes after a killed run: re-downloads a half-written file, uses a complete one", async () => {
    const folder = join(dataDir, "sync", "gdelt");
    await mkdir(folder, { recursive: true });
    const first = zips.get(name(SLOTS[0] ?? "")) ?? Buffer.alloc(0);
    const second = zips.get(name(SLOTS[1] ?? "")) ?? Buffer.alloc(0);
    await writeFile(join(folder, `${name(SLOTS[0] ?? "")}.part`), first.subarray(0, 100));
    await writeFile(join(folder, name(SLOTS[1] ?? "")), second);
    const summary = await sync();
    expect(summary.failed).toEqual([]);
    expect(summary.imported).toHaveLength(4);
    expect(zipRequests()).not.toContain(`/${name(SLOTS[1] ?? "")}`);
    expect(zipRequests()).toContain(`/${name(SLOTS[0] ?? "")}`);
    expect(await syncFolder()).toEqual([]);
  });

  it("re-imports nothing when the state was lost but the database has the files", async () => {
    await sync();
    await rm(join(dataDir, "sync", "gdelt-state.json"));
    await db.query("DELETE FROM meta WHERE key = 'sync.gdelt'");
    const again = await sync();
    expect(again.imported.every((f) => f.result.alreadyImported)).toBe(true);
    expect(await countGdeltRecords()).toBe(SLOTS.length * ROWS_PER_FILE);
  });

  it("takes only the slots between --since and --until", async () => {
    const summary = await sync({ since: "20240301001500", until: "20240301003000" });
    expect(summary.imported.map((f) => f.name)).toEqual([
      "20240301001500.export.CSV.zip",
      "20240301003000.export.CSV.zip",
    ]);
    expect(summary.gaps).toEqual([]);
  });

  it("--latest follows lastupdate.txt and fetches only the newest export", async () => {
    const zip = zips.get(name(SLOTS[3] ?? "")) ?? Buffer.alloc(0);
    const lastUpdate = fillList(
      `{bytes} {md5} http://data.gdeltproject.org/gdeltv2/${name(SLOTS[3] ?? "")}\n`,
      zips,
    );
    server.files.set("/lastupdate.txt", Buffer.from(lastUpdate));
    const summary = await sync({ since: null, isLatestOnly: true });
    expect(zip.length).toBeGreaterThan(0);
    expect(summary.imported.map((f) => f.name)).toEqual([name(SLOTS[3] ?? "")]);
    expect(summary.list).toBe(`${server.url}lastupdate.txt`);
  });

  it("fails with a clear error when the file list cannot be fetched", async () => {
    server.files.delete("/masterfilelist.txt");
    await expect(sync()).rejects.toThrow(/cannot fetch the GDELT file list: HTTP 404 /);
  });

  it("asks for --since on a first sync", async () => {
    await expect(sync({ since: undefined })).rejects.toThrow(/first GDELT sync needs --since/);
  });
});
