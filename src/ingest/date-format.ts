/**
 * Date formats for mapped CSV files, in the tokens most spreadsheet users know:
 * `YYYY` year, `YY` two-digit year (≥ 70 → 19YY), `MMMM` month name (or its three-letter
 * abbreviation), `MMM` abbreviation, `MM`/`M` month number, `DD`/`D` day, `dddd`/`ddd` weekday
 * name, `HH`/`H`, `mm`, `ss`, `A` (a time of day is read and ignored). Anything else is literal;
 * a space matches one or more spaces. `iso` is YYYY-MM-DD; `auto` accepts what `parseDate` does.
 *
 * A weekday that disagrees with the date is not an error (the date wins) but is reported, since
 * it means one of the two is a typo: the Pakistan Body Count writes "Saturday-March 07-2016" for
 * what was a Monday.
 */
import { calendarDate, parseDate } from "./fields.ts";
import { FieldProblem } from "./row-error.ts";

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];
const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

type Part = "year" | "year2" | "month" | "monthName" | "day" | "weekday" | "time";

const TOKENS: readonly [string, string, Part][] = [
  ["YYYY", "(\\d{4})", "year"],
  ["YY", "(\\d{2})", "year2"],
  ["MMMM", "([A-Za-z]+)", "monthName"],
  ["MMM", "([A-Za-z]{3})", "monthName"],
  ["MM", "(\\d{1,2})", "month"],
  ["M", "(\\d{1,2})", "month"],
  ["DD", "(\\d{1,2})", "day"],
  ["D", "(\\d{1,2})", "day"],
  ["dddd", "([A-Za-z]+)", "weekday"],
  ["ddd", "([A-Za-z]{3})", "weekday"],
  ["HH", "(\\d{1,2})", "time"],
  ["H", "(\\d{1,2})", "time"],
  ["mm", "(\\d{2})", "time"],
  ["ss", "(\\d{2})", "time"],
  ["A", "([AaPp][Mm])", "time"],
];

export interface DateFormat {
  /** As written in the mapping, for messages. */
  source: string;
  parse(field: string, value: string): ParsedDate;
}

export interface ParsedDate {
  date: string;
  /** Set when the value names a weekday that is not the date's. */
  weekdayMismatch: string | null;
}

/** Compiles a format; throws Error with the reason when it cannot read a full date. */
export function compileDateFormat(format: string): DateFormat {
  const trimmed = format.trim();
  if (trimmed === "auto" || trimmed === "iso") {
    return {
      source: trimmed,
      parse(field, value) {
        if (trimmed === "iso" && !/^\d{4}-\d{2}-\d{2}$/.test(value.trim())) {
          throw new FieldProblem(field, value, "does not fit the date format iso (YYYY-MM-DD)");
        }
        return { date: parseDate(field, value), weekdayMismatch: null };
      },
    };
  }
  const parts: Part[] = [];
  let pattern = "";
  let rest = trimmed;
  while (rest.length > 0) {
    const token = TOKENS.find(([name]) => rest.startsWith(name));
    if (token) {
      pattern += token[1];
      parts.push(token[2]);
      rest = rest.slice(token[0].length);
      continue;
    }
    const char = rest[0] ?? "";
    pattern += /\s/.test(char) ? "\\s+" : char.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    rest = rest.slice(1);
  }
  const hasYear = parts.includes("year") || parts.includes("year2");
  const hasMonth = parts.includes("month") || parts.includes("monthName");
  if (!hasYear || !hasMonth || !parts.includes("day")) {
    throw new Error("needs a year (YYYY), a month (MM or MMMM) and a day (DD)");
  }
  const regex = new RegExp(`^${pattern}$`, "i");
  return {
    source: trimmed,
    parse(field, value) {
      const match = regex.exec(value.trim());
      if (!match) throw new FieldProblem(field, value, `does not fit the date format ${trimmed}`);
      return readParts(field, value, parts, match);
    },
  };
}

function readParts(
  field: string,
  value: string,
  parts: readonly Part[],
  match: RegExpExecArray,
): ParsedDate {
  let year = 0;
  let month = 0;
  let day = 0;
  let weekday: string | null = null;
  parts.forEach((part, i) => {
    const text = match[i + 1] ?? "";
    if (part === "year") year = Number(text);
    else if (part === "year2") year = Number(text) + (Number(text) >= 70 ? 1900 : 2000);
    else if (part === "month") month = Number(text);
    else if (part === "monthName") month = monthOf(text);
    else if (part === "day") day = Number(text);
    else if (part === "weekday") weekday = text;
  });
  const date = calendarDate(year, month, day);
  if (date === null) throw new FieldProblem(field, value, "is not a date");
  return { date, weekdayMismatch: checkWeekday(date, weekday) };
}

function monthOf(name: string): number {
  const lower = name.toLowerCase();
  const index = MONTHS.findIndex((month) =>
    lower.length === 3 ? month.startsWith(lower) : month === lower,
  );
  return index + 1;
}

function checkWeekday(date: string, weekday: string | null): string | null {
  if (weekday === null) return null;
  const lower = weekday.toLowerCase();
  const actual = WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()] ?? "";
  const isSame = lower.length === 3 ? actual.startsWith(lower) : actual === lower;
  return isSame ? null : `${date} was a ${actual[0]?.toUpperCase()}${actual.slice(1)}`;
}
