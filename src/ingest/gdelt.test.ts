import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readGdelt } from "./read-records.ts";
import { collect, DATA, fixture, isRealDate, loadTestProfile, messageOf } from "./test-support.ts";

const profile = loadTestProfile();

describe("readGdelt() on hand-made fixtures", () => {
  it("yields an error naming the line and column count for a 60-column row", async () => {
    const { records, errors } = await collect(
      readGdelt(fixture("gdelt-60-columns.export.CSV"), { profile, onError: "yield" }),
    );
    expect(records.map((r) => [r.nativeId, r.line])).toEqual([
      ["800000001", 1],
      ["800000003", 3],
    ]);
    expect(errors).toEqual([
      {
        file: "gdelt-60-columns.export.CSV",
        line: 2,
        field: null,
        value: null,
        message:
          "gdelt-60-columns.export.CSV line 2: has 60 columns; the file's rows have 61 (GDELT 2.0)",
      },
    ]);
  });

  it("maps a 2.0 row: CAMEO code kept as text, FIPS country to ISO3, DATEADDED as version", async () => {
    const { records, inRegion } = await collect(
      readGdelt(fixture("gdelt-60-columns.export.CSV"), { profile, onError: "yield" }),
    );
    const [record] = records;
    expect(record?.version).toBe("2024-03-18T12:00:00Z");
    const raw = record?.raw;
    expect(Array.isArray(raw) && raw.length === 61 && raw[60]).toBe('https://example.org/a"quote');
    expect(record?.event).toMatchObject({
      dateStart: "2024-03-18",
      datePrecision: "day",
      countryIso3: "AFG",
      geoPrecision: "exact",
      lat: 33.3395,
      lon: 69.9204,
      category: "ASSAULT",
      sourceCode: "190",
      fatalitiesBest: null,
      confidence: 0.3,
      summary: "PAKISTAN ASSAULT AFGHANISTAN (CAMEO 190)",
    });
    // Actor1 is CAMEO type MIL of PAK, acting in Afghanistan.
    expect(record?.event.crossBorder).toEqual({ isCrossBorder: true, direction: "PAK->AFG" });
    expect(inRegion[0]).toBe(true);
  });

  it("reads a GDELT 1.0 row of 58 columns with a YYYYMMDD DATEADDED", async () => {
    const { records } = await collect(readGdelt(fixture("gdelt-v1.export.CSV"), { profile }));
    expect(
      records.map((r) => [r.nativeId, r.version, Array.isArray(r.raw) ? r.raw.length : -1]),
    ).toEqual([["800000004", "2013-04-02", 58]]);
  });

  it("stops at the bad row by default and reports a truncated zip", async () => {
    expect(await messageOf(collect(readGdelt(fixture("gdelt-60-columns.export.CSV"))))).toBe(
      "gdelt-60-columns.export.CSV line 2: has 60 columns; the file's rows have 61 (GDELT 2.0)",
    );
    expect(await messageOf(collect(readGdelt(fixture("truncated.export.CSV.zip"))))).toMatch(
      /^truncated\.export\.CSV\.zip: not a readable zip archive, perhaps truncated/,
    );
  });
});

describe.skipIf(!existsSync(DATA))("readGdelt() on the real files in shared/data", () => {
  it.each([
    ["20190121220000.export.CSV.zip", 1629],
    ["20191024143000.export.CSV", 2111],
    ["20180326044500.export.CSV", 1540],
    ["extra/20151027220000.export.CSV", 2116],
  ])("reads %s: %d events with real dates and one DATEADDED", async (name, count) => {
    const { records, errors } = await collect(readGdelt(join(DATA, "gdelt", name), { profile }));
    expect(errors).toEqual([]);
    expect(records.length).toBe(count);
    expect(records.every((r) => isRealDate(r.event.dateStart))).toBe(true);
    expect(new Set(records.map((r) => r.version)).size).toBe(1);
    const stamp = name.replace(/^extra\//, "").slice(0, 14);
    expect(records[0]?.version?.replace(/[-T:Z]/g, "")).toBe(stamp);
  });

  it("keeps CAMEO codes' leading zeros, as an independent split of the file shows", async () => {
    const path = join(DATA, "gdelt/20191024143000.export.CSV");
    const codes = readFileSync(path, "utf8")
      .split("\n")
      .filter((line) => line !== "")
      .map((line) => line.split("\t")[26] ?? "");
    const { records } = await collect(readGdelt(path, { profile }));
    expect(records.map((r) => r.event.sourceCode)).toEqual(codes);
    expect(codes.some((code) => code.startsWith("0"))).toBe(true);
  });

  // SOURCES.md: a PAK/AFG row has Actor1CountryCode or Actor2CountryCode in {PAK, AFG}, or
  // ActionGeo_CountryCode in {PK, AF}; its counts per file.
  it.each([
    ["20180326044500.export.CSV", 56],
    ["20190121220000.export.CSV.zip", 21],
    ["20191024143000.export.CSV", 46],
    ["extra/20151027220000.export.CSV", 73],
  ])("flags %s's PAK/AFG rows as in the region: %d, as SOURCES.md counts", async (name, count) => {
    const { inRegion } = await collect(readGdelt(join(DATA, "gdelt", name), { profile }));
    expect(inRegion.filter((flag) => flag).length).toBe(count);
  });

  it("flags a row in the region by an actor's country even when it happened elsewhere", async () => {
    const path = join(DATA, "gdelt/20191024143000.export.CSV");
    const rows = readFileSync(path, "utf8")
      .split("\n")
      .filter((line) => line !== "")
      .map((line) => line.split("\t"));
    const isRegionRow = (f: string[]) =>
      ["PAK", "AFG"].includes(f[7] ?? "") ||
      ["PAK", "AFG"].includes(f[17] ?? "") ||
      ["PK", "AF"].includes(f[53] ?? "");
    const { records, inRegion } = await collect(readGdelt(path, { profile }));
    expect(inRegion).toEqual(rows.map(isRegionRow));
    const elsewhere = records.filter(
      (r, i) => inRegion[i] && !["PAK", "AFG"].includes(r.event.countryIso3 ?? ""),
    );
    expect(elsewhere.length).toBeGreaterThan(0);
  });
});
