/**
 * Demand compliance on hand-built events (test/fixtures/analysis/events.ts) with the shipped
 * pak-afg profile: every rule of every demand finds its event, scores follow the formula,
 * evidence and assessments are stored, overrides sit beside the computed score.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeDemands, type DemandView, overrideDemand } from "../../src/app/demands.ts";
import type { Profile } from "../../src/domain/profile/index.ts";
import type { Db } from "../../src/store/db.ts";
import { ALL_FIXTURES } from "../fixtures/analysis/events.ts";
import { openTestDb } from "../helpers/store.ts";
import { loadFixtures, STORE } from "./support.ts";

/** Expected evidence per demand in March 2026, written from the profile's rules by hand. */
const MARCH_EVIDENCE: Record<string, { progress: string[]; breach: string[]; score: number }> = {
  "effective-action": {
    progress: ["ea-p0", "ea-p1", "ea-p2", "sh-p0"],
    breach: ["ea-b0", "bm-b0"],
    score: 2,
  },
  "border-monitoring": { progress: ["bm-p0"], breach: ["bm-b0", "bm-b1"], score: 1 },
  "deny-safe-havens": { progress: ["sh-p0"], breach: ["sh-b0", "sh-b1"], score: 1 },
  "intelligence-sharing": { progress: ["is-p0"], breach: ["is-b0"], score: 1 },
  "swift-prosecution": { progress: ["sp-p0", "sp-p1"], breach: ["sp-b0", "sp-b1"], score: 2 },
};

/** The rule each `xx-pN`/`xx-bN` fixture is written for, by demand prefix. */
const PREFIX: Record<string, string> = {
  "effective-action": "ea",
  "border-monitoring": "bm",
  "deny-safe-havens": "sh",
  "intelligence-sharing": "is",
  "swift-prosecution": "sp",
};

function nativeIds(list: DemandView["progress"]): string[] {
  return list.flatMap((e) => e.sources.map((s) => s.nativeId)).sort();
}

