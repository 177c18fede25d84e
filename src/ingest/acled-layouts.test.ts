import { describe, expect, it } from "vitest";
import { ACLED_COLUMNS } from "./acled.ts";
import { parseColumnRenames } from "./columns.ts";
import { parseRecords, readAcled } from "./read-records.ts";
import { byteChunks, collect, fixture, loadTestProfile, messageOf } from "./test-support.ts";

const profile = loadTestProfile();
const bytes = (text: string) => byteChunks(new TextEncoder().encode(text), 64);

function parseAcled(text: string, options: { renames?: Map<string, string> } = {}) {
  return collect(
    parseRecords("acled", bytes(text), { file: "a.csv", profile, onError: "yield", ...options }),
  );
}

describe("readAcled() on older, partial and renamed layouts", () => {
  it("reads the older layout: data_id, event_id_no_cnty, iso3, dd-mm-yyyy and d-m-yyyy dates", async () => {
    const { records, errors } = await collect(
      readAcled(fixture("acled-older-layout.csv"), { profile }),
    );
    expect(errors).toEqual([]);
    expect(records.map((r) => [r.event.dateStart, r.event.countryIso3, r.event.subtype])).toEqual([
      ["2018-03-05", "PAK", "Armed clash"], // "Battle-No change of territory", the pre-2019 name
      ["2018-03-07", "AFG", "Remote explosive/landmine/IED"],
    ]);
    // No event_id_cnty: the key is derived, and event_id_no_cnty (not unique) is not used.
    expect(records.every((r) => /^acled-h-[0-9a-f]{16}$/.test(r.nativeId))).toBe(true);
    expect(records[1]?.event.datePrecision).toBe("week");
  });

  it("reads an API export with only some fields (fields=event_date|event_type|country|fatalities)", async () => {
    const { records, errors } = await collect(
      readAcled(fixture("acled-api-fields.csv"), { profile }),
    );
    expect(errors).toEqual([]);
    expect(
      records.map((r) => [r.event.category, r.event.mode, r.event.subtype, r.event.sourceCode]),
    ).toEqual([
      ["ASSAULT", "sideAB", null, "Battles"],
      ["PROTEST", "riot", null, "Riots"],
      [null, null, null, "Strategic developments"], // spans several PLOVER categories
    ]);
    expect(records.map((r) => r.event.fatalitiesBest)).toEqual([5, null, 0]);
    expect(records.map((r) => r.event.countryIso3)).toEqual(["PAK", "AFG", "PAK"]);
    expect(records[0]?.event.actors).toEqual([]);
  });

  it("reads columns named otherwise through --columns renames", async () => {
    const renames = parseColumnRenames(
      "Date=event_date, Kind=event_type,Sub kind=sub_event_type,Province=admin1,Deaths=fatalities,Notes=notes",
      ACLED_COLUMNS,
      "ACLED",
    );
    const { records, errors } = await collect(
      readAcled(fixture("acled-renamed.csv"), { profile, renames }),
    );
    expect(errors).toEqual([]);
    expect(records.map((r) => [r.event.subtype, r.event.admin1, r.event.fatalitiesBest])).toEqual([
      ["Armed clash", "Balochistan", 3],
      ["Attack", "Balochistan", 1],
    ]);
    expect(records[0]?.event.countryIso3).toBe("PAK"); // from the profile's admin1
    expect(records[1]?.event.summary).toBe("A shooting in Quetta.");
  });

  it.each([
    [
      "Date=event_date,Kind=event_kind",
      '--columns: "event_kind" is not a column ACLED reads (one of event_id_cnty, event_date,',
    ],
    ["Date", '--columns: "Date" is not FILE_COLUMN=acled_column'],
  ])("parseColumnRenames(%j) names the bad part", (text, expected) => {
    let message = "";
    try {
      parseColumnRenames(text, ACLED_COLUMNS, "ACLED");
    } catch (error) {
      message = error instanceof Error ? error.message : String(error);
    }
    expect(message.startsWith(expected)).toBe(true);
  });

  it("rejects --columns naming a column the file does not have, listing the file's columns", async () => {
    const renames = new Map([["datum", "event_date"]]);
    const message = await messageOf(
      collect(readAcled(fixture("acled-renamed.csv"), { profile, renames })),
    );
    expect(message).toBe(
      'acled-renamed.csv line 1: --columns names "datum", which is not a column of the file ' +
        '(its columns: "Date", "Kind", "Sub kind", "Province", "Deaths", … (6 in all))',
    );
  });

  it.each([
    [
      "fatalities,event_type,country\n",
      'a.csv line 1: not an ACLED file: missing columns "event_date" (if the file calls one otherwise: --columns FILE_COLUMN=acled_column)',
    ],
    [
      "event_date,country\n",
      'a.csv line 1: not an ACLED file: missing columns "sub_event_type" or "event_type" (if the file calls one otherwise: --columns FILE_COLUMN=acled_column)',
    ],
    [
      "event_date,event_type,fatalities\n",
      'a.csv line 1: not an ACLED file: missing columns "country", "iso3", "iso", "admin1" or "latitude" (if the file calls one otherwise: --columns FILE_COLUMN=acled_column)',
    ],
    [
      "event_date,event_type,latitude\n",
      'a.csv line 1: not an ACLED file: missing columns "longitude"',
    ],
  ])("requires the columns that make an event: header %j", async (header, expected) => {
    expect(await messageOf(parseAcled(header))).toBe(expected);
  });

  it.each([
    [
      "2024-01-01,,,Pakistan,3",
      'a.csv line 2, field "sub_event_type": is empty; an event type is required',
    ],
    [
      "2024-01-01,Skirmishes,,Pakistan,3",
      'a.csv line 2, field "event_type": "Skirmishes" is not an ACLED event type',
    ],
    [
      "2024-01-01,Battles,,,3",
      "a.csv line 2: has no place: country, admin1 and coordinates are empty",
    ],
    ["2024-01-01,Battles,Armed clash,Pakistan,", null],
  ])("checks each row has what makes an event: %j", async (row, expected) => {
    const { errors, records } = await parseAcled(
      `event_date,event_type,sub_event_type,country,fatalities\n${row}\n`,
    );
    expect(errors.map((e) => e.message)).toEqual(expected === null ? [] : [expected]);
    expect(records.length).toBe(expected === null ? 1 : 0);
  });

  it("keys a revised re-export like the first: new counts, notes and actors update the same events", async () => {
    const first = await collect(readAcled(fixture("acled-subset-no-id.csv"), { profile }));
    const revised = await collect(
      readAcled(fixture("acled-subset-no-id-revised.csv"), { profile }),
    );
    expect(revised.records.map((r) => r.nativeId)).toEqual(first.records.map((r) => r.nativeId));
    expect(revised.records[0]?.event.fatalitiesBest).toBe(2);
    expect(first.records[0]?.event.fatalitiesBest).toBe(1);
    expect(revised.records[1]?.event.actors[0]?.name).toBe("BLA: Baloch Liberation Army");
  });

  it("gives another event type, date or place another key", async () => {
    const header = "event_date,event_type,sub_event_type,admin1,location,fatalities\n";
    const { records } = await parseAcled(
      `${header}2024-01-01,Battles,Armed clash,Balochistan,Turbat,1\n` +
        "2024-01-01,Violence against civilians,Attack,Balochistan,Turbat,1\n" +
        "2024-01-02,Battles,Armed clash,Balochistan,Turbat,1\n" +
        "2024-01-01,Battles,Armed clash,Balochistan,Quetta,1\n" +
        "2024-01-01,Battles,Government regains territory,balochistan,  Turbat ,9\n",
    );
    const ids = records.map((r) => r.nativeId);
    expect(new Set(ids.slice(0, 4)).size).toBe(4);
    // Same date, type and place, written differently, another sub-event type: a twin of row 1.
    expect(ids[4]).toBe(`${ids[0]}-2`);
  });
});
