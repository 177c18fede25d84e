import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyAction, createAccount, fileReport, verifyContext } from "../../src/app/verify.ts";
import { ensureProfile } from "../../src/cli/profile-file.ts";
import type { Profile } from "../../src/domain/profile/index.ts";
import { type MechanismFigures, type Member, newReportSchema } from "../../src/verify/index.ts";
import { ARTIFACTS, CHROMIUM, type Dashboard, HAS_CHROMIUM, startDashboard } from "./support.ts";

const PASSWORD = "correct horse battery staple";

if (!HAS_CHROMIUM) {
  console.warn(`skipping the mechanism card test: no Chromium at ${CHROMIUM}`);
}

describe.skipIf(!HAS_CHROMIUM)("the overview's mechanism card in Chromium", () => {
  let d: Dashboard;
  let profile: Profile;
  /** Script errors and failed loads while the public looks. */
  const errors: string[] = [];
  beforeAll(async () => {
    d = await startDashboard();
    profile = await ensureProfile(d.db);
  }, 120_000);
  afterAll(async () => {
    await d?.close();
  });

  const nameOf = (iso3: string) => profile.parties.find((p) => p.iso3 === iso3)?.name ?? iso3;

  async function open(): Promise<Page> {
    const page = await d.browser.newPage();
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    await page.goto(`${d.base}/#/overview`);
    await page.waitForSelector("#mechanism #mechanism-view");
    return page;
  }

  /** The card's table as {party name → cells}. */
  async function tableOf(page: Page): Promise<Map<string, string[]>> {
    const rows = await page
      .locator("#mechanism-table tbody tr")
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent ?? "")),
      );
    return new Map(rows.map(([name = "", ...cells]) => [name, cells]));
  }

  async function member(name: string, role: Member["role"], party: string | null) {
    const ctx = verifyContext({ db: d.db, profile });
    const account = await createAccount(ctx, { name, role, party, password: PASSWORD }, "test");
    const who: Member = { kind: "member", accountId: account.id, name, role, party };
    return { ctx, who };
  }

  it("says in a sentence that nothing is published yet, without a chart", async () => {
    const page = await open();
    // The mechanism's figures are today's, not as of the last stored event.
    const today = new Date().toISOString().slice(0, 10);
    expect(await page.locator("#mechanism-empty").textContent()).toBe(
      `No finding had been published by ${today}: nothing to count.`,
    );
    expect(await page.locator("#mechanism svg").count()).toBe(0);
    expect(await page.locator("#mechanism-view").textContent()).toBe(
      "Published findings only — sign in on the Mechanism page to count the reports you may read.",
    );
    expect(await page.locator("#mechanism-view a").getAttribute("href")).toBe("#/verify");
    await page.close();
  });

  it("counts the published report for the public and not the unpublished AMBER one", async () => {
    const mediator = await member("med.qatar", "mediator", null);
    const pak = await member("pak.liaison", "liaison", "PAK");
    const body = (marking: string, title: string) =>
      newReportSchema.parse({
        title,
        description: "Three rounds landed near the customs post at 06:10.",
        occurredOn: "2026-07-20",
        place: { name: "Torkham", lat: 34.1, lon: 71.1 },
        commitment: "ceasefire",
        against: "AFG",
        marking,
      });
    const shared = await fileReport(pak.ctx, pak.who, body("CLEAR", "Mortar fire at Torkham"));
    const steps = [
      { type: "acknowledge" },
      { type: "start_verification" },
      {
        type: "conclude",
        outcome: "verified",
        finding: {
          facts: "Rounds came from the west.",
          attribution: "A unit based in Nangarhar",
          breachedCommitment: "ceasefire",
          measure: "Joint patrol for 30 days",
        },
      },
      { type: "publish" },
    ] as const;
    for (const action of steps) {
      await applyAction(mediator.ctx, mediator.who, { id: shared.id, action });
    }
    // Left unpublished: the public must count neither of these.
    await fileReport(pak.ctx, pak.who, body("AMBER", "Drone over Kurram"));
    await fileReport(mediator.ctx, mediator.who, body("GREEN", "Shelling near Chaman"));

    const page = await open();
    await page.waitForSelector("#mechanism-table");
    const table = await tableOf(page);
    // Filed, investigated, median days to finding, overdue, late.
    expect(table.get(nameOf("PAK"))).toEqual(["1", "100%", "0", "0", "0"]);
    expect(table.get(nameOf("AFG"))).toEqual(["0", "—", "—", "0", "0"]);
    expect(table.get("All")?.[0]).toBe("1");
    expect(table.has("Mediators (as monitor)")).toBe(false);
    expect(await page.locator("#chart-mechanism svg rect").count()).toBeGreaterThan(0);

    // The card shows what the API answers the public for the same day (today: the overview's
    // as-of date is the last stored event's, which the mechanism's live figures do not follow).
    const api = (await d.app.inject({ url: "/api/verify/figures" })).json() as MechanismFigures;
    expect(api.parties.map((p) => p.party)).toEqual(["PAK", "AFG"]);
    for (const p of api.parties) {
      const cells = table.get(nameOf(p.party));
      expect(cells?.[0]).toBe(String(p.filed));
      expect(cells?.[3]).toBe(String(p.overdue));
      expect(cells?.[4]).toBe(String(p.late));
    }
    expect(table.get("All")?.[0]).toBe(String(api.overall.filed));
    await page.locator("#mechanism").screenshot({ path: join(ARTIFACTS, "mechanism-public.png") });
    await page.close();
    expect(errors).toEqual([]);
  });

  it("counts the reports a signed-in liaison may read once the browser has a session", async () => {
    const page = await open();
    const status = await page.evaluate(async (password) => {
      const res = await fetch("/api/verify/login", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name: "pak.liaison", password }),
      });
      return res.status;
    }, PASSWORD);
    expect(status).toBe(200);
    await page.reload();
    await page.waitForSelector("#mechanism-table");
    const table = await tableOf(page);
    // Its own CLEAR and AMBER reports, and the mediator's GREEN one.
    expect(table.get(nameOf("PAK"))?.[0]).toBe("2");
    expect(table.get("Mediators (as monitor)")?.[0]).toBe("1");
    expect(table.get("All")?.[0]).toBe("3");
    expect(await page.locator("#mechanism-view").textContent()).toContain(
      "Your view as pak.liaison: 3 reports — those you may read, and the findings published.",
    );
    // On a phone the card keeps within the screen: the wide table scrolls inside it.
    await page.setViewportSize({ width: 390, height: 844 });
    const [right, scrollWidth, clientWidth] = await page
      .locator("#mechanism")
      .evaluate((el) => [el.getBoundingClientRect().right, el.scrollWidth, el.clientWidth]);
    expect(right).toBeLessThanOrEqual(390);
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth ?? 0);
    await page.close();
    expect(errors).toEqual([]);
  });

  it("counts a published RED finding in no party's row, for the public", async () => {
    const mediator = await member("med.turkiye", "mediator", null);
    const afg = await member("afg.liaison", "liaison", "AFG");
    const red = await fileReport(
      afg.ctx,
      afg.who,
      newReportSchema.parse({
        title: "Informant in Khost",
        description: "A source saw the launch.",
        occurredOn: "2026-07-22",
        place: { name: "Khost" },
        commitment: "ceasefire",
        against: "PAK",
        marking: "RED",
        recipients: ["med.turkiye"],
      }),
    );
    await applyAction(mediator.ctx, mediator.who, { id: red.id, action: { type: "acknowledge" } });
    await applyAction(mediator.ctx, mediator.who, {
      id: red.id,
      action: { type: "start_verification" },
    });
    await applyAction(mediator.ctx, mediator.who, {
      id: red.id,
      action: { type: "request_information", party: "PAK", question: "Who?", dueOn: "2099-01-01" },
    });
    await applyAction(mediator.ctx, mediator.who, {
      id: red.id,
      action: {
        type: "conclude",
        outcome: "inconclusive",
        finding: { facts: "f", attribution: "a", breachedCommitment: null, measure: "m" },
      },
    });
    await applyAction(mediator.ctx, mediator.who, { id: red.id, action: { type: "publish" } });
    const page = await d.browser.newPage();
    // A fresh page: the session of the test before is signed out first.
    await page.goto(`${d.base}/#/overview`);
    await page.evaluate(async () => {
      const s = await (await fetch("/api/verify/session")).json();
      if (s.csrfToken) {
        await fetch("/api/verify/logout", {
          method: "POST",
          headers: { "x-csrf-token": s.csrfToken },
        });
      }
    });
    await page.reload();
    await page.waitForSelector("#mechanism-table");
    const table = await tableOf(page);
    // As before the RED finding: Pakistan's one CLEAR finding, nothing for Afghanistan, and
    // the request put to Pakistan on the RED report counted nowhere.
    expect(table.get(nameOf("PAK"))).toEqual(["1", "100%", "0", "0", "0"]);
    expect(table.get(nameOf("AFG"))?.[0]).toBe("0");
    expect(table.get("All")?.[0]).toBe("1");
    expect(await page.locator("#mechanism-withheld").textContent()).toBe(
      "1 published finding marked TLP:RED is counted in no party's row: its summary names no party and no filing day.",
    );
    await page.close();
  });
});
