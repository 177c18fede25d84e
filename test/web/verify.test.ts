import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount, fileReport, verifyContext } from "../../src/app/verify.ts";
import { ensureProfile } from "../../src/cli/profile-file.ts";
import { auditOfReport } from "../../src/store/audit.ts";
import {
  getReport,
  listEvidence,
  listReports,
  listRequests,
} from "../../src/store/verify-queries.ts";
import { newReportSchema } from "../../src/verify/schemas.ts";
import { ARTIFACTS, CHROMIUM, type Dashboard, HAS_CHROMIUM, startDashboard } from "./support.ts";

if (!HAS_CHROMIUM)
  console.warn(`skipping the mechanism's browser tests: no Chromium at ${CHROMIUM}`);

const PASSWORD = "a long enough test password";
// A 1×1 PNG: signature, IHDR, IDAT, IEND.
const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
    "1f15c4890000000d49444154789c63f8ffff3f0005fe02fea7d6a4c00000000049454e44ae426082",
  "hex",
);
const PRIVATE_NAME = "Gul Wazir Khan";
const PHONE = "+92 300 1234567";

describe.skipIf(!HAS_CHROMIUM)("the verification mechanism's screens in Chromium", () => {
  let d: Dashboard;
  const errors: string[] = [];
  let reportId = "";

  beforeAll(async () => {
    d = await startDashboard();
    const profile = await ensureProfile(d.db);
    const ctx = verifyContext({ db: d.db, profile });
    const add = (name: string, role: "mediator" | "liaison" | "admin", party: string | null) =>
      createAccount(ctx, { name, role, party, password: PASSWORD }, "test");
    await add("med.qatar", "mediator", null);
    await add("pak.liaison", "liaison", "PAK");
    await add("afg.liaison", "liaison", "AFG");
    await add("ops.admin", "admin", null);
    await add("afg.two", "liaison", "AFG");
  }, 180_000);
  afterAll(async () => {
    await d?.close();
  });

  async function open(hash: string): Promise<Page> {
    const page = await d.browser.newPage();
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => {
      // A refused request is logged by the browser; the page shows it, which the tests check.
      if (m.type() === "error" && !/status of (400|401|403|404|409)/.test(m.text())) {
        errors.push(m.text());
      }
    });
    await page.goto(`${d.base}/${hash}`);
    return page;
  }

  async function signIn(page: Page, name: string): Promise<void> {
    await page.goto(`${d.base}/#/verify`);
    await page.waitForSelector("#login-form, #sign-out");
    const out = page.locator("#sign-out");
    if ((await out.count()) > 0) {
      await out.click();
      await page.waitForSelector("#login-form");
    }
    await page.fill("#login-name", name);
    await page.fill("#login-password", PASSWORD);
    await page.click("#login-form button[type=submit]");
    await expect.poll(() => page.locator("#signed-in-as").textContent()).toContain(name);
  }

  const statusText = (page: Page) => page.locator("#report-status").textContent();

  it("shows the public the sign-in form and that nothing is published yet", async () => {
    const page = await open("#/verify");
    await page.waitForSelector("#login-form");
    await expect
      .poll(() => page.locator("#published").textContent())
      .toContain("No findings have been published yet");
    expect(await page.locator("#reports").count()).toBe(0);
    await page.close();
  });

  it("refuses a wrong password with the server's reason and stays signed out", async () => {
    const page = await open("#/verify");
    await page.fill("#login-name", "pak.liaison");
    await page.fill("#login-password", "not the password at all");
    await page.click("#login-form button[type=submit]");
    await expect
      .poll(() => page.locator("#login-status").textContent())
      .toContain("wrong name or password");
    expect(await page.locator("#signed-in-as").count()).toBe(0);
    await page.close();
  });

  it("lets a party liaison file an AMBER report with a map point and evidence", async () => {
    const page = await open("#/verify");
    await signIn(page, "pak.liaison");
    await page.click("#new-report");
    await page.waitForSelector("#file-form");
    await page.fill("#report-title", "Cross-border fire at Chaman");
    await page.fill(
      "#report-description",
      `Mortar rounds fired from across the border hit a village; ${PRIVATE_NAME} (${PHONE}) saw the launch site.`,
    );
    await page.fill("#report-occurred", "2026-11-20");
    await page.fill("#report-place", "Chaman");
    // Half a point is refused before anything is sent.
    await page.fill("#report-lat", "32.1");
    await page.click("#file-form button[type=submit]");
    await expect
      .poll(() => page.locator("#file-status").textContent())
      .toBe("give both latitude and longitude, or neither (a place name alone will do)");
    expect(await listReports(d.db)).toEqual([]);
    // A click on the map sets the point; the map shows the region around the border.
    await page.waitForSelector("#pick-map canvas");
    const canvas = page.locator("#pick-map canvas");
    const box = await canvas.boundingBox();
    // The middle of the map: it opens centred on the border (32.5° N, 68.5° E).
    await canvas.click({ position: { x: (box?.width ?? 0) / 2, y: (box?.height ?? 0) / 2 } });
    await expect.poll(() => page.inputValue("#report-lat")).not.toBe("");
    const lat = Number(await page.inputValue("#report-lat"));
    const lon = Number(await page.inputValue("#report-lon"));
    expect(lat).toBeGreaterThan(31);
    expect(lat).toBeLessThan(34);
    expect(lon).toBeGreaterThan(67);
    expect(lon).toBeLessThan(70);
    await page.selectOption("#report-against", "AFG");
    await page.check("#marking-AMBER");
    await page.fill("#report-persons", PRIVATE_NAME);
    await page.screenshot({ path: join(ARTIFACTS, "verify-file.png"), fullPage: true });
    await page.click("#file-form button[type=submit]");
    await page.waitForSelector("#report-details");
    reportId = new URLSearchParams(new URL(page.url()).hash.split("?")[1]).get("report") ?? "";
    const stored = await getReport(d.db, reportId);
    expect(stored?.title).toBe("Cross-border fire at Chaman");
    expect(stored?.marking).toBe("AMBER");
    expect(stored?.filerParty).toBe("PAK");
    expect(stored?.against).toBe("AFG");
    expect(stored?.place.lat).toBeCloseTo(lat, 4);
    expect(await statusText(page)).toBe("submitted");

    // Evidence: a PNG is stored; an HTML page is refused whatever its name says.
    await page.setInputFiles("#evidence-file", {
      name: "launch site.png",
      mimeType: "image/png",
      buffer: PNG,
    });
    await page.click("#evidence-form button[type=submit]");
    await expect.poll(() => page.locator("#evidence-list").textContent()).toContain("image/png");
    await page.setInputFiles("#evidence-file", {
      name: "photo.jpg",
      mimeType: "image/jpeg",
      buffer: Buffer.from("<html><script>alert(1)</script></html>"),
    });
    await page.click("#evidence-form button[type=submit]");
    await expect
      .poll(() => page.locator("#evidence-status").textContent())
      .toBe("the file's content is not PDF, PNG, JPEG, GIF, WebP, MP4 video or plain UTF-8 text");
    const files = await listEvidence(d.db, reportId);
    expect(files.map((f) => f.mediaType)).toEqual(["image/png"]);

    // The download is the stored bytes, as an attachment.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.locator("#evidence-list a").first().click(),
    ]);
    const path = await download.path();
    expect(createHash("sha256").update(readFileSync(path)).digest("hex")).toBe(
      createHash("sha256").update(PNG).digest("hex"),
    );
    await page.screenshot({ path: join(ARTIFACTS, "verify-report.png"), fullPage: true });
    await page.close();
  });

  it("keeps the AMBER report from the other party's liaison", async () => {
    const page = await open("#/verify");
    await signIn(page, "afg.liaison");
    await expect
      .poll(() => page.locator("#reports").textContent())
      .toContain("No reports you may read match");
    await page.goto(`${d.base}/#/verify?report=${reportId}`);
    await expect
      .poll(() => page.locator("main").textContent())
      .toContain(`No report ${reportId} that you may read`);
    await page.close();
  });

  it("takes a mediator through acknowledge, verification and a request to the other party", async () => {
    const page = await open("#/verify");
    await signIn(page, "med.qatar");
    await page.click(`#reports a[data-report="${reportId}"]`);
    await page.waitForSelector("#action-acknowledge");

    // A second tab on the same report: its button is stale once the first tab acknowledges.
    const stale = await open(`#/verify?report=${reportId}`);
    await stale.waitForSelector("#action-acknowledge");

    await page.click("#action-acknowledge");
    await expect.poll(() => statusText(page)).toBe("acknowledged");
    await stale.click("#action-acknowledge");
    await expect
      .poll(() => stale.locator("#action-status").textContent())
      .toContain("cannot acknowledge a report that is acknowledged");
    await stale.close();

    await page.click("#action-start_verification");
    await expect.poll(() => statusText(page)).toBe("under verification");
    await page.fill("#rfi-question", "Which units were positioned near the launch site that day?");
    await page.selectOption("#rfi-party", "AFG");
    await page.fill("#rfi-due", "2026-12-05");
    await page.click("#rfi-form button[type=submit]");
    await expect
      .poll(() => page.locator("#report-requests").textContent())
      .toContain("Which units were positioned");
    const requests = await listRequests(d.db, { reportId });
    expect(requests.map((q) => [q.party, q.dueOn])).toEqual([["AFG", "2026-12-05"]]);
    await page.close();
  });

  it("lets the party asked answer without showing it the report", async () => {
    const page = await open("#/verify");
    await signIn(page, "afg.liaison");
    await page.waitForSelector("#reports-none");
    const block = page.locator("#requests article.request").first();
    await expect.poll(() => block.textContent()).toContain("Which units were positioned");
    // The report is AMBER and Pakistan's: no link to it, no title.
    expect(await block.locator("a").count()).toBe(0);
    expect(await page.locator("main").textContent()).not.toContain("Chaman");
    await block.locator("textarea").fill("No units were in the area; patrols were 20 km away.");
    await block.locator("button[type=submit]").click();
    await expect.poll(() => page.locator("#requests").textContent()).toContain("Answered");
    const [answered] = await listRequests(d.db, { reportId });
    expect(answered?.response).toBe("No units were in the area; patrols were 20 km away.");
    await page.close();
  });

  it("concludes and publishes, and the public reads a redacted summary", async () => {
    const page = await open("#/verify");
    await signIn(page, "med.qatar");
    await page.goto(`${d.base}/#/verify?report=${reportId}`);
    await page.waitForSelector("#conclude-form");
    await expect
      .poll(() => page.locator("#report-requests").textContent())
      .toContain("patrols were 20 km");
    // A second question, left unanswered when the mediators conclude.
    await page.fill("#rfi-question", "Were any patrol logs kept that day?");
    await page.selectOption("#rfi-party", "AFG");
    await page.fill("#rfi-due", "2026-12-10");
    await page.click("#rfi-form button[type=submit]");
    await expect
      .poll(() => page.locator("#report-requests").textContent())
      .toContain("patrol logs");
    await page.waitForSelector("#conclude-form");
    await page.selectOption("#finding-outcome", "partly_verified");
    await page.selectOption("#finding-breached", "ceasefire");
    await page.fill(
      "#finding-facts",
      "Three rounds landed; the launch site could not be inspected.",
    );
    await page.fill(
      "#finding-attribution",
      `Fire came from the west, as ${PRIVATE_NAME} reported; the unit is not identified.`,
    );
    await page.fill("#finding-measure", "Joint patrol of the sector for 30 days.");
    await page.click("#conclude-form button[type=submit]");
    await expect.poll(() => statusText(page)).toBe("partly verified");
    await expect.poll(() => page.locator("#finding").textContent()).toContain("Joint patrol");
    await page.click("#action-publish");
    await expect.poll(() => statusText(page)).toBe("published");

    // The report's audit card lists exactly the chain entries the store holds for it.
    await page.locator("#report-audit summary").click();
    const entries = await auditOfReport(d.db, reportId);
    await expect.poll(() => page.locator("#report-audit tbody tr").count()).toBe(entries.length);
    expect(entries.length).toBeGreaterThanOrEqual(8);

    await page.click("#sign-out");
    await page.waitForSelector("#login-form");
    await expect.poll(() => page.url()).toMatch(/#\/verify$/);
    expect(await page.locator("main").textContent()).not.toContain("Sign in to open reports");
    const summary = page.locator(`#published article[data-published="${reportId}"]`);
    await expect.poll(() => summary.textContent()).toContain("partly verified");
    const text = (await summary.textContent()) ?? "";
    expect(text).toContain("Joint patrol of the sector for 30 days.");
    expect(text).toContain("TLP:AMBER");
    // AMBER lets out the parties, attribution and measure, not the title, facts or text,
    // and the private person's name is redacted from what it does let out.
    expect(text).not.toContain(PRIVATE_NAME);
    expect(text).not.toContain("Chaman");
    expect(text).not.toContain("Three rounds landed");
    expect(text).not.toContain("300 1234567");
    expect(text).toContain("concerning Afghanistan");
    await page.screenshot({ path: join(ARTIFACTS, "verify-public.png"), fullPage: true });
    await page.close();
  });

  it("closes a question left unanswered, and the other party cannot reach the evidence", async () => {
    const page = await open("#/verify");
    await signIn(page, "afg.liaison");
    const closed = page.locator("#requests article.request", { hasText: "patrol logs" });
    await expect.poll(() => closed.textContent()).toContain("Closed without an answer");
    expect(await closed.locator("textarea").count()).toBe(0);
    // The evidence of Pakistan's AMBER report, asked for by its id from this page: 404.
    const [file] = await listEvidence(d.db, reportId);
    const status = await page.evaluate(
      async (id) => (await fetch(`/api/verify/evidence/${id}`)).status,
      file?.id ?? "",
    );
    expect(status).toBe(404);
    await page.close();
  });

  it("keeps the session out of scripts and refuses a POST without the CSRF token", async () => {
    const page = await open("#/verify");
    await signIn(page, "pak.liaison");
    expect(await page.evaluate(() => document.cookie)).not.toContain("fw_session");
    const status = await page.evaluate(async () => {
      const res = await fetch("/api/verify/reports", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ title: "x" }),
      });
      return res.status;
    });
    expect(status).toBe(403);
    await page.close();
  });

  it("shows markup in a report as text, never as markup", async () => {
    const profile = await ensureProfile(d.db);
    const ctx = verifyContext({ db: d.db, profile });
    const [pak] = await d.db.query<{ id: string }>(
      "SELECT id FROM accounts WHERE name = 'pak.liaison'",
    );
    const payload = "<img src=x onerror=\"document.title='pwned'\">";
    const filed = await fileReport(
      ctx,
      {
        kind: "member",
        accountId: pak?.id ?? "",
        name: "pak.liaison",
        role: "liaison",
        party: "PAK",
      },
      newReportSchema.parse({
        title: `Title ${payload}`,
        description: `Text ${payload}<script>document.title='pwned'</script>`,
        occurredOn: "2026-11-21",
        place: { name: `Place ${payload}` },
        commitment: "ceasefire",
        marking: "AMBER",
        persons: [`Person ${payload}`],
      }),
    );
    const page = await open("#/verify");
    await signIn(page, "pak.liaison");
    await page.goto(`${d.base}/#/verify?report=${filed.id}`);
    await page.waitForSelector("#report-details");
    expect(await page.locator("#report h2").textContent()).toBe(`Title ${payload}`);
    expect(await page.locator("#report .report-text").textContent()).toContain("<script>");
    expect(await page.locator("#report img, #report script").count()).toBe(0);
    expect(await page.title()).not.toBe("pwned");
    // The public opening a report's address is asked to sign in, and shown none of it.
    await page.click("#sign-out");
    await page.waitForSelector("#login-form");
    await page.goto(`${d.base}/#/verify?report=${filed.id}`);
    await expect
      .poll(() => page.locator("main").textContent())
      .toContain("Sign in to open reports.");
    expect(await page.locator("main").textContent()).not.toContain("onerror");
    await page.close();
  });

  it("lets a member make an API token that is shown once and works until revoked", async () => {
    const page = await open("#/verify");
    await signIn(page, "pak.liaison");
    await page.fill("#token-label", "sync job");
    await page.click("#token-form button[type=submit]");
    const token = await page.locator("#token-value").inputValue();
    expect(token).toMatch(/^fwt_/);
    // In the field's value only, never in the page's markup; gone once hidden.
    expect(await page.content()).not.toContain(token);
    await page.click("#token-hide");
    expect(await page.locator("#token-value").count()).toBe(0);
    const asToken = () =>
      d.app.inject({
        url: "/api/verify/session",
        headers: { authorization: `Bearer ${token}` },
      });
    const live = await asToken();
    expect(live.statusCode).toBe(200);
    expect(live.json().account.name).toBe("pak.liaison");
    // Only its hash is stored: the token's text is nowhere in the database.
    const [tokenRows] = await d.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM api_tokens t WHERE strpos(t::text, $1) > 0",
      [token],
    );
    expect(tokenRows?.n).toBe(0);
    const row = page.locator("#token-list tr", { hasText: "sync job" });
    await row.locator("button").click();
    await expect.poll(() => row.textContent()).toContain("revoked");
    expect((await asToken()).statusCode).toBe(401);
    // Reloaded, the page lists the token but never shows its value again.
    await page.reload();
    await page.waitForSelector("#token-list table");
    expect(await page.locator("main").textContent()).not.toContain(token);
    await page.close();
  });

  it("returns a browser whose account was disabled to the public pages", async () => {
    const page = await open("#/verify");
    await signIn(page, "afg.two");
    await d.db.query("UPDATE accounts SET disabled = true WHERE name = 'afg.two'");
    await page.reload();
    // The dead session is dropped: the public page, with the published finding, not an error.
    await page.waitForSelector("#login-form");
    await expect.poll(() => page.locator("#published").textContent()).toContain("partly verified");
    expect(await page.locator("#published .error").count()).toBe(0);
    await page.goto(`${d.base}/#/overview`);
    await page.waitForSelector("#mechanism #mechanism-view");
    expect(await page.locator("#mechanism .error").count()).toBe(0);
    await page.close();
  });

  it("lets the admin add and disable accounts, and check the audit chain", async () => {
    const page = await open("#/verify");
    page.on("dialog", (dialog) => void dialog.accept());
    await signIn(page, "ops.admin");
    // An admin reads no party's AMBER report, even in the list.
    await expect
      .poll(() => page.locator("#reports").textContent())
      .toContain("No reports you may read match");
    await page.fill("#account-name", "pak.two");
    await page.selectOption("#account-role", "liaison");
    await page.selectOption("#account-party", "PAK");
    await page.fill("#account-password", PASSWORD);
    await page.click("#account-form button[type=submit]");
    await expect.poll(() => page.locator("#account-status").textContent()).toBe("Added pak.two.");
    const row = page.locator("#account-list tr", { hasText: "pak.two" });
    await expect.poll(() => row.textContent()).toContain("active");
    await row.locator("button").click();
    await expect.poll(() => row.textContent()).toContain("disabled");
    const [stored] = await d.db.query<{ disabled: boolean; party: string }>(
      "SELECT disabled, party FROM accounts WHERE name = 'pak.two'",
    );
    expect(stored).toEqual({ disabled: true, party: "PAK" });

    await page.click("#audit-verify");
    const count =
      (await d.db.query<{ count: number }>("SELECT count(*)::int AS count FROM audit_log"))[0]
        ?.count ?? 0;
    expect(count).toBeGreaterThan(20);
    await expect
      .poll(() => page.locator("#audit-check").textContent())
      .toContain(`Audit chain intact: ${count} entries`);
    await expect
      .poll(() => page.locator("#audit-latest tbody tr").count())
      .toBe(Math.min(50, count));
    expect(await page.locator("#audit-latest tbody tr").first().textContent()).toContain(
      "account.disabled",
    );

    // An entry edited by hand in the database is named.
    await d.db.exec("ALTER TABLE audit_log DISABLE TRIGGER USER");
    await d.db.query("UPDATE audit_log SET actor = 'nobody' WHERE seq = 3");
    await d.db.exec("ALTER TABLE audit_log ENABLE TRIGGER USER");
    await page.click("#audit-verify");
    await expect
      .poll(() => page.locator("#audit-check").textContent())
      .toContain("Audit chain broken: entry 3 was edited");
    await page.close();
  });

  it("raised no script errors", () => {
    expect(errors).toEqual([]);
  });
});
