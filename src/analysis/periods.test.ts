import { describe, expect, it } from "vitest";
import {
  addYears,
  isIsoDate,
  nextPeriod,
  type PeriodUnit,
  parseDateBound,
  parsePeriodKey,
  periodOf,
  periodsBetween,
  periodsEndingAt,
  previousPeriod,
  yearBefore,
} from "./periods.ts";

describe("periodOf()", () => {
  it.each<[string, PeriodUnit, string, string, string]>([
    ["2026-03-15", "day", "2026-03-15", "2026-03-15", "2026-03-15"],
    ["2026-03-15", "month", "2026-03", "2026-03-01", "2026-03-31"],
    ["2024-02-10", "month", "2024-02", "2024-02-01", "2024-02-29"],
    ["2026-05-20", "quarter", "2026-Q2", "2026-04-01", "2026-06-30"],
    ["2026-12-31", "quarter", "2026-Q4", "2026-10-01", "2026-12-31"],
    // ISO weeks: 1 January 2026 is a Thursday, so week 1 starts on Monday 29 December 2025.
    ["2026-01-01", "week", "2026-W01", "2025-12-29", "2026-01-04"],
    // 3 January 2021 is a Sunday of the last week of 2020 (which has 53 weeks).
    ["2021-01-03", "week", "2020-W53", "2020-12-28", "2021-01-03"],
    ["2024-12-30", "week", "2025-W01", "2024-12-30", "2025-01-05"],
  ])("periodOf(%s, %s) is %s from %s to %s", (date, unit, key, start, end) => {
    expect(periodOf(date, unit)).toEqual({ unit, key, start, end });
  });

  it("rejects a date that does not exist", () => {
    expect(() => periodOf("2026-02-30", "month")).toThrow(/not a date/);
  });
});

describe("period steps", () => {
  it("previousPeriod() and nextPeriod() cross year boundaries", () => {
    expect(previousPeriod(periodOf("2026-01-10", "month")).key).toBe("2025-12");
    expect(nextPeriod(periodOf("2025-12-10", "quarter")).key).toBe("2026-Q1");
    expect(previousPeriod(periodOf("2026-01-01", "week")).key).toBe("2025-W52");
  });

  it("yearBefore() goes back a calendar year, or 52 weeks for a week", () => {
    expect(yearBefore(periodOf("2026-03-05", "month")).key).toBe("2025-03");
    expect(yearBefore(periodOf("2026-03-05", "quarter")).key).toBe("2025-Q1");
    expect(yearBefore(periodOf("2024-02-29", "day")).key).toBe("2023-02-28");
    const week = periodOf("2026-03-05", "week");
    expect(yearBefore(week).start).toBe("2025-03-03");
  });

  it("addYears() keeps the day, or takes the month's last day", () => {
    expect(addYears("2025-06-15", 1)).toBe("2026-06-15");
    expect(addYears("2028-02-29", -1)).toBe("2027-02-28");
  });

  it("periodsBetween() lists whole periods, both ends included", () => {
    const keys = periodsBetween("2025-11-20", "2026-02-01", "month").map((p) => p.key);
    expect(keys).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
  });

  it("periodsEndingAt() counts back from the period holding the date", () => {
    const keys = periodsEndingAt("2026-02-10", "quarter", 3).map((p) => p.key);
    expect(keys).toEqual(["2025-Q3", "2025-Q4", "2026-Q1"]);
  });
});

describe("parsePeriodKey()", () => {
  it.each([
    ["2026-03", "month", "2026-03-01"],
    ["2026-q2", "quarter", "2026-04-01"],
    ["2020-W53", "week", "2020-12-28"],
    ["2026-03-05", "day", "2026-03-05"],
  ])("reads %s as a %s starting %s", (key, unit, start) => {
    expect(parsePeriodKey(key)).toMatchObject({ unit, start });
  });

  it.each(["2026-13", "2026-Q5", "2026-W54", "2025-W53", "2026-02-30", "March", ""])(
    "rejects %j",
    (key) => {
      expect(parsePeriodKey(key)).toBeNull();
    },
  );
});

describe("parseDateBound()", () => {
  it.each<[string, "start" | "end", string | null]>([
    ["2026-03-05", "start", "2026-03-05"],
    ["2026-02", "start", "2026-02-01"],
    ["2026-02", "end", "2026-02-28"],
    ["2024", "end", "2024-12-31"],
    ["2026-13", "start", null],
    ["yesterday", "end", null],
  ])("%s as the %s bound is %s", (value, side, expected) => {
    expect(parseDateBound(value, side)).toBe(expected);
  });

  it("isIsoDate() checks the calendar", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2026-02-29")).toBe(false);
    expect(isIsoDate("2026-2-1")).toBe(false);
  });
});
