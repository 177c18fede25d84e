import { describe, expect, it } from "vitest";
import {
  describeGaps,
  exportSlot,
  findGaps,
  isInWindow,
  parseListLine,
  parseSlotBound,
  resolveFileUrl,
} from "./gdelt-list.ts";

const URL_2300 = "http://data.gdeltproject.org/gdeltv2/20150218230000.export.CSV.zip";

describe("parseListLine()", () => {
  it.each([
    [
      `150383 297a16b493de7cf6ca809a7cc31d0b93 ${URL_2300}`,
      {
        kind: "entry",
        entry: {
          bytes: 150383,
          md5: "297a16b493de7cf6ca809a7cc31d0b93",
          url: URL_2300,
          name: "20150218230000.export.CSV.zip",
        },
      },
    ],
    [
      `150383 297A16B493DE7CF6CA809A7CC31D0B93 ${URL_2300}\r`,
      {
        kind: "entry",
        entry: {
          bytes: 150383,
          md5: "297a16b493de7cf6ca809a7cc31d0b93",
          url: URL_2300,
          name: "20150218230000.export.CSV.zip",
        },
      },
    ],
    ["", { kind: "blank" }],
    ["   ", { kind: "blank" }],
    [URL_2300, { kind: "bad", reason: "expected 3 fields, found 1" }],
    [
      `12x 297a16b493de7cf6ca809a7cc31d0b93 ${URL_2300}`,
      { kind: "bad", reason: 'size "12x" is not a number' },
    ],
    [`150383 297a16b4 ${URL_2300}`, { kind: "bad", reason: 'md5 "297a16b4" is not 32 hex' }],
    [
      "150383 297a16b493de7cf6ca809a7cc31d0b93 ftp://x/y.zip",
      { kind: "bad", reason: 'url "ftp://x/y.zip" is not an http(s) file URL' },
    ],
  ])("parseListLine(%j)", (line, expected) => {
    expect(parseListLine(line)).toEqual(expected);
  });
});

describe("exportSlot()", () => {
  it.each([
    ["20150218230000.export.CSV.zip", "20150218230000"],
    ["20150218230000.mentions.CSV.zip", null],
    ["20150218230000.gkg.csv.zip", null],
    ["20150218230000.translation.export.CSV.zip", null],
    ["2015021823.export.CSV.zip", null],
  ])("exportSlot(%j) is %j", (name, slot) => {
    expect(exportSlot(name)).toBe(slot);
  });
});

describe("parseSlotBound()", () => {
  it.each([
    ["2024-03-01", "since", "20240301000000"],
    ["2024-03-01", "until", "20240301235959"],
    ["2024-03-01T10:15", "since", "20240301101500"],
    ["2024-03-01T10:15:30Z", "until", "20240301101530"],
    ["2024-03-01 10:15", "since", "20240301101500"],
    ["20240301101500", "since", "20240301101500"],
    ["2024-02-29", "since", "20240229000000"],
  ] as const)("parseSlotBound(%j, %s) is %s", (text, edge, slot) => {
    expect(parseSlotBound(text, edge)).toBe(slot);
  });

  it.each(["2023-02-30", "2024-13-01", "yesterday", "2024-03-01T25:00", "20240301"])(
    "rejects %j naming the flag",
    (text) => {
      expect(() => parseSlotBound(text, "since")).toThrow(`--since "${text}" is not a date`);
    },
  );
});

describe("isInWindow()", () => {
  it.each([
    ["20240301000000", { since: null, until: null }, true],
    ["20240301000000", { since: "20240301000000", until: null }, true],
    ["20240229234500", { since: "20240301000000", until: null }, false],
    ["20240301235959", { since: null, until: "20240301235959" }, true],
    ["20240302000000", { since: null, until: "20240301235959" }, false],
  ])("%s in %j is %s", (slot, window, expected) => {
    expect(isInWindow(slot, window)).toBe(expected);
  });
});

describe("findGaps()", () => {
  it("names each missing 15-minute slot, whatever the order of the present ones", () => {
    const present = ["20150219040000", "20150219034500", "20150219033000", "20150219043000"];
    expect(findGaps(present, "20150219033000", "20150219043000")).toEqual(["20150219041500"]);
  });

  it("rounds the bounds inward to the cadence and crosses midnight", () => {
    expect(findGaps(["20240301000000"], "20240229234000", "20240301001459")).toEqual([
      "20240229234500",
    ]);
  });

  it("finds nothing when every slot is there", () => {
    expect(
      findGaps(["20240301000000", "20240301001500"], "20240301000000", "20240301001500"),
    ).toEqual([]);
  });
});

describe("describeGaps()", () => {
  it("names single slots, pairs, and runs by their ends with a count", () => {
    const gaps = [
      "20150219070000",
      "20150219073000",
      "20150219081500",
      "20150219083000",
      "20150219084500",
      "20150219090000",
      "20150219091500",
      "20150219100000",
      "20150219101500",
    ];
    expect(describeGaps(gaps)).toEqual([
      "20150219070000.export.CSV.zip",
      "20150219073000.export.CSV.zip",
      "20150219081500.export.CSV.zip … 20150219091500.export.CSV.zip (5 slots)",
      "20150219100000.export.CSV.zip, 20150219101500.export.CSV.zip",
    ]);
  });
});

describe("resolveFileUrl()", () => {
  it.each([
    [URL_2300, "http://data.gdeltproject.org/gdeltv2/", URL_2300],
    [URL_2300, "http://data.gdeltproject.org/gdeltv2", URL_2300],
    [URL_2300, "http://127.0.0.1:8080/", "http://127.0.0.1:8080/20150218230000.export.CSV.zip"],
    [
      URL_2300,
      "https://mirror.example.org/gdelt/v2",
      "https://mirror.example.org/gdelt/v2/20150218230000.export.CSV.zip",
    ],
  ])("resolveFileUrl(%s, %s) is %s", (listed, base, expected) => {
    expect(resolveFileUrl(listed, base)).toBe(expected);
  });
});
