import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureProfile } from "../../src/cli/profile-file.ts";
import {
  createSimulation,
  crossingsOf,
  rosterOf,
  type SimPlace,
  writeSimulation,
} from "../../src/simulate/index.ts";
import { countEvents } from "../../src/store/event-list.ts";
import { ROOT } from "../helpers/cli.ts";
import { ARTIFACTS, type Dashboard, HAS_CHROMIUM, startDashboard } from "./support.ts";

const BAD_ACLED = join(ROOT, "test/fixtures/ingest/acled-bad-values.csv");

/** What a PDF says its pages are: each page object is `/Type /Page` (the tree is `/Pages`). */
function pdfPages(bytes: Buffer): number {
  return bytes.toString("latin1").match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;
}

describe.skipIf(!HAS_CHROMIUM)("adding data and briefs in Chromium", () => {
  let d: Dashboard;
  const errors: string[] = [];
  beforeAll(async () => {
    d = await startDashboard();
  }, 180_000);
  afterAll(async () => {
    await d?.close();
  });

  async function open(hash: string): Promise<Page> {
    const page = await d.browser.newPage();
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${d.base}/${hash}`);
    return page;
  }

  it("uploads an ACLED file, shows its summary and hands over its rejected rows", async () => {
    const page = await open("#/add");
    await page.setInputFiles("#upload-file", BAD_ACLED);
    await page.selectOption("#upload-dataset", "acled");
    await page.check("#upload-skip");
    await page.click('#upload-form button[type="submit"]');
    const summary = page.locator("#import-summary");
    await summary.waitFor({ timeout: 60_000 });
    const stored = await countEvents(d.db, { dataset: ["acled"] });
    expect(stored).toBeGreaterThan(0);
    const cells = await summary.locator("tbody tr").allTextContents();
    expect(cells).toContain(`Events stored${stored}`);
    const rejectedRow = cells.find((c) => c.startsWith("Rejected")) ?? "";
    const rejected = Number(rejectedRow.replace("Rejected", ""));
    expect(rejected).toBeGreaterThan(0);
    await page.screenshot({ path: join(ARTIFACTS, "add-data-upload.png"), fullPage: true });
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.click("#rejects-link"),
    ]);
    const rows: string[][] = parse(readFileSync(await download.path(), "utf8"));
    expect(rows[0]).toEqual(["file", "line", "field", "value", "reason"]);
    expect(rows.length - 1).toBe(rejected);
    await page.close();
  });

  it("codes a pasted article, previews its events and stores the dated ones", async () => {
    const page = await open("#/add");
    const text =
      "Pakistani forces said on 3 March 2026 that militants who crossed from Afghanistan killed five soldiers in North Waziristan.";
    await page.fill("#code-text", text);
    await page.fill("#code-date", "2026-03-04");
    await page.click('#code-form button[type="submit"]');
    await expect
      .poll(() => page.locator("#code-count").textContent())
      .toMatch(/^1 coded event, 1 dated/);
    const before = await countEvents(d.db, { dataset: ["text"] });
    // The sentence is dated and factual: one event to store.
    const store = page.locator("#code-store");
    expect(await store.textContent()).toBe("Store the 1 dated event");
    await store.click();
    await expect.poll(() => page.locator("#code-stored").textContent()).toMatch(/^Stored 1 event /);
    expect(await countEvents(d.db, { dataset: ["text"] })).toBe(before + 1);
    await page.screenshot({ path: join(ARTIFACTS, "add-data-code.png"), fullPage: true });
    await page.close();
  });

  it("makes a PDF brief that has pages, from the footer's link", async () => {
    const page = await open("#/overview");
    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 90_000 }),
      page.click("#brief-pdf"),
    ]);
    const pdf = readFileSync(await download.path());
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdfPages(pdf)).toBeGreaterThanOrEqual(2);
    await page.close();
  }, 120_000);

  it("shows the simulated badge once synthetic events are stored", async () => {
    const page = await open("#/events");
    await page.waitForSelector("#events-table tbody tr");
    expect(await page.locator("#simulated-badge").isVisible()).toBe(false);
    const profile = await ensureProfile(d.db);
    const places: SimPlace[] = [
      {
        name: "Bannu",
        countryIso3: "PAK",
        admin1: "Khyber Pakhtunkhwa",
        admin2: "Bannu",
        lat: 32.99,
        lon: 70.6,
        weight: 1,
      },
    ];
    const meta = {
      seed: 1,
      count: 30,
      from: "2026-07-01",
      to: "2026-07-31",
      profileId: profile.id,
    };
    const simulation = createSimulation({
      ...meta,
      places,
      crossings: crossingsOf(profile),
      roster: rosterOf(profile),
    });
    await writeSimulation(d.db, simulation, meta);
    await page.reload();
    await expect.poll(() => page.locator("#simulated-badge").isVisible()).toBe(true);
    await page.goto(`${d.base}/#/events?dataset=sim`);
    await expect.poll(() => page.locator("#events-table tbody .badge.simulated").count()).toBe(30);
    await page.screenshot({ path: join(ARTIFACTS, "simulated-badge.png") });
    await page.close();
  });

  it("raised no script errors", () => {
    expect(errors).toEqual([]);
  });
});
