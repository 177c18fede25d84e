import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createMappingContext } from "./mapping.ts";
import { readUcdp } from "./read-records.ts";
import { collect, DATA, fixture, isRealDate, loadTestProfile, messageOf } from "./test-support.ts";
import { parseUcdpApiPage } from "./ucdp-api.ts";

const profile = loadTestProfile();

describe("readUcdp() on hand-made fixtures", () => {
  it("reads the HDX form: skips the HXL line, reads dates with times, 0/1 active_year", async () => {
    const { records, errors } = await collect(readUcdp(fixture("ucdp-hdx.csv"), { profile }));
    expect(errors).toEqual([]);
    expect(records.map((r) => [r.nativeId, r.line])).toEqual([
      ["900001", 3],
      ["900002", 4],
    ]);
    expect(records[0]?.event).toMatchObject({
      dateStart: "2010-05-01",
      dateEnd: "2010-05-01",
      datePrecision: "day",
      countryIso3: "PAK",
      geoPrecision: "near",
      category: "ASSAULT",
      mode: "sideAB",
      sourceCode: "1",
      fatalitiesBest: 12,
      fatalitiesLow: 10,
      fatalitiesHigh: 15,
      confidence: 0.85,
      summary: "Clash in Bajaur",
    });
    // date_prec 4 (within the month), where_prec 4 (ADM1), one-sided violence, no headline.
    expect(records[1]?.event).toMatchObject({
      dateStart: "2011-06-01",
      dateEnd: "2011-06-30",
      datePrecision: "month",
      admin1: "Balochistan", // the profile's name for "Balochistan province"
      geoPrecision: "admin1",
      mode: null,
      summary: "Quetta city",
    });
  });

  it("reads the candidate form: quoted newlines and tabs, triple quotes, empty last field", async () => {
    const { records } = await collect(readUcdp(fixture("ucdp-candidate.csv"), { profile }));
    expect(records.map((r) => [r.nativeId, r.line])).toEqual([
      ["990001", 2],
      ["990002", 5],
    ]);
    const raw = records[0]?.raw;
    expect(raw).toMatchObject({
      conflict_dset_id: "",
      source_article: '"Dawn,2026-03-02,Strike near Khost";"Tolo,2026-03-02,Strikes in Khost"',
      source_original: "local\tsources",
      gwnob: "",
    });
    expect(records[0]?.event.confidence).toBe(0.6); // code_status "Check dyad"
  });

  it("marks a PAK- relid in Afghanistan as PAK->AFG and the two states' clash as PAK<->AFG", async () => {
    const { records } = await collect(readUcdp(fixture("ucdp-candidate.csv"), { profile }));
    expect(records.map((r) => r.event.crossBorder)).toEqual([
      { isCrossBorder: true, direction: "PAK->AFG" },
      { isCrossBorder: true, direction: "PAK<->AFG" },
    ]);
  });

  it("rejects another dataset's header, naming the missing columns", async () => {
    expect(await messageOf(collect(readUcdp(fixture("acled-bad-values.csv"))))).toBe(
      'acled-bad-values.csv line 1: not a UCDP GED file: missing columns "id", ' +
        '"type_of_violence", "side_a", "side_b", "date_start", … (7 in all)',
    );
  });

  it("reads an API page saved as .json, with item numbers in messages", async () => {
    const { records, errors } = await collect(
      readUcdp(fixture("ucdp-api-page.json"), { profile, onError: "yield" }),
    );
    expect(records.map((r) => r.nativeId)).toEqual(["990001"]);
    expect(records[0]?.event).toMatchObject({ dateStart: "2026-03-01", fatalitiesBest: 5 });
    expect(records[0]?.event.crossBorder.direction).toBe("PAK->AFG");
    expect(errors.map((e) => e.message)).toEqual([
      'ucdp-api-page.json item 2, field "latitude": "123" is not a latitude between -90 and 90',
    ]);
  });
});

