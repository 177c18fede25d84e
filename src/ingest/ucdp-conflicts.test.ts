import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { detectFileDataset } from "./detect.ts";
import { readConflictYears } from "./read-records.ts";
import { DATA, fixture, loadTestProfile, messageOf } from "./test-support.ts";
import type { ConflictItem } from "./ucdp-conflicts.ts";

const profile = loadTestProfile();

async function collectConflicts(items: AsyncIterable<ConflictItem>) {
  const conflicts: Extract<ConflictItem, { kind: "conflict" }>[] = [];
  const errors: string[] = [];
  for await (const item of items) {
    if (item.kind === "conflict") conflicts.push(item);
    else errors.push(item.error.message);
  }
  return { conflicts, errors };
}

describe("readConflictYears()", () => {
  it("reads a ;-separated, CRLF, d-m-yyyy conflict-year file as Excel re-saves it", async () => {
    const { conflicts, errors } = await collectConflicts(
      readConflictYears(fixture("ucdp-conflicts-semicolon.csv"), { profile }),
    );
    expect(errors).toEqual([]);
    const [interstate, ttp, elsewhere] = conflicts;
    expect(interstate?.conflict).toMatchObject({
      conflictId: 11639,
      year: 2024,
      location: "Afghanistan, Pakistan",
      sideA: "Government of Afghanistan",
      sideB: "Government of Pakistan",
      incompatibility: 1,
      territoryName: "Durand line",
      intensityLevel: 1,
      typeOfConflict: 2,
      startDate: "2005-01-03",
      startDate2: "2024-08-12",
      epEnd: false,
      locationIso3: ["AFG", "PAK"],
      version: "25.1",
    });
    expect(ttp?.conflict).toMatchObject({ conflictId: 218, year: 2009, intensityLevel: 2 });
    expect(conflicts.map((c) => c.inRegion)).toEqual([true, true, false]);
    expect(elsewhere?.conflict.epEndDate).toBe("2001-12-31");
    expect(interstate?.line).toBe(2);
  });

  it("names file, line and field of a bad value, and keeps going when asked to", async () => {
    const { errors, conflicts } = await collectConflicts(
      readConflictYears(fixture("ucdp-conflicts-bad.csv"), { onError: "yield" }),
    );
    expect(errors).toEqual([
      'ucdp-conflicts-bad.csv line 2, field "intensity_level": "3" is not one of 1, 2',
      'ucdp-conflicts-bad.csv line 3, field "start_date": "31-2-2008" is not a date',
    ]);
    expect(conflicts).toEqual([]);
  });

  it("rejects a GED file with the columns it lacks", async () => {
    const message = await messageOf(
      collectConflicts(readConflictYears(fixture("ucdp-candidate.csv"))),
    );
    expect(message).toMatch(
      /^ucdp-candidate\.csv line 1: not a UCDP\/PRIO conflict-year file: missing columns "conflict_id", "location"/,
    );
  });

  it("is told apart from GED files by its header, whatever the delimiter", async () => {
    expect(await detectFileDataset(fixture("ucdp-conflicts-semicolon.csv"))).toBe("ucdp-conflicts");
    expect(await detectFileDataset(fixture("ucdp-candidate.csv"))).toBe("ucdp");
  });
});

describe.skipIf(!existsSync(DATA))("readConflictYears() on the real file", () => {
  it("reads all 138 conflict-years of the UCDP/PRIO 25.1 Pakistan/Afghanistan extract", async () => {
    const path = join(DATA, "ucdp/UcdpPrioConflict_v25_1_pak_afg_excel-resaved.csv");
    const { conflicts, errors } = await collectConflicts(readConflictYears(path, { profile }));
    expect(errors).toEqual([]);
    expect(conflicts.length).toBe(138);
    expect(new Set(conflicts.map((c) => c.conflict.conflictId)).size).toBe(10);
    expect(conflicts.every((c) => c.inRegion)).toBe(true);
    const interstate = conflicts.find((c) => c.conflict.conflictId === 11639);
    expect(interstate?.conflict.typeOfConflict).toBe(2);
  });
});
