/**
 * The escalation index, ladder and alerts on hand-built June 2026 events (see the fixture's
 * header for the hand-computed 7-day means), with webhook delivery to a local server.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runEscalation, webhookFrom } from "../../src/app/escalation.ts";
import type { Profile } from "../../src/domain/profile/index.ts";
import type { Db } from "../../src/store/db.ts";
import { listAlerts } from "../../src/store/queries/index.ts";
import { ALL_FIXTURES } from "../fixtures/analysis/events.ts";
import { openTestDb } from "../helpers/store.ts";
import { eventIdsByNativeId, loadFixtures, STORE, startWebhook } from "./support.ts";

/** [day, kind, level, value] of every alert in June, derived by hand from the fixtures. */
const JUNE_ALERTS: [string, string, string, number][] = [
  ["2026-06-05", "rung-rise", "elevated", 2],
  ["2026-06-09", "rung-rise", "elevated", 3],
  ["2026-06-14", "rung-rise", "high", 4],
  ["2026-06-20", "rung-rise", "severe", 5],
  ["2026-06-26", "index-level", "elevated", 18.54],
  ["2026-06-28", "index-level", "high", 34.18],
  ["2026-06-28", "rung-rise", "severe", 6],
  ["2026-06-30", "index-level", "severe", 76.21],
];

/** Alerts as [day, kind, level, value], by day and kind. */
function summary(alerts: readonly { day: string; kind: string; level: string; value: number }[]) {
  return alerts
    .map((a): [string, string, string, number] => [a.day, a.kind, a.level, a.value])
    .sort((a, b) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1]));
}

