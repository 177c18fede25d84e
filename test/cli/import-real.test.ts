import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, SHARED_DATA } from "../helpers/cli.ts";
import { type CliStore, createCliStore } from "../helpers/cli-store.ts";

/**
 * The real files in ../shared/data import with the row counts and fatality sums an
 * independent reader (csv-parse's synchronous parser over the whole file, not our streaming
 * adapters) finds in them; a second import changes nothing.
 */
const UCDP_FILES = [
  "ucdp/conflict_data_pak.csv",
  "ucdp/GEDEvent_v26_01_26_06_pak_afg.csv",
  "ucdp/GEDEvent_v26_0_7_pak_afg.csv",
];

function independentUcdp(paths: string[]) {
  // Later files replace earlier rows with the same id (candidate releases).
  const byId = new Map<string, { country: string; best: number }>();
  for (const path of paths) {
    const rows = parse(readFileSync(join(SHARED_DATA, path)), {
      columns: true,
      bom: true,
      relax_column_count: true,
    }) as Record<string, string>[];
    for (const row of rows) {
      // HDX's second line holds HXL tags (#date+year, …), not data.
      if ((row.year ?? "").startsWith("#")) continue;
      const id = row.id ?? "";
      byId.set(id, { country: row.country ?? "", best: Number(row.best) });
    }
  }
  const byCountry = new Map<string, { rows: number; best: number }>();
  for (const { country, best } of byId.values()) {
    const entry = byCountry.get(country) ?? { rows: 0, best: 0 };
    entry.rows++;
    entry.best += best;
    byCountry.set(country, entry);
  }
  return { distinct: byId.size, byCountry };
}

describe("importing the real UCDP and ACLED files", () => {
  let store: CliStore;
  beforeAll(async () => {
    store = await createCliStore();
  });
  afterAll(async () => {
    await store.cleanup();
  });

  it("stores every UCDP row once, with the files' fatality sums per country", async () => {
    const files = UCDP_FILES.map((f) => join(SHARED_DATA, f));
    const result = await runCli(
      ["import", "ucdp", ...files, "--json", "--data-dir", store.dataDir],
      {
        env: store.env,
      },
    );
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const expected = independentUcdp(UCDP_FILES);
    const db = await store.open();
    try {
      const rows = await db.query<{ country: string; n: number; best: number }>(
        `SELECT e.country_iso3 AS country, count(*)::int AS n, sum(e.fatalities_best)::int AS best
         FROM source_records s JOIN events e ON e.id = s.event_id
         WHERE s.dataset = 'ucdp' GROUP BY 1 ORDER BY 1`,
      );
      const total = rows.reduce((s, r) => s + r.n, 0);
      expect(total).toBe(expected.distinct);
      const pak = rows.find((r) => r.country === "PAK");
      const afg = rows.find((r) => r.country === "AFG");
      expect(pak?.best).toBe(expected.byCountry.get("Pakistan")?.best);
      expect(afg?.best).toBe(expected.byCountry.get("Afghanistan")?.best);
      expect(pak?.n).toBe(expected.byCountry.get("Pakistan")?.rows);
    } finally {
      await db.close();
    }
  });

  it("stores the Balochistan ACLED subset with its fatalities per year (SOURCES.md figures)", async () => {
    const file = join(SHARED_DATA, "acled/pakistan_balochistan_2020-2024_acled_subset.csv");
    const result = await runCli(["import", "acled", file, "--json", "--data-dir", store.dataDir], {
      env: store.env,
    });
    expect(result.code).toBe(0);
    const db = await store.open();
    try {
      const rows = await db.query<{ year: number; deaths: number; n: number }>(
        `SELECT extract(year FROM e.date_start)::int AS year, sum(e.fatalities_best)::int AS deaths,
                count(*)::int AS n
         FROM source_records s JOIN events e ON e.id = s.event_id
         WHERE s.dataset = 'acled' GROUP BY 1 ORDER BY 1`,
      );
      expect(rows.reduce((s, r) => s + r.n, 0)).toBe(1705);
      expect(Object.fromEntries(rows.map((r) => [r.year, r.deaths]))).toEqual({
        2020: 201,
        2021: 408,
        2022: 431,
        2023: 345,
        2024: 846,
      });
    } finally {
      await db.close();
    }
  });

  it("a second import of the same files changes nothing and says so", async () => {
    const files = UCDP_FILES.map((f) => join(SHARED_DATA, f));
    const db = await store.open();
    const before = await db.query(
      "SELECT id, event_id, raw_sha256 FROM source_records ORDER BY id",
    );
    await db.close();
    const again = await runCli(["import", "ucdp", ...files, "--data-dir", store.dataDir], {
      env: store.env,
    });
    expect(again.code).toBe(0);
    for (const f of UCDP_FILES) {
      expect(again.stdout).toContain(`${f.split("/")[1]}: already imported`);
    }
    expect(again.stdout).toContain("nothing changed");
    const db2 = await store.open();
    const after = await db2.query(
      "SELECT id, event_id, raw_sha256 FROM source_records ORDER BY id",
    );
    await db2.close();
    expect(after).toEqual(before);
  });
});
