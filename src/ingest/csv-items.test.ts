import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseCsvMapping } from "./csv-mapping.ts";
import { readRecords } from "./read-records.ts";
import { collect, fixture, loadTestProfile, messageOf } from "./test-support.ts";

const profile = loadTestProfile();
const mappingOf = (name: string) => parseCsvMapping(readFileSync(fixture(name), "utf8"), name);
const mapping = mappingOf("mapped-attacks.yaml");

describe("readRecords('csv') through a mapping", () => {
  it("maps each row: date format, value maps, PLOVER types, ranges, text, key", async () => {
    const { records, errors, skipped } = await collect(
      readRecords("csv", fixture("mapped-attacks.csv"), { profile, mapping }),
    );
    expect(errors).toEqual([]);
    expect(records.map((r) => r.nativeId)).toEqual([
      "test-attacks:1",
      "test-attacks:2",
      "test-attacks:3",
    ]);
    const [firing, drone, rally] = records;
    expect(firing?.dataset).toBe("csv");
    expect(firing?.event).toMatchObject({
      dateStart: "2018-03-05",
      countryIso3: "PAK",
      admin1: "Balochistan",
      admin2: "Kech",
      place: "Turbat",
      geoPrecision: "near",
      category: "ASSAULT",
      mode: "firearms",
      subtype: "Attack",
      sourceCode: "Firing",
      fatalitiesBest: 3, // bestIs: mean of 2 and 4
      fatalitiesLow: 2,
      fatalitiesHigh: 4,
      confidence: 0.5,
      summary: "Firing on a bus, the café owner hurt", // Latin-1 é read right
    });
    expect(firing?.event.actors).toEqual([
      { name: "BLF: Baloch Liberation Front", role: "actor1", actorId: "blf" },
    ]);
    expect(drone?.event).toMatchObject({
      admin1: "Khyber Pakhtunkhwa",
      lon: 70.46,
      subtype: "Air/drone strike",
    });
    expect(drone?.event.actors[0]?.name).toBe("Unidentified Armed Group (Pakistan)"); // default
    expect(rally?.event).toMatchObject({ category: "PROTEST", mode: "demo", subtype: null });
    expect(skipped).toEqual([
      {
        line: 5,
        reason: "the file's totals line",
        totals: {
          line: 5,
          fatalities: { best: 3, low: 2, high: 4 },
          injured: { best: 1, low: null, high: null },
        },
      },
    ]);
  });

  it("keeps the file's row verbatim and notes the fixes and the wrong weekday", async () => {
    const items = [];
    for await (const item of readRecords("csv", fixture("mapped-attacks.csv"), { mapping })) {
      items.push(item);
    }
    const drone = items[1];
    if (drone?.kind !== "record") throw new Error("expected a record");
    expect(drone.record.raw).toMatchObject({ Lon: "_70.46", District: "Dera Ismaïl Khan" });
    expect(drone.notes?.map((n) => n.message)).toEqual([
      'fixed by the mapping to "70.46" (a stray underscore)',
      "names another weekday: 2018-03-06 was a Tuesday (the date is kept)",
    ]);
    expect(drone.details).toEqual({
      injured: { best: null, low: null, high: null },
      sourceUrl: null,
    });
  });

  it("rejects a mapping that names a column the file lacks, naming the column and the path", async () => {
    const message = await messageOf(
      collect(
        readRecords("csv", fixture("mapped-attacks.csv"), {
          mapping: mappingOf("mapping-missing-column.yaml"),
        }),
      ),
    );
    expect(message).toMatch(
      /^mapped-attacks\.csv line 1: the mapping mapping-missing-column\.yaml names column "Killed max" \(at fatalities\.max\), which the file does not have; its columns: "No\.", "Date",/,
    );
  });

  it("names file, line and field of a date that does not fit the format", async () => {
    const message = await messageOf(
      collect(readRecords("csv", fixture("mapped-attacks-bad-date.csv"), { mapping })),
    );
    expect(message).toBe(
      'mapped-attacks-bad-date.csv line 3, field "Date": "2018-03-06" does not fit the date format ddd D/M/YYYY',
    );
  });

  it("names file, line and field when a Latin-1 file is read as UTF-8", async () => {
    const message = await messageOf(
      collect(readRecords("csv", fixture("mapped-attacks.csv"), { mapping, encoding: "utf8" })),
    );
    expect(message).toBe(
      'mapped-attacks.csv line 2, field "Notes": "Firing on a bus, the caf\uFFFD owner hurt" ' +
        "is not valid UTF-8 (a Latin-1 or Windows-1252 file? read it with --encoding latin1)",
    );
  });

  it("names a value the event-type map does not list", async () => {
    const text = readFileSync(fixture("mapped-attacks.yaml"), "utf8").replace(
      "    Rally: { category: PROTEST, mode: demo }\n",
      "",
    );
    const { errors } = await collect(
      readRecords("csv", fixture("mapped-attacks.csv"), {
        mapping: parseCsvMapping(text, "m.yaml"),
        onError: "yield",
      }),
    );
    expect(errors.map((e) => e.message)).toEqual([
      'mapped-attacks.csv line 4, field "Type": "Rally" is not in the mapping\'s eventType.values (and there is no default)',
    ]);
  });
});
