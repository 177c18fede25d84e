import { describe, expect, it } from "vitest";
import {
  parseCount,
  parseDate,
  parseLatitude,
  parseLongitude,
  parseTimestamp14,
} from "./fields.ts";
import { FieldProblem } from "./row-error.ts";

function reasonOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof FieldProblem) return error.reason;
    throw error;
  }
  throw new Error("expected a FieldProblem");
}

describe("parseDate()", () => {
  it.each([
    ["2023-02-28", "2023-02-28"],
    ["2024-02-29", "2024-02-29"],
    ["1990-10-04 00:00:00.000", "1990-10-04"],
    ["2026-03-01T00:00:00", "2026-03-01"],
    ["28 September 2019", "2019-09-28"],
    ["3-Sep-2019", "2019-09-03"],
    ["28-09-2019", "2019-09-28"],
    ["20191024", "2019-10-24"],
  ])("reads %s as %s", (value, expected) => {
    expect(parseDate("d", value)).toBe(expected);
  });

  it.each([
    "2023-02-30",
    "2023-02-29",
    "2023-13-01",
    "31/02/2020",
    "30 Febtober 2020",
    "",
    "20230230",
  ])("rejects %j", (value) => {
    expect(reasonOf(() => parseDate("d", value))).toBe("is not a date");
  });
});

describe("parseTimestamp14()", () => {
  it("reads GDELT DATEADDED as UTC and rejects an impossible time", () => {
    expect(parseTimestamp14("DATEADDED", "20191024143000")).toBe("2019-10-24T14:30:00Z");
    expect(reasonOf(() => parseTimestamp14("DATEADDED", "20191024246000"))).toContain(
      "is not a date and time",
    );
  });
});

describe("parseCount()", () => {
  it.each([
    ["0", 0],
    ["12", 12],
    ["12.0", 12],
    [" 7 ", 7],
  ])("reads %j as %d", (value, expected) => {
    expect(parseCount("fatalities", value)).toBe(expected);
  });

  it.each(["twelve", "-1", "1.5", "1e3"])("rejects %j", (value) => {
    expect(reasonOf(() => parseCount("fatalities", value))).toBe("is not a whole number ≥ 0");
  });

  it("treats empty as null unless the count is required", () => {
    expect(parseCount("low", "")).toBeNull();
    expect(reasonOf(() => parseCount("best", "", true))).toContain("is empty");
  });
});

describe("parseLatitude() and parseLongitude()", () => {
  it("accepts the ends of the ranges and rejects values beyond them", () => {
    expect(parseLatitude("latitude", "-90")).toBe(-90);
    expect(parseLongitude("longitude", "180")).toBe(180);
    expect(parseLatitude("latitude", "")).toBeNull();
    expect(reasonOf(() => parseLatitude("latitude", "123"))).toBe(
      "is not a latitude between -90 and 90",
    );
    expect(reasonOf(() => parseLongitude("longitude", "-180.5"))).toBe(
      "is not a longitude between -180 and 180",
    );
    expect(reasonOf(() => parseLatitude("latitude", "north"))).toContain("is not a latitude");
  });
});