describe(`escalation on ${STORE}`, () => {
  let db: Db;
  let profile: Profile;
  let ids: Map<string, number>;
  let failing = true;
  let hook: Awaited<ReturnType<typeof startWebhook>>;
  beforeAll(async () => {
    db = await openTestDb();
    profile = await loadFixtures(db, ALL_FIXTURES);
    ids = await eventIdsByNativeId(db);
    hook = await startWebhook(() => (failing ? 500 : 204));
  });
  afterAll(async () => {
    await hook.close();
    await db.close();
  });

  it("raises every alert path once, stores it and POSTs it; a failed POST is kept and retried", async () => {
    const webhook = webhookFrom(hook.url, {});
    // Up to 20 June the receiver fails: four alerts, four failed deliveries.
    const early = await runEscalation(db, profile, { asOf: "2026-06-20", days: 20, webhook });
    expect(summary(early.newAlerts)).toEqual(JUNE_ALERTS.slice(0, 4));
    expect(early.deliveries.map((d) => [d.ok, d.status])).toEqual(Array(4).fill([false, 500]));
    failing = false;
    const late = await runEscalation(db, profile, { asOf: "2026-06-30", days: 30, webhook });
    expect(summary(late.report.alerts)).toEqual(JUNE_ALERTS);
    expect(late.newAlerts).toHaveLength(4);
    // The four earlier alerts are retried first, then the four new ones.
    expect(late.deliveries.every((d) => d.ok && d.status === 204)).toBe(true);
    expect(late.deliveries.map((d) => d.alertId)).toEqual(
      [...early.newAlerts, ...late.newAlerts].map((a) => a.id),
    );
    expect(hook.received).toHaveLength(12);
    const last = hook.received.at(-1);
    expect(last?.contentType).toBe("application/json");
    expect(last?.path).toBe("/hooks/secret-token-123");
    expect(last?.body).toMatchObject({
      type: "frontier.alert",
      profile: "pak-afg",
      alert: { day: "2026-06-30", kind: "index-level", level: "severe" },
    });
  });

  it("reaches every rung of the ladder on the day of its event", async () => {
    const { report } = await runEscalation(db, profile, {
      asOf: "2026-06-30",
      days: 30,
      webhook: null,
    });
    const firstDay = (rung: number) => report.days.find((d) => d.rung === rung)?.date;
    expect([1, 2, 3, 4, 5, 6].map(firstDay)).toEqual([
      "2026-06-02",
      "2026-06-05",
      "2026-06-09",
      "2026-06-14",
      "2026-06-20",
      "2026-06-28",
    ]);
    expect(report.days.find((d) => d.date === "2026-06-27")?.rung7).toBe(4);
    expect(report.highest.last7).toMatchObject({ rung: 6, id: "sustained-hostilities" });
    const r5 = report.days.find((d) => d.date === "2026-06-25");
    expect(r5?.rung7).toBe(5);
    // The window of 24–30 June holds the five clashes of 24–28 June and four more.
    expect(report.highest.last30).toMatchObject({ rung: 6, date: "2026-06-30" });
    expect(report.highest.last30?.eventIds).toHaveLength(9);
  });

  it("computes the index from the events between the two states", async () => {
    const { report } = await runEscalation(db, profile, {
      asOf: "2026-06-30",
      days: 30,
      webhook: null,
    });
    const day = (date: string) => report.days.find((d) => d.date === date);
    expect(day("2026-06-02")?.index).toBe(2);
    expect(day("2026-06-09")?.index).toBe(0); // a closure involves one state only
    expect(day("2026-06-20")?.index).toBeCloseTo(9.3 * (1 + Math.log(21)), 1);
    expect(day("2026-06-20")?.contributions.map((c) => c.eventId)).toEqual([ids.get("r5")]);
    expect(day("2026-06-25")?.index7).toBeCloseTo(8.03, 2);
    expect(day("2026-06-30")?.index30).toBeCloseTo(
      (2 + 2 + 9.3 + 37.61 + 9.3 * 2 + 73.55 * 7) / 30,
      1,
    );
    expect(report.level).toBe("severe");
  });

  it("neither stores nor posts an alert twice", async () => {
    const again = await runEscalation(db, profile, {
      asOf: "2026-06-30",
      days: 30,
      webhook: webhookFrom(hook.url, {}),
    });
    expect(again.newAlerts).toEqual([]);
    expect(again.deliveries).toEqual([]);
    expect(hook.received).toHaveLength(12);
    const stored = await listAlerts(db, profile.id, { limit: 100 });
    expect(stored).toHaveLength(8);
    const first = stored.find((a) => a.day === "2026-06-05");
    expect(first?.deliveries.map((d) => d.ok)).toEqual([false, true]);
    // The stored URL is its origin only: the token in the path stays out of the database.
    expect(JSON.stringify(stored)).not.toContain("secret-token");
    expect(first?.details).toMatchObject({ eventIds: [ids.get("r2")], rung: { rung: 2 } });
  });

  it("records an unreachable webhook as a failed delivery without failing the run", async () => {
    const gone = await startWebhook(() => 204);
    await gone.close();
    // Another profile id: its alerts are new, so they are posted (to a port nobody listens on).
    const other = { ...profile, id: "pak-afg-copy" };
    const run = await runEscalation(db, other, {
      asOf: "2026-06-30",
      days: 30,
      webhook: webhookFrom(gone.url, {}),
    });
    expect(run.newAlerts).toHaveLength(8);
    expect(run.deliveries).toHaveLength(8);
    for (const d of run.deliveries) {
      expect(d).toMatchObject({
        ok: false,
        status: null,
        error: expect.stringMatching(/^POST to http:\/\/127\.0\.0\.1:\d+ failed: /),
      });
      expect(d.error).not.toContain("secret-token");
    }
  });

  it("reads the webhook from the flag, else FRONTIER_WEBHOOK_URL, and accepts only http(s)", () => {
    expect(
      webhookFrom("http://a.example/x", { FRONTIER_WEBHOOK_URL: "http://b.example/y" })?.origin,
    ).toBe("http://a.example");
    expect(() => webhookFrom("ftp://example.org/x", {})).toThrow(/http or https/);
    expect(webhookFrom(undefined, { FRONTIER_WEBHOOK_URL: " http://b.example/y " })?.origin).toBe(
      "http://b.example",
    );
    expect(webhookFrom(undefined, {})).toBeNull();
  });
});
