import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AppError } from "../domain/errors.ts";
import { readAcled } from "./read-records.ts";
import { collect, DATA, fixture, isRealDate, loadTestProfile, messageOf } from "./test-support.ts";

const profile = loadTestProfile();

describe("readAcled() on hand-made fixtures", () => {
  it("reads a 31-column export with a BOM, CRLF line ends and a quoted CRLF in notes", async () => {
    const { records, errors } = await collect(
      readAcled(fixture("acled-31-columns-crlf-bom.csv"), { profile }),
    );
    expect(errors).toEqual([]);
    expect(records.map((r) => [r.nativeId, r.line, r.version])).toEqual([
      ["PAK90001", 2, "1677600000"],
      ["AFG90002", 4, "1710800000"],
      ["AFG90003", 5, "1710900000"],
    ]);
    const [first] = records;
    expect(first?.event.summary).toBe(
      'On 27 February 2023, TTP militants attacked a check post.\r\nThree soldiers were killed, "officials" said.',
    );
    expect(first?.event).toMatchObject({
      dateStart: "2023-02-27",
      datePrecision: "day",
      countryIso3: "PAK",
      admin1: "Khyber Pakhtunkhwa", // the profile's name for ACLED's "Khyber Pakhtunkwa"
      geoPrecision: "exact",
      category: "ASSAULT",
      subtype: "Armed clash",
      sourceCode: "Armed clash",
      fatalitiesBest: 3,
      fatalitiesLow: null,
      confidence: 0.8,
    });
    expect(first?.raw).toMatchObject({ admin1: "Khyber Pakhtunkwa" });
  });

  it("attributes cross-border events by where each actor is based", async () => {
    const { records } = await collect(
      readAcled(fixture("acled-31-columns-crlf-bom.csv"), { profile }),
    );
    expect(records.map((r) => r.event.crossBorder.direction)).toEqual([
      "AFG->PAK", // TTP (based in Afghanistan) fighting Pakistani forces in Pakistan
      "PAK->AFG", // a Pakistani air strike in Afghanistan
      "PAK<->AFG", // the two states' forces clashing in Afghanistan
    ]);
    expect(records[0]?.event.actors).toEqual([
      { name: "Military Forces of Pakistan (2018-)", role: "actor1", actorId: "pak-forces" },
      { name: "TTP: Tehreek-i-Taliban Pakistan", role: "actor2", actorId: "ttp" },
    ]);
    expect(records[1]?.event.actors[1]).toEqual({
      name: "Civilians (Afghanistan)",
      role: "actor2",
      actorId: null,
    });
    expect(records.map((r) => r.event.datePrecision)).toEqual(["day", "week", "month"]);
    expect(records.map((r) => r.event.geoPrecision)).toEqual(["exact", "near", "admin1"]);
  });

  it("yields one exact error per bad row and keeps going when asked to", async () => {
    const { records, errors } = await collect(
      readAcled(fixture("acled-bad-values.csv"), { profile, onError: "yield" }),
    );
    expect(records.map((r) => r.nativeId)).toEqual(["PAK91001"]);
    expect(errors.map((e) => e.message)).toEqual([
      'acled-bad-values.csv line 3, field "event_date": "2023-02-30" is not a date',
      'acled-bad-values.csv line 4, field "fatalities": "twelve" is not a whole number ≥ 0',
      'acled-bad-values.csv line 5, field "latitude": "123" is not a latitude between -90 and 90',
      'acled-bad-values.csv line 6, field "sub_event_type": "Skirmish" is not an ACLED sub-event type',
      'acled-bad-values.csv line 7, field "longitude": "-181" is not a longitude between -180 and 180',
    ]);
    expect(errors[0]).toEqual({
      file: "acled-bad-values.csv",
      line: 3,
      field: "event_date",
      value: "2023-02-30",
      message: errors[0]?.message,
    });
  });

  it("stops at the first bad row with an AppError INVALID_INPUT by default", async () => {
    const error = await collect(readAcled(fixture("acled-bad-values.csv"))).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: "INVALID_INPUT",
      message: 'acled-bad-values.csv line 3, field "event_date": "2023-02-30" is not a date',
    });
  });

  it("derives stable keys for rows without event_id_cnty, suffixing twins in file order", async () => {
    const { records } = await collect(readAcled(fixture("acled-subset-no-id.csv"), { profile }));
    const ids = records.map((r) => r.nativeId);
    expect(ids[0]).toMatch(/^acled-h-[0-9a-f]{16}$/);
    // Rows 3 and 4 differ only in notes and in how the latitude is written (28.4839 / 28.48390).
    expect(ids[2]).toBe(`${ids[1]}-2`);
    const again = await collect(readAcled(fixture("acled-subset-no-id.csv")));
    expect(again.records.map((r) => r.nativeId)).toEqual(ids);
    // No country column: the profile knows Balochistan as a Pakistani province.
    expect(records[0]?.event.countryIso3).toBe("PAK");
    expect(again.records[0]?.event.countryIso3).toBeNull();
  });

  it("reads the deletions file as deletions", async () => {
    const { records, deletions } = await collect(readAcled(fixture("acled-deletions.csv")));
    expect(records).toEqual([]);
    expect(deletions).toEqual([
      { nativeId: "PAK90001", deletedAt: "2023-11-14T22:13:20.000Z" },
      { nativeId: "AFG90002", deletedAt: "2023-11-14T22:15:00.000Z" },
    ]);
  });

  it.each([
    [
      "acled-unclosed-quote.csv",
      'acled-unclosed-quote.csv line 3, field "notes": the file ends inside a quoted field ' +
        "(the closing quote is missing or the file is cut off)",
    ],
    [
      "acled-invalid-utf8.csv",
      'acled-invalid-utf8.csv line 3, field "notes": "Caf\uFFFD row." is not valid UTF-8 ' +
        "(a Latin-1 or Windows-1252 file? read it with --encoding latin1)",
    ],
    ["empty.csv", "empty.csv: file is empty"],
    [
      "ucdp-hdx.csv",
      'ucdp-hdx.csv line 1: not an ACLED file: missing columns "event_date", ' +
        '"sub_event_type" or "event_type" ' +
        "(if the file calls one otherwise: --columns FILE_COLUMN=acled_column)",
    ],
  ])("rejects %s with a message naming the place", async (name, expected) => {
    expect(await messageOf(collect(readAcled(fixture(name), { onError: "yield" })))).toBe(expected);
  });

  it("rejects a 10 MB field by name and line without reading it all", async () => {
    const dir = await mkdtemp(join(tmpdir(), "ingest-acled-"));
    try {
      const path = join(dir, "big.csv");
      const header = "event_date,event_type,sub_event_type,actor1,admin1,fatalities,notes";
      await writeFile(
        path,
        `${header}\n2024-01-01,Battles,Armed clash,X,Kabul,0,${"n".repeat(10 << 20)}\n`,
      );
      expect(await messageOf(collect(readAcled(path)))).toBe(
        'big.csv line 2, field "notes": the field is longer than 1048576 bytes (maxFieldBytes)',
      );
      const allowed = await collect(readAcled(path, { maxFieldBytes: 11 << 20 }));
      expect(allowed.records[0]?.event.summary?.length).toBe(10 << 20);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe.skipIf(!existsSync(DATA))("readAcled() on the real files in shared/data", () => {
  it("reads the Balochistan subset: 1,705 events and SOURCES.md's fatalities per year", async () => {
    const path = join(DATA, "acled/pakistan_balochistan_2020-2024_acled_subset.csv");
    const { records, errors } = await collect(readAcled(path, { profile, onError: "yield" }));
    expect(errors).toEqual([]);
    expect(records.length).toBe(1705);
    const byYear: Record<string, number> = {};
    for (const { event } of records) {
      const year = event.dateStart.slice(0, 4);
      byYear[year] = (byYear[year] ?? 0) + (event.fatalitiesBest ?? 0);
    }
    expect(byYear).toEqual({ "2020": 201, "2021": 408, "2022": 431, "2023": 345, "2024": 846 });
    expect(records.every((r) => isRealDate(r.event.dateStart))).toBe(true);
    expect(new Set(records.map((r) => r.nativeId)).size).toBe(1705);
    expect(new Set(records.map((r) => r.event.admin1))).toEqual(new Set(["Balochistan"]));
  });

  it("reads the complete 31-column Argentina sample: 326 events", async () => {
    const path = join(DATA, "acled/acled_argentina_2022_sample.csv");
    const { records, inRegion } = await collect(readAcled(path, { profile }));
    expect(records.length).toBe(326);
    expect(
      records.every((r) => r.nativeId.startsWith("ARG") && isRealDate(r.event.dateStart)),
    ).toBe(true);
    const types: Record<string, number> = {};
    for (const { raw } of records) {
      const type = Array.isArray(raw) ? "" : (raw.event_type ?? "");
      types[type] = (types[type] ?? 0) + 1;
    }
    expect(types).toEqual({ Protests: 282, Riots: 42, "Strategic developments": 2 });
    expect(records.every((r) => r.event.category !== null)).toBe(true);
    expect(inRegion.some((flag) => flag)).toBe(false);
  });

  it("reads the Afghanistan 2019 subset, renamed columns and '28 September 2019' dates", async () => {
    const path = join(DATA, "acled/afghanistan_2019_election_period_acled_subset.csv");
    const { records } = await collect(readAcled(path, { profile }));
    expect(records.length).toBe(6742);
    expect(records.reduce((sum, r) => sum + (r.event.fatalitiesBest ?? 0), 0)).toBe(21_750);
    const dates = records.map((r) => r.event.dateStart).sort();
    expect([dates[0], dates.at(-1)]).toEqual(["2019-04-01", "2019-09-28"]);
  });
});