describe("parseUcdpApiPage()", () => {
  const context = createMappingContext("page.json", {});

  it("gives the paging fields", () => {
    const text = readFileSync(fixture("ucdp-api-page.json"), "utf8");
    const page = parseUcdpApiPage(text, context, "yield");
    expect([page.totalCount, page.totalPages, page.items.length]).toEqual([3, 2, 2]);
    expect(page.nextPageUrl).toContain("page=1");
  });

  it("rejects JSON that is not a page", () => {
    expect(() => parseUcdpApiPage('{"Result": 3}', context)).toThrow(
      /^page\.json: not a UCDP API page at /,
    );
    expect(() => parseUcdpApiPage("{", context)).toThrow(
      "page.json: not a UCDP API page: not valid JSON",
    );
  });
});

describe.skipIf(!existsSync(DATA))("readUcdp() on the real files in shared/data", () => {
  const best = (records: { event: { fatalitiesBest: number | null } }[]) =>
    records.reduce((sum, r) => sum + (r.event.fatalitiesBest ?? 0), 0);

  it("reads the HDX Pakistan file: 6,416 events, best 43,225, all dates real", async () => {
    const path = join(DATA, "ucdp/conflict_data_pak.csv");
    const { records, errors } = await collect(readUcdp(path, { profile, onError: "yield" }));
    expect(errors).toEqual([]);
    expect(records.length).toBe(6416);
    expect(best(records)).toBe(43_225);
    expect(records.every((r) => isRealDate(r.event.dateStart) && isRealDate(r.event.dateEnd))).toBe(
      true,
    );
    expect(records.every((r) => r.event.dateStart <= r.event.dateEnd)).toBe(true);
    const dates = records.map((r) => r.event.dateStart).sort();
    expect([dates[0], dates.at(-1)]).toEqual(["1989-01-25", "2021-12-31"]);
    const violence: Record<string, number> = {};
    for (const r of records)
      violence[r.event.sourceCode ?? ""] = (violence[r.event.sourceCode ?? ""] ?? 0) + 1;
    expect(violence).toEqual({ "1": 5388, "2": 469, "3": 559 });
  });

  it("reads the January–June 2026 candidate file: 713 events, PAK best 2,011, AFG 680", async () => {
    const path = join(DATA, "ucdp/GEDEvent_v26_01_26_06_pak_afg.csv");
    const { records, errors } = await collect(readUcdp(path, { profile, onError: "yield" }));
    expect(errors).toEqual([]);
    expect(records.length).toBe(713);
    expect(best(records.filter((r) => r.event.countryIso3 === "PAK"))).toBe(2011);
    expect(best(records.filter((r) => r.event.countryIso3 === "AFG"))).toBe(680);
    const interstate = records.filter(
      (r) =>
        !Array.isArray(r.raw) &&
        r.raw.dyad_name === "Government of Afghanistan - Government of Pakistan",
    );
    expect([interstate.length, best(interstate)]).toEqual([90, 655]);
    expect(interstate.every((r) => r.event.crossBorder.direction?.includes("<->"))).toBe(true);
    const strikesInAfghanistan = records.filter(
      (r) => !Array.isArray(r.raw) && r.raw.relid?.startsWith("PAK-") && r.raw.country_id === "700",
    );
    expect(strikesInAfghanistan.length).toBeGreaterThan(0);
    expect(strikesInAfghanistan.every((r) => r.event.crossBorder.direction === "PAK->AFG")).toBe(
      true,
    );
  });

  it("reads the July 2026 candidate file: 203 events, PAK best 745, AFG 9", async () => {
    const path = join(DATA, "ucdp/GEDEvent_v26_0_7_pak_afg.csv");
    const { records } = await collect(readUcdp(path, { profile }));
    expect(records.length).toBe(203);
    expect(best(records.filter((r) => r.event.countryIso3 === "PAK"))).toBe(745);
    expect(best(records.filter((r) => r.event.countryIso3 === "AFG"))).toBe(9);
    expect(records.every((r) => isRealDate(r.event.dateStart) && isRealDate(r.event.dateEnd))).toBe(
      true,
    );
  });
});