describe(`demand compliance on ${STORE}`, () => {
  let db: Db;
  let profile: Profile;
  beforeAll(async () => {
    db = await openTestDb();
    profile = await loadFixtures(db, ALL_FIXTURES);
  });
  afterAll(async () => {
    await db.close();
  });

  it("finds the intended event for every progress and breach rule of every demand", async () => {
    const result = await computeDemands(db, profile, {
      unit: "month",
      asOf: "2026-03-31",
      periods: 1,
    });
    const demands = result.periods[0]?.demands ?? [];
    expect(demands.map((d) => d.demandId)).toEqual(profile.demands.map((d) => d.id));
    for (const demand of profile.demands) {
      const view = demands.find((d) => d.demandId === demand.id);
      const prefix = PREFIX[demand.id];
      for (const kind of ["progress", "breach"] as const) {
        demand.evidence[kind].forEach((_, rule) => {
          const id = `${prefix}-${kind[0]}${rule}`;
          const hit = view?.[kind].find((e) => e.sources.some((s) => s.nativeId === id));
          expect(hit?.rules, `${demand.id} ${kind} rule ${rule} (${id})`).toContain(rule);
        });
      }
    }
  });

  it("lists exactly the expected evidence in March and scores it by the formula", async () => {
    const result = await computeDemands(db, profile, {
      unit: "month",
      asOf: "2026-04-15",
      periods: 2,
    });
    const march = result.periods.find((p) => p.period === "2026-03");
    expect(march?.isComplete).toBe(true);
    for (const [demandId, expected] of Object.entries(MARCH_EVIDENCE)) {
      const view = march?.demands.find((d) => d.demandId === demandId);
      expect(nativeIds(view?.progress ?? []), demandId).toEqual([...expected.progress].sort());
      expect(nativeIds(view?.breach ?? []), demandId).toEqual([...expected.breach].sort());
      expect(view?.computed.score, demandId).toBe(expected.score);
    }
    const april = result.periods.find((p) => p.period === "2026-04");
    expect(april).toMatchObject({ isComplete: false, end: "2026-04-15" });
    // Two of April's three arrests fall before the 15th: intermediate, not yet full.
    expect(april?.demands[0]?.computed.score).toBe(2);
  });

  it("scores full, minimal (breaches outnumber) and not initiated on the months built for them", async () => {
    const result = await computeDemands(db, profile, {
      unit: "month",
      asOf: "2026-04-30",
      periods: 3,
    });
    const score = (period: string, demandId: string) =>
      result.periods.find((p) => p.period === period)?.demands.find((d) => d.demandId === demandId)
        ?.computed;
    expect(score("2026-02", "effective-action")).toMatchObject({
      score: 1,
      reason: expect.stringContaining("2 progress, 3 breach"),
    });
    expect(score("2026-04", "effective-action")).toMatchObject({
      score: 3,
      reason: expect.stringContaining("3 progress, 0 breach"),
    });
    expect(score("2026-04", "intelligence-sharing")?.score).toBe(0);
  });

  it("stores evidence per period, so one event is evidence in its month and its quarter", async () => {
    await computeDemands(db, profile, { unit: "quarter", asOf: "2026-03-31", periods: 1 });
    const rows = await db.query<{ period: string; n: number; rules: number[] }>(
      `SELECT l.period, count(*)::int AS n, min(l.rules) AS rules FROM evidence_links l
       JOIN source_records s ON s.event_id = l.event_id
       WHERE l.demand_id = 'effective-action' AND l.kind = 'progress' AND s.native_id = 'ea-p1'
       GROUP BY l.period ORDER BY l.period`,
    );
    expect(rows).toEqual([
      { period: "2026-03", n: 1, rules: [1] },
      { period: "2026-Q1", n: 1, rules: [1] },
    ]);
    const [quarter] = await db.query<{ score: number; reason: string }>(
      `SELECT score, reason FROM demand_assessments
       WHERE demand_id = 'effective-action' AND period = '2026-Q1' AND NOT overridden`,
    );
    // February's 2 + 3 and March's 4 + 2: 6 progress, 5 breach.
    expect(quarter).toEqual({ score: 2, reason: expect.stringContaining("6 progress, 5 breach") });
  });

  it("adds a computed row only when the assessment changes", async () => {
    const count = async () =>
      (
        await db.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM demand_assessments WHERE NOT overridden",
        )
      )[0]?.n;
    await computeDemands(db, profile, { unit: "month", asOf: "2026-03-31", periods: 1 });
    const before = await count();
    await computeDemands(db, profile, { unit: "month", asOf: "2026-03-31", periods: 1 });
    expect(await count()).toBe(before);
  });

  it("puts right evidence that was removed, added or changed, and leaves the rest in place", async () => {
    const links = () =>
      db.query<{ id: number; demand_id: string; event_id: number; kind: string; rules: number[] }>(
        `SELECT id, demand_id, event_id, kind, rules FROM evidence_links
         WHERE period = '2026-03' ORDER BY demand_id, kind, event_id`,
      );
    const march = { unit: "month" as const, asOf: "2026-03-31", periods: 1 };
    await computeDemands(db, profile, march);
    const before = await links();
    const [gone, changed, kept] = before;
    if (gone === undefined || changed === undefined || kept === undefined) {
      throw new Error("March has fewer than 3 evidence links");
    }
    const [stray] = await db.query<{ id: number }>(
      `SELECT e.id FROM events e WHERE NOT EXISTS (
         SELECT 1 FROM evidence_links l WHERE l.event_id = e.id AND l.period = '2026-03')
       ORDER BY e.id LIMIT 1`,
    );
    await db.query("DELETE FROM evidence_links WHERE id = $1", [gone.id]);
    await db.query("UPDATE evidence_links SET rules = '{7}' WHERE id = $1", [changed.id]);
    await db.query(
      `INSERT INTO evidence_links (demand_id, period, event_id, kind, rules)
       VALUES ('border-monitoring', '2026-03', $1, 'progress', '{0}')`,
      [stray?.id],
    );
    await computeDemands(db, profile, march);
    const after = await links();
    const withoutIds = (rows: typeof before) => rows.map(({ id: _id, ...link }) => link);
    expect(withoutIds(after)).toEqual(withoutIds(before));
    const same = (l: (typeof before)[number]) =>
      l.demand_id === kept.demand_id && l.event_id === kept.event_id && l.kind === kept.kind;
    expect(after.find(same)?.id).toBe(kept.id);
  });

  it("stores an override beside the computed score and shows both", async () => {
    const { override, computed } = await overrideDemand(db, profile, {
      demandId: "border-monitoring",
      period: "2026-03",
      score: "3",
      reason: "Joint patrols reported by the press are not in the event data",
      author: "analyst-a",
      asOf: "2026-04-30",
    });
    expect(override).toMatchObject({
      score: 3,
      computedScore: 1,
      overridden: true,
      author: "analyst-a",
    });
    expect(computed.computed.score).toBe(1);
    const result = await computeDemands(db, profile, {
      unit: "month",
      asOf: "2026-03-31",
      periods: 1,
    });
    const view = result.periods[0]?.demands.find((d) => d.demandId === "border-monitoring");
    expect(view?.computed.score).toBe(1);
    expect(view?.override).toMatchObject({
      score: 3,
      reason: expect.stringContaining("Joint patrols"),
    });
    expect(view?.isOverrideStale).toBe(false);
  });

  it("flags an override whose computed score has changed since", async () => {
    await overrideDemand(db, profile, {
      demandId: "effective-action",
      period: "2026-04",
      score: "1",
      reason: "Arrests were of low-level members only",
      author: "analyst-b",
      asOf: "2026-04-15",
    });
    const result = await computeDemands(db, profile, {
      unit: "month",
      asOf: "2026-04-30",
      periods: 1,
    });
    const view = result.periods[0]?.demands.find((d) => d.demandId === "effective-action");
    expect(view?.computed.score).toBe(3);
    expect(view?.override).toMatchObject({ score: 1, computedScore: 2 });
    expect(view?.isOverrideStale).toBe(true);
  });

  it("rejects an unknown demand, a bad period, a score outside 0–3 and an empty reason", async () => {
    const base = {
      demandId: "effective-action",
      period: "2026-03",
      score: "2",
      reason: "r",
      author: "a",
      asOf: "2026-04-30",
    };
    await expect(overrideDemand(db, profile, { ...base, demandId: "nope" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      overrideDemand(db, profile, { ...base, period: "2026-W10" }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(overrideDemand(db, profile, { ...base, period: "2026-06" })).rejects.toThrow(
      /not started/,
    );
    await expect(overrideDemand(db, profile, { ...base, score: "4" })).rejects.toThrow(
      /0, 1, 2 or 3/,
    );
    await expect(overrideDemand(db, profile, { ...base, reason: "  " })).rejects.toThrow(/why/);
  });
});
