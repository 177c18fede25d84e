import { statSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseRecords, readRecords } from "./read-records.ts";
import { byteChunks, collect, fixture, loadTestProfile, messageOf } from "./test-support.ts";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("parseRecords()", () => {
  it("reads any byte stream, e.g. an upload, in chunks of any size", async () => {
    const text =
      "event_date,event_type,sub_event_type,actor1,admin1,fatalities\n2024-01-02,Battles,Armed clash,X,Kabul,4\n";
    for (const size of [1, 7, 4096]) {
      const { records } = await collect(
        parseRecords("acled", byteChunks(bytes(text), size), { file: "up.csv" }),
      );
      expect(records.map((r) => [r.line, r.event.fatalitiesBest])).toEqual([[2, 4]]);
    }
  });

  it.each([
    ["acled", "\n\r\n", "b.csv: file is empty (no header line)"],
    ["ucdp", "\n", "b.csv: file is empty (no header line)"],
    ["gdelt", "\n\n", "b.csv: file is empty"],
  ] as const)("calls a %s file of blank lines empty", async (dataset, text, expected) => {
    const items = parseRecords(dataset, byteChunks(bytes(text), 4), { file: "b.csv" });
    expect(await messageOf(collect(items))).toBe(expected);
  });

  it("reads a header with no rows as no records", async () => {
    const text = "event_date,event_type,sub_event_type,actor1,admin1,fatalities\n";
    const { records } = await collect(
      parseRecords("acled", byteChunks(bytes(text), 8), { file: "h.csv" }),
    );
    expect(records).toEqual([]);
  });
});

describe("readRecords()", () => {
  it("reports progress up to the file's size", async () => {
    const path = fixture("ucdp-candidate.csv");
    const seen: [number, number][] = [];
    const onProgress = (read: number, total: number) => {
      seen.push([read, total]);
    };
    await collect(readRecords("ucdp", path, { profile: loadTestProfile(), onProgress }));
    const size = statSync(path).size;
    expect(seen.at(-1)).toEqual([size, size]);
  });
});
