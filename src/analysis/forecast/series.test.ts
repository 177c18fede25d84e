import { describe, expect, it } from "vitest";
import { trainingSet } from "./features.ts";
import {
  addMonths,
  calendarMonth,
  dateOfDay,
  dayNumber,
  lastDayOfMonth,
  monthKey,
  monthNumber,
} from "./months.ts";
import { buildHistory, coverageEnd, coveredDays } from "./series.ts";
import { historyOf } from "./test-support.ts";

describe("month arithmetic", () => {
  it("round-trips keys and crosses years", () => {
    expect(monthKey(monthNumber("2026-03"))).toBe("2026-03");
    expect(addMonths("2025-11", 3)).toBe("2026-02");
    expect(addMonths("2026-01", -1)).toBe("2025-12");
    expect(calendarMonth("2026-12")).toBe(12);
    expect(dateOfDay(lastDayOfMonth("2024-02"))).toBe("2024-02-29");
    expect(dateOfDay(dayNumber("2026-07-31"))).toBe("2026-07-31");
    expect(() => monthNumber("2026-13")).toThrow(/YYYY-MM/);
  });
});

describe("buildHistory()", () => {
  const coverage = [
    { first: "2020-01-05", last: "2020-04-20" },
    { first: "2020-07-01", last: "2020-08-31" },
  ];
  const months = [
    { month: "2020-01", events: 2, fatalities: 10, crossBorder: 1 },
    { month: "2020-03", events: 1, fatalities: 4, crossBorder: 0 },
    { month: "2020-08", events: 3, fatalities: 0, crossBorder: 0 },
  ];
  const events = [
    { date: "2020-01-05", fatalities: 4 },
    { date: "2020-01-09", fatalities: 6 },
    { date: "2020-03-02", fatalities: 4 },
    { date: "2020-08-01", fatalities: 0 },
  ];

  it("fills covered months without events with 0 and leaves uncovered months null", () => {
    const h = buildHistory({ target: "fatalities", months, events, coverage });
    expect(h?.start).toBe("2020-01");
    expect(h?.values).toEqual([10, 0, 4, 0, null, null, 0, 0]);
    expect(h?.covariates.events).toEqual([2, 0, 1, 0, null, null, 0, 3]);
    expect(h?.covariates.crossBorder).toEqual([1, 0, 0, 0, null, null, 0, 0]);
    expect(h?.events.map((e) => e.value)).toEqual([4, 6, 4, 0]);
  });

  it("counts events with value 1 for the events target, fatalities as the covariate", () => {
    const h = buildHistory({ target: "events", months, events, coverage });
    expect(h?.values.slice(0, 3)).toEqual([2, 0, 1]);
    expect(h?.covariates.fatalities?.slice(0, 3)).toEqual([10, 0, 4]);
    expect(h?.events.every((e) => e.value === 1)).toBe(true);
  });

  it("is null when nothing is covered", () => {
    expect(buildHistory({ target: "events", months, events, coverage: [] })).toBeNull();
  });

  it("coveredDays() merges adjacent months into runs; coverageEnd() is the last covered day", () => {
    const runs = coveredDays(coverage).map((r) => [dateOfDay(r.first), dateOfDay(r.last)]);
    expect(runs).toEqual([
      ["2020-01-01", "2020-04-30"],
      ["2020-07-01", "2020-08-31"],
    ]);
    expect(coverageEnd(coverage)).toBe("2020-08-31");
  });
});

describe("trainingSet()", () => {
  it("uses only rows whose target month is at or before the forecast origin", () => {
    const history = historyOf(Array.from({ length: 40 }, (_, i) => i));
    const { x, y } = trainingSet(history, 3, 30, 120);
    // Targets are values[t + 3] for t + 3 ≤ 30, i.e. 3 … 30.
    expect([...y]).toEqual(Array.from({ length: 28 }, (_, i) => i + 3));
    expect(x.length).toBe(28);
  });
});
