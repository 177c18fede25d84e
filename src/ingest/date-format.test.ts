import { describe, expect, it } from "vitest";
import { compileDateFormat } from "./date-format.ts";
import { FieldProblem } from "./row-error.ts";

describe("compileDateFormat()", () => {
  it.each([
    ["dddd, MMMM D, YYYY", "Friday, June 18, 2004", "2004-06-18"],
    ["dddd-MMMM D-YYYY", "Sunday-November 19-1995", "1995-11-19"],
    ["D-M-YYYY", "3-1-2005", "2005-01-03"],
    ["DD/MM/YYYY", "28/09/2019", "2019-09-28"],
    ["M/D/YY", "9/28/19", "2019-09-28"],
    ["M/D/YY", "9/28/85", "1985-09-28"],
    ["D MMM YYYY", "28 sep 2019", "2019-09-28"],
    ["YYYY-MM-DD HH:mm:ss", "2019-09-28 14:30:00", "2019-09-28"],
    ["D/M/YYYY H:mm A", "5/3/2018 7:45 PM", "2018-03-05"],
    ["iso", "2019-09-28", "2019-09-28"],
    ["auto", "28 September 2019", "2019-09-28"],
  ])("%s reads %j as %s", (format, value, expected) => {
    expect(compileDateFormat(format).parse("d", value).date).toBe(expected);
  });

  it.each([
    ["D-M-YYYY", "2005-01-03", "does not fit the date format D-M-YYYY"],
    ["D-M-YYYY", "31-2-2008", "is not a date"],
    ["dddd, MMMM D, YYYY", "Friday, Juno 18, 2004", "is not a date"],
    ["iso", "3-1-2005", "does not fit the date format iso (YYYY-MM-DD)"],
  ])("%s rejects %j: %s", (format, value, reason) => {
    let problem: unknown = null;
    try {
      compileDateFormat(format).parse("Date", value);
    } catch (error) {
      problem = error;
    }
    expect(problem).toBeInstanceOf(FieldProblem);
    expect(problem).toMatchObject({ field: "Date", value, reason });
  });

  it("reports a weekday that is not the date's, and keeps the date", () => {
    const parsed = compileDateFormat("dddd-MMMM DD-YYYY").parse("Date", "Saturday-March 07-2016");
    expect(parsed).toEqual({ date: "2016-03-07", weekdayMismatch: "2016-03-07 was a Monday" });
    const right = compileDateFormat("ddd D/M/YYYY").parse("Date", "Mon 5/3/2018");
    expect(right.weekdayMismatch).toBeNull();
  });

  it("refuses a format without a day, month and year", () => {
    expect(() => compileDateFormat("MMMM YYYY")).toThrow(/needs a year/);
  });
});
