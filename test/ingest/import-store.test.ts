import { readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importPath } from "../../src/app/import.ts";
import { createResolver, parseProfile } from "../../src/domain/profile/index.ts";
import { parseCsvMapping } from "../../src/ingest/index.ts";
import { listConflicts } from "../../src/store/conflicts.ts";
import type { Db } from "../../src/store/db.ts";
import { ROOT, SHARED_DATA } from "../helpers/cli.ts";
import { openTestDb } from "../helpers/store.ts";

/**
 * The import path on the store (PGlite, or PostgreSQL when DATABASE_URL is set): corrected
 * re-exports update, conflict-years are idempotent and listed, a corrected mapping re-reads a
 * file, GDELT slots come from the name or from DATEADDED.
 */
const FIXTURES = join(ROOT, "test/fixtures/ingest");
const fixture = (name: string) => join(FIXTURES, name);
const profilePath = fixture("profile.yaml");
const profile = parseProfile(readFileSync(profilePath, "utf8"), { source: profilePath });
const base = { profile, resolver: createResolver(profile) };
const mappingText = readFileSync(fixture("mapped-attacks.yaml"), "utf8");

describe(`importPath() on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  let db: Db;
  let dir: string;
  beforeAll(async () => {
    db = await openTestDb();
    dir = await mkdtemp(join(tmpdir(), "fw-ingest-"));
  });
  afterAll(async () => {
    await db.close();
    await rm(dir, { recursive: true, force: true });
  });

  const eventsOf = (prefix: string) =>
    db.query<{ native_id: string; fatalities_best: number | null; actors: string }>(
      `SELECT s.native_id, e.fatalities_best,
              (SELECT string_agg(a.name, '; ' ORDER BY a.position) FROM event_actors a
               WHERE a.event_id = e.id) AS actors
       FROM source_records s JOIN events e ON e.id = s.event_id
       WHERE s.native_id LIKE $1 ORDER BY s.native_id`,
      [`${prefix}%`],
    );

  it("updates the events of an ACLED subset re-exported with revisions, adding none", async () => {
    const first = await importPath(db, "acled", fixture("acled-subset-no-id.csv"), base);
    expect(first).toMatchObject({ read: 3, stored: 3 });
    const before = await eventsOf("acled-h-");
    const revised = await importPath(db, "acled", fixture("acled-subset-no-id-revised.csv"), base);
    expect(revised).toMatchObject({ read: 3, stored: 0, updated: 2, unchanged: 1 });
    const after = await eventsOf("acled-h-");
    expect(after.map((r) => r.native_id)).toEqual(before.map((r) => r.native_id));
    expect(before.map((r) => r.fatalities_best).sort()).toEqual([0, 0, 1]);
    expect(after.map((r) => r.fatalities_best).sort()).toEqual([0, 0, 2]);
    expect(after.find((r) => r.actors.startsWith("BLA"))).toBeDefined();
  });

  it("stores conflict-years once, skips those outside the region, and lists them by country and year", async () => {
    const path = fixture("ucdp-conflicts-semicolon.csv");
    const first = await importPath(db, "ucdp", path, base); // told apart by its header
    expect(first).toMatchObject({
      dataset: "ucdp-conflicts",
      read: 3,
      stored: 2,
      skippedRegion: 1,
      alreadyImported: false,
    });
    expect(first.report?.conflictYears).toEqual([
      { year: 2009, conflicts: 1, wars: 1 },
      { year: 2024, conflicts: 1, wars: 0 },
    ]);
    const again = await importPath(db, "ucdp-conflicts", path, base);
    expect(again).toMatchObject({ alreadyImported: true, stored: 0 });
    const pakistan = await listConflicts(db, { country: "PAK" });
    expect(pakistan.map((c) => [c.conflictId, c.year, c.intensity, c.type])).toEqual([
      [218, 2009, "war", "intrastate"],
      [11639, 2024, "minor", "interstate"],
    ]);
    expect(pakistan[1]?.locationIso3).toEqual(["AFG", "PAK"]);
    const afghanistan = await listConflicts(db, { country: "AFG", from: "2020-01-01", to: 2025 });
    expect(afghanistan.map((c) => c.conflictId)).toEqual([11639]);
    expect(await listConflicts(db, { from: 2010, to: 2023 })).toEqual([]);
  });

  it("imports a file again when its mapping changed, and updates the events it made", async () => {
    const path = fixture("mapped-attacks.csv");
    const mapping = parseCsvMapping(mappingText, "mapped-attacks.yaml");
    const first = await importPath(db, "csv", path, { ...base, mapping });
    expect(first).toMatchObject({ read: 3, stored: 3, skipped: 1 });
    const same = await importPath(db, "csv", path, { ...base, mapping });
    expect(same.alreadyImported).toBe(true);
    const corrected = parseCsvMapping(
      mappingText.replace("bestIs: mean", "bestIs: max"),
      "mapped-attacks.yaml",
    );
    const again = await importPath(db, "csv", path, { ...base, mapping: corrected });
    expect(again).toMatchObject({ read: 3, stored: 0, updated: 3, alreadyImported: false });
    const rows = await eventsOf("test-attacks:");
    expect(rows.map((r) => [r.native_id, r.fatalities_best])).toEqual([
      ["test-attacks:1", 4],
      ["test-attacks:2", 0],
      ["test-attacks:3", 0],
    ]);
  });

  it("takes a GDELT file's slot from its name, or from DATEADDED when the name is not one", async () => {
    // A 61-column row of the real 2019-10-24 14:30 slot.
    const real = readFileSync(join(SHARED_DATA, "gdelt/20191024143000.export.CSV"), "utf8").split(
      "\n",
    )[0];
    const named = join(dir, "20191024143000.export.CSV");
    const unnamed = join(dir, "events.csv");
    await writeFile(named, `${real}\n`);
    const byName = await importPath(db, "gdelt", named, { ...base, keepOutsideRegion: true });
    expect(byName.report?.gdelt).toMatchObject({ slot: "2019-10-24T14:30:00Z", slotFrom: "name" });
    // Other rows (another file), all of the same slot, under a name that is not a timestamp.
    await writeFile(unnamed, `${real}\n${real?.replace(/^\d+/, "1")}\n`);
    const byDateAdded = await importPath(db, "gdelt", unnamed, {
      ...base,
      keepOutsideRegion: true,
    });
    expect(byDateAdded.report?.gdelt).toMatchObject({
      slot: "2019-10-24T14:30:00Z",
      slotFrom: "DATEADDED",
    });
    const slots = await db.query<{ name: string; slot: string }>(
      "SELECT name, slot FROM source_files WHERE dataset = 'gdelt' ORDER BY id",
    );
    expect(slots).toEqual([
      { name: "20191024143000.export.CSV", slot: "2019-10-24T14:30:00.000Z" },
      { name: "events.csv", slot: "2019-10-24T14:30:00.000Z" },
    ]);
  });
});
