/**
 * `frontier trends` on the real UCDP files in ../shared/data against totals read straight from
 * the CSVs by a small reader of its own (csv-parse, none of the project's ingest code).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importPath } from "../../src/app/import.ts";
import { computeTrends, type TrendsResult } from "../../src/app/trends.ts";
import { ensureProfile } from "../../src/cli/profile-file.ts";
import { createResolver, type Profile } from "../../src/domain/profile/index.ts";
import type { Db } from "../../src/store/db.ts";
import { SHARED_DATA } from "../helpers/cli.ts";
import { openTestDb } from "../helpers/store.ts";
import { STORE } from "./support.ts";

const FILES = [
  "ucdp/conflict_data_pak.csv",
  "ucdp/GEDEvent_v26_01_26_06_pak_afg.csv",
  "ucdp/GEDEvent_v26_0_7_pak_afg.csv",
].map((f) => join(SHARED_DATA, f));

/** UCDP's Gleditsch–Ward country codes. */
const COUNTRY: Record<string, string> = { "770": "PAK", "700": "AFG" };
const INTERSTATE_DYAD = "Government of Afghanistan - Government of Pakistan";

type Row = Record<string, string>;

/** Every event once: a later file's row with the same id replaces the earlier one. */
function readUcdp(): Row[] {
  const byId = new Map<string, Row>();
  for (const file of FILES) {
    const rows: Row[] = parse(readFileSync(file), {
      columns: true,
      bom: true,
      relax_column_count: true,
    });
    // The HDX form's second line holds HXL tags ("#date+year"), not an event.
    for (const row of rows) if (/^\d+$/.test(row.id ?? "")) byId.set(row.id ?? "", row);
  }
  return [...byId.values()];
}

/** Events and summed `best` per "YYYY-MM key" of `date_start`. */
function totals(rows: readonly Row[], key: (row: Row) => string | null) {
  const out = new Map<string, { events: number; best: number }>();
  for (const row of rows) {
    const k = key(row);
    if (k === null) continue;
    const month = (row.date_start ?? "").slice(0, 7);
    const t = out.get(`${month} ${k}`) ?? { events: 0, best: 0 };
    out.set(`${month} ${k}`, { events: t.events + 1, best: t.best + Number(row.best) });
  }
  return out;
}

/** The same from trend rows, skipping empty ones; `label` maps a row's group to the reader's key. */
function fromTrends(result: TrendsResult, label: (group: string | null) => string | null) {
  const out = new Map<string, { events: number; best: number }>();
  for (const row of result.rows) {
    const k = label(row.group);
    if (k === null || row.events === 0) continue;
    const t = out.get(`${row.period} ${k}`) ?? { events: 0, best: 0 };
    out.set(`${row.period} ${k}`, {
      events: t.events + row.events,
      best: t.best + row.fatalities.best,
    });
  }
  return out;
}

function sorted(map: Map<string, { events: number; best: number }>) {
  return [...map.entries()].sort(([a], [b]) => a.localeCompare(b));
}

describe(`trends on the real UCDP data (${STORE})`, () => {
  let db: Db;
  let profile: Profile;
  const rows = readUcdp();
  beforeAll(async () => {
    db = await openTestDb();
    profile = await ensureProfile(db);
    const resolver = createResolver(profile);
    for (const file of FILES) await importPath(db, "ucdp", file, { profile, resolver });
  }, 120_000);
  afterAll(async () => {
    await db.close();
  });

  it("has the monthly events and fatalities of Pakistan and Afghanistan that the CSVs have", async () => {
    const result = await computeTrends(db, profile, { unit: "month", group: "country" });
    const expected = totals(rows, (row) => COUNTRY[row.country_id ?? ""] ?? null);
    // SOURCES.md's counts, as a check on the reader itself.
    expect(rows.length).toBe(6416 + 713 + 203 - 2);
    expect(sorted(fromTrends(result, (g) => g))).toEqual(sorted(expected));
    expect(result.from).toBe("1989-01-01");
    expect(result.to).toBe("2026-07-31");
    expect(result.totals.fatalities.best).toBe(rows.reduce((s, r) => s + Number(r.best), 0));
  });

  it("counts the 2026 interstate fighting as clashes of the two states' forces", async () => {
    const result = await computeTrends(db, profile, {
      unit: "month",
      group: "crossborder",
      from: "2026-01",
      to: "2026-07",
    });
    const clashes = fromTrends(result, (g) => (g?.startsWith("state-clash ") ? "clash" : null));
    const expected = totals(rows, (row) => (row.dyad_name === INTERSTATE_DYAD ? "clash" : null));
    expect(sorted(clashes)).toEqual(sorted(expected));
    const sum = [...clashes.values()].reduce(
      (s, t) => ({ events: s.events + t.events, best: s.best + t.best }),
      { events: 0, best: 0 },
    );
    expect(sum).toEqual({ events: 90, best: 655 }); // SOURCES.md
  });

  it("counts Pakistani strikes inside Afghanistan (a PAK- relid on an Afghan row) as state strikes", async () => {
    const result = await computeTrends(db, profile, {
      unit: "month",
      group: "crossborder",
      from: "2026-01",
      to: "2026-07",
      latest: 3,
    });
    const strikes = fromTrends(result, (g) => (g === "state-strike PAK->AFG" ? "strike" : null));
    const expected = totals(rows, (row) =>
      row.relid?.startsWith("PAK-") && row.country_id === "700" && row.dyad_name !== INTERSTATE_DYAD
        ? "strike"
        : null,
    );
    expect(sorted(strikes)).toEqual(sorted(expected));
    expect(result.latest).toHaveLength(3);
    for (const item of result.latest ?? []) {
      expect(item.sources[0]?.dataset).toBe("ucdp");
      expect(
        rows.some((r) => r.id === item.sources[0]?.nativeId && r.date_start?.startsWith(item.date)),
      ).toBe(true);
    }
  });

  it("lists with --explain exactly the events behind a row", async () => {
    const result = await computeTrends(db, profile, {
      unit: "week",
      group: "none",
      from: "2026-07-27",
      to: "2026-07-31",
      explain: true,
    });
    const [week] = result.rows;
    expect(week?.period).toBe("2026-W31");
    const expectedIds = rows
      .filter((r) => (r.date_start ?? "") >= "2026-07-27" && (r.date_start ?? "") < "2026-08-03")
      .map((r) => r.id)
      .sort();
    const byId = new Map((result.events ?? []).map((e) => [e.id, e]));
    const nativeIds = (week?.eventIds ?? []).map((id) => byId.get(id)?.sources[0]?.nativeId).sort();
    expect(nativeIds).toEqual(expectedIds);
    expect(week?.events).toBe(expectedIds.length);
  });
});
