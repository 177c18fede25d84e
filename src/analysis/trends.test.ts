import { describe, expect, it } from "vitest";
import {
  buildTrendRows,
  lookbackStart,
  percentChange,
  sumRows,
  type TrendCount,
} from "./trends.ts";

function count(
  periodStart: string,
  group: string | null,
  events: number,
  best: number,
): TrendCount {
  return { periodStart, group, events, best, low: best, high: best + 1, withFatalities: events };
}

describe("buildTrendRows()", () => {
  const counts = [
    count("2025-03-01", null, 4, 40),
    count("2026-01-01", null, 10, 20),
    count("2026-03-01", null, 15, 30),
  ];

  it("lists every period without groups, zeros included, with both comparisons", () => {
    const rows = buildTrendRows(counts, {
      unit: "month",
      from: "2026-02-01",
      to: "2026-03-31",
      grouped: false,
    });
    expect(rows.map((r) => [r.period, r.events, r.fatalities.best])).toEqual([
      ["2026-02", 0, 0],
      ["2026-03", 15, 30],
    ]);
    const [feb, march] = rows;
    expect(feb?.vsPrevious).toMatchObject({ period: "2026-01", events: 10, eventsChange: -10 });
    expect(feb?.vsPrevious.eventsChangePct).toBe(-100);
    // February 2026 against an empty previous February … nothing to divide by.
    expect(feb?.vsYearBefore).toMatchObject({ period: "2025-02", eventsChangePct: null });
    expect(march?.vsPrevious).toMatchObject({ events: 0, eventsChange: 15, eventsChangePct: null });
    expect(march?.vsYearBefore).toMatchObject({
      period: "2025-03",
      events: 4,
      eventsChange: 11,
      eventsChangePct: 275,
      fatalities: 40,
      fatalitiesChange: -10,
      fatalitiesChangePct: -25,
    });
    expect(march?.fatalities).toEqual({ best: 30, low: 30, high: 31 });
  });

  it("lists a group only in periods where it, its previous period or its year before had events", () => {
    const grouped = [count("2026-01-01", "PAK", 2, 2), count("2026-03-01", "AFG", 1, 0)];
    const rows = buildTrendRows(grouped, {
      unit: "month",
      from: "2026-01-01",
      to: "2026-04-30",
      grouped: true,
    });
    expect(rows.map((r) => `${r.period} ${r.group}`)).toEqual([
      "2026-01 PAK",
      "2026-02 PAK",
      "2026-03 AFG",
      "2026-04 AFG",
    ]);
  });

  it("keeps the events behind a row when the counts carry them", () => {
    const rows = buildTrendRows([{ ...count("2026-01-01", null, 2, 0), eventIds: [7, 9] }], {
      unit: "month",
      from: "2026-01-01",
      to: "2026-02-28",
      grouped: false,
    });
    expect(rows.map((r) => r.eventIds)).toEqual([[7, 9], []]);
  });

  it("sumRows() adds the rows' own figures", () => {
    const total = sumRows(
      buildTrendRows(counts, {
        unit: "month",
        from: "2026-01-01",
        to: "2026-03-31",
        grouped: false,
      }),
    );
    expect(total).toEqual({
      events: 25,
      fatalities: { best: 50, low: 50, high: 52 },
      withFatalities: 25,
    });
  });
});

describe("trend helpers", () => {
  it("percentChange() rounds to one decimal and has none against zero", () => {
    expect(percentChange(3, 2)).toBe(50);
    expect(percentChange(1, 3)).toBe(-66.7);
    expect(percentChange(5, 0)).toBeNull();
  });

  it("lookbackStart() reaches the year before the first period", () => {
    expect(lookbackStart("2026-03-10", "month")).toBe("2025-03-01");
    expect(lookbackStart("2026-03-10", "day")).toBe("2025-03-10");
  });
});
