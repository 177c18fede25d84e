import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createResolver } from "../domain/profile/index.ts";
import { parseCsvMapping } from "./csv-mapping.ts";
import type { ReadItem } from "./items.ts";
import { createQualityCollector, MAX_VALUES } from "./quality.ts";
import { formatQualityMarkdown, formatQualitySummary } from "./quality-format.ts";
import { parseRecords, readRecords } from "./read-records.ts";
import { byteChunks, fixture, loadTestProfile } from "./test-support.ts";

const profile = loadTestProfile();
const resolver = createResolver(profile);
const mapping = parseCsvMapping(
  readFileSync(fixture("mapped-attacks.yaml"), "utf8"),
  "mapped-attacks.yaml",
);

async function reportOf(items: AsyncIterable<ReadItem>, dataset: string) {
  const quality = createQualityCollector({ file: "f.csv", dataset, resolver });
  for await (const item of items) quality.add(item);
  return quality.finish();
}

describe("createQualityCollector()", () => {
  it("counts precision, missing fields, unmatched names, notes and the file's totals line", async () => {
    const report = await reportOf(
      readRecords("csv", fixture("mapped-attacks.csv"), { profile, mapping }),
      "csv",
    );
    expect(report.rows).toEqual({ read: 3, kept: 3, outsideRegion: 0, rejected: 0, skipped: 1 });
    expect(report.datePrecision).toEqual({ day: 3 });
    expect(report.geoPrecision).toEqual({ near: 3 });
    // Rows 2 and 3 give no "Wounded", row 2 no "Source"; the profile knows neither Punjab nor
    // the districts of Khyber Pakhtunkhwa and Punjab.
    expect(report.missing).toMatchObject({ injured: 2, "source URL": 1, admin2: 0, country: 0 });
    expect(report.unmatched.admin1.values).toEqual([{ value: "Punjab (PAK)", count: 1 }]);
    expect(report.unmatched.admin2.values.map((v) => v.value).sort()).toEqual([
      "Dera Ismaïl Khan (PAK)",
      "Lahore (PAK)",
    ]);
    expect(report.fatalitiesByYear).toEqual([
      { year: 2018, rows: 3, best: 3, low: 2, high: 4, keptRows: 3, keptBest: 3, injured: 1 },
    ]);
    expect(report.fileTotals).toEqual({
      totals: {
        line: 5,
        fatalities: { best: 3, low: 2, high: 4 },
        injured: { best: 1, low: null, high: null },
      },
      rowSums: {
        fatalities: { best: 3, low: 2, high: 4 },
        injured: { best: 1, low: null, high: null },
      },
    });
    expect(report.notes.count).toBe(2);
    const summary = formatQualitySummary(report).join("\n");
    expect(summary).toContain(
      "the file's totals (line 5): fatalities best 3, min 2, max 4; its rows sum to best 3, min 2, max 4 (they agree)",
    );
    expect(formatQualityMarkdown([report])).toContain("| 2018 | 3 | 3 | 2 | 4 | 3 | 3 | 1 |");
  });

  it("finds likely duplicates: rows alike but for their notes", async () => {
    const report = await reportOf(
      readRecords("acled", fixture("acled-subset-no-id.csv"), { profile }),
      "acled",
    );
    expect(report.duplicates).toMatchObject({ groups: 1, rows: 2, examples: [{ lines: [3, 4] }] });
  });

  it("counts rows outside the region by country, kept only with keepOutsideRegion", async () => {
    const text =
      "event_date,event_type,country,fatalities\n" +
      "2024-01-01,Battles,Argentina,1\n2024-01-01,Battles,Pakistan,2\n2024-01-02,Riots,Argentina,0\n";
    const items = parseRecords("acled", byteChunks(new TextEncoder().encode(text), 64), {
      file: "f.csv",
      profile,
    });
    const report = await reportOf(items, "acled");
    expect(report.rows).toMatchObject({ read: 3, kept: 1, outsideRegion: 2 });
    expect(report.outsideRegion.values).toEqual([{ value: "ARG", count: 2 }]);
    expect(report.fatalitiesByYear).toEqual([
      {
        year: 2024,
        rows: 3,
        best: 3,
        low: null,
        high: null,
        keptRows: 1,
        keptBest: 2,
        injured: null,
      },
    ]);
  });

  it(`keeps at most ${MAX_VALUES} distinct unmatched names and counts the rest`, async () => {
    const rows = Array.from({ length: 60 }, (_, i) => `2024-01-01,Battles,Pakistan,Group ${i},1`);
    const text = `event_date,event_type,country,actor1,fatalities\n${rows.join("\n")}\n`;
    const items = parseRecords("acled", byteChunks(new TextEncoder().encode(text), 64), {
      file: "f.csv",
      profile,
    });
    const { actors } = (await reportOf(items, "acled")).unmatched;
    expect(actors.values.length).toBe(MAX_VALUES);
    expect(actors).toMatchObject({ otherRows: 10, isTruncated: true });
  });
});
