import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { type BrowserContext, chromium } from "playwright-core";
import { build } from "vite";
import { buildApp } from "../../src/api/app.ts";
import { CHROMIUM_ARGS } from "../../src/app/brief.ts";
import { importPath } from "../../src/app/import.ts";
import { ensureProfile } from "../../src/cli/profile-file.ts";
import { createResolver } from "../../src/domain/profile/index.ts";
import type { Db } from "../../src/store/db.ts";
import { ROOT, SHARED_DATA } from "../helpers/cli.ts";
import { openTestDb } from "../helpers/store.ts";

/** Debian's Chromium (`apt-get install chromium`); the browser tests skip without it. */
export const CHROMIUM = process.env.FRONTIER_CHROMIUM ?? "/usr/bin/chromium";
export const HAS_CHROMIUM = existsSync(CHROMIUM);
export const ARTIFACTS = join(ROOT, "test-artifacts", "web");

/** The real UCDP candidate files: January–June and July 2026. */
export const UCDP_FILES = [
  "ucdp/GEDEvent_v26_01_26_06_pak_afg.csv",
  "ucdp/GEDEvent_v26_0_7_pak_afg.csv",
].map((f) => join(SHARED_DATA, f));

const BROWSER_ARGS = [
  ...CHROMIUM_ARGS,
  // WebGL for the map in software, since --disable-gpu leaves no hardware context.
  "--enable-unsafe-swiftshader",
];

export interface Dashboard {
  base: string;
  app: FastifyInstance;
  db: Db;
  browser: BrowserContext;
  close(): Promise<void>;
}

/**
 * Builds the dashboard into a temporary directory, imports the real UCDP files into a fresh
 * store, serves both in-process on 127.0.0.1 and opens Chromium with a fresh profile.
 */
export async function startDashboard(): Promise<Dashboard> {
  const temp = mkdtempSync(join(tmpdir(), "fw-web-"));
  const webDir = join(temp, "dist");
  await build({
    configFile: join(ROOT, "vite.config.ts"),
    logLevel: "warn",
    build: { outDir: webDir, emptyOutDir: true },
  });
  const db = await openTestDb();
  const profile = await ensureProfile(db);
  const resolver = createResolver(profile);
  for (const file of UCDP_FILES) await importPath(db, "ucdp", file, { profile, resolver });
  const geoDir = join(SHARED_DATA, "geo");
  const app = await buildApp({
    db,
    profile,
    webDir,
    geoDir: existsSync(geoDir) ? geoDir : null,
  });
  const base = await app.listen({ host: "127.0.0.1", port: 0 });
  mkdirSync(ARTIFACTS, { recursive: true });
  const browser = await chromium.launchPersistentContext(join(temp, "profile"), {
    executablePath: CHROMIUM,
    headless: true,
    args: BROWSER_ARGS,
    viewport: { width: 1366, height: 768 },
    acceptDownloads: true,
  });
  return {
    base,
    app,
    db,
    browser,
    async close() {
      await browser.close();
      await app.close();
      await db.close();
      rmSync(temp, { recursive: true, force: true });
    },
  };
}
