import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ARTIFACTS, CHROMIUM, type Dashboard, HAS_CHROMIUM, startDashboard } from "./support.ts";

if (!HAS_CHROMIUM) {
  console.warn(
    `skipping the browser tests: no Chromium at ${CHROMIUM} (apt-get install chromium, or set FRONTIER_CHROMIUM)`,
  );
}

describe.skipIf(!HAS_CHROMIUM)("the dashboard in Chromium, on the real UCDP files", () => {
  let d: Dashboard;
  /** Requests the pages made to anywhere but this server: the dashboard must work offline. */
  const foreign: string[] = [];
  /** Script errors and failed loads (a CSP violation is a console error too). */
  const errors: string[] = [];
  beforeAll(async () => {
    d = await startDashboard();
  }, 120_000);
  afterAll(async () => {
    await d?.close();
  });

  async function open(hash: string, viewport = { width: 1366, height: 768 }): Promise<Page> {
    const page = await d.browser.newPage();
    await page.setViewportSize(viewport);
    page.on("request", (r) => {
      const url = r.url();
      if (!url.startsWith(d.base) && !/^(data|blob):/.test(url)) foreign.push(url);
    });
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    await page.goto(`${d.base}/${hash}`);
    return page;
  }

  async function count(query: string): Promise<number> {
    const res = await d.app.inject({ url: `/api/events/count${query}` });
    return (res.json() as { count: number }).count;
  }

  it("opens the overview with a non-empty trend chart whose figures match the API", async () => {
    const page = await open("");
    await page.waitForSelector("#chart-events svg rect");
    const bars = await page.locator("#chart-events svg rect").count();
    expect(bars).toBeGreaterThan(0);
    // The view ends on the last stored day (2026-07-31): the headline counts July's events.
    const headline = page.locator("#rising-tensions .figures li").first();
    const july = await count("?from=2026-07-01&to=2026-07-31");
    expect(july).toBeGreaterThan(0);
    expect(await headline.locator("strong").textContent()).toBe(july.toLocaleString("en"));
    expect(await headline.textContent()).toContain("events in Jul 2026");
    await expect
      .poll(() => page.locator("#chart-events figcaption").textContent())
      .toContain("Events per month by category");
    await page.waitForSelector("#chart-escalation svg");
    await page.screenshot({ path: join(ARTIFACTS, "overview.png"), fullPage: true });
    await page.close();
  });

  it("opens a demand's evidence in a dialog and returns focus when it closes", async () => {
    const page = await open("#/overview");
    const cell = page.locator('#demands-table button[data-demand="effective-action"]').nth(1);
    await cell.click();
    const dialog = page.locator("#evidence-dialog");
    await expect.poll(() => dialog.isVisible()).toBe(true);
    const api = (
      await d.app.inject({ url: "/api/demands?unit=quarter&periods=4&asOf=2026-07-31" })
    ).json() as { periods: { demands: { demandId: string; breach: unknown[] }[] }[] };
    const breaches =
      api.periods[1]?.demands.find((x) => x.demandId === "effective-action")?.breach.length ?? 0;
    expect(breaches).toBeGreaterThan(0);
    await expect.poll(() => dialog.textContent()).toContain(`Breach: ${breaches} events`);
    expect(await dialog.locator("ul.evidence li").count()).toBe(Math.min(breaches, 25));
    await page.screenshot({ path: join(ARTIFACTS, "demand-evidence.png") });
    await page.keyboard.press("Escape");
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await cell.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.close();
  });

  it("filters the events table and exports exactly the filtered rows as CSV", async () => {
    const page = await open("#/events");
    const status = page.locator("#events-count");
    const all = await count("");
    await expect
      .poll(() => status.textContent())
      .toContain(`${all.toLocaleString("en")} events match`);
    await page.selectOption("#f-country", "AFG");
    await page.click('form[aria-label="Filter events"] button[type="submit"]');
    const afg = await count("?country=AFG");
    expect(afg).toBeGreaterThan(0);
    expect(afg).toBeLessThan(all);
    await expect.poll(() => status.textContent()).toContain(`${afg} events match`);
    const rows = page.locator("#events-table tbody tr");
    expect(await rows.count()).toBe(Math.min(afg, 100));
    const places = await rows.locator("td:nth-child(2)").allTextContents();
    expect(places.every((p) => p.endsWith("AFG"))).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, "events-afg.png") });

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.click("#export-csv"),
    ]);
    const csv = readFileSync(await download.path(), "utf8");
    const records: string[][] = parse(csv);
    expect(records[0]?.slice(0, 3)).toEqual(["id", "date_start", "date_end"]);
    expect(records.length - 1).toBe(afg);
    expect(records.slice(1).every((r) => r[4] === "AFG")).toBe(true);
    await page.close();
  });

  it("draws the events on the map and redraws them when filtered", async () => {
    const page = await open("#/map");
    const status = page.locator("#map-count");
    await expect.poll(() => status.textContent()).toMatch(/events on the map/);
    const before = (await status.textContent()) ?? "";
    await page.waitForSelector("#map[data-ready], #map [role=alert]");
    expect(await page.locator("#map-list li").count()).toBeGreaterThan(0);
    await page.selectOption("#f-country", "AFG");
    await page.click('form[aria-label="Filter the map"] button[type="submit"]');
    await expect.poll(() => status.textContent()).not.toBe(before);
    expect((await status.textContent()) ?? "").toMatch(/^\d[\d,]* events on the map/);
    await page.locator("#map-list button").first().click();
    await expect.poll(() => page.locator("#map-details").textContent()).toContain("Sources");
    await page.screenshot({ path: join(ARTIFACTS, "map-afg.png") });
    await page.close();
  });

  it("fits a phone's width and can be driven from the keyboard", async () => {
    const page = await open("#/overview", { width: 390, height: 844 });
    await page.waitForSelector("#chart-events svg");
    const [scrollWidth, innerWidth] = await page.evaluate(() => [
      document.documentElement.scrollWidth,
      window.innerWidth,
    ]);
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
    await page.screenshot({ path: join(ARTIFACTS, "overview-phone.png") });
    // Skip link, then the three page links.
    for (let i = 0; i < 4; i++) await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Events");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe("H1");
    expect(page.url()).toContain("#/events");
    await page.close();
  });

  it("asked nothing of any other host and raised no errors", () => {
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
  });
});
