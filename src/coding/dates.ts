/**
 * The date a sentence gives, resolved against the article's date with
 * chrono-node's British parser (day before month: "3/4/2024" is 3 April).
 * Nothing is invented: without an article date only dates that carry their
 * own year count, and vague spans ("over the past few years", "in the
 * months ahead") are no date at all.
 */
import * as chrono from "chrono-node";
import type { CodedDate } from "./types.ts";

/** chrono reads these as dates; they name no particular time. */
const VAGUE_RE =
  /\b(?:few|several|some|many|past|recent|coming|ahead|next|months|years|weeks|decades?)\b/i;
const YEAR_RE = /\b(?:in|since|during|throughout)\s+((?:19|20)\d{2})\b/i;
const ISO_DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

function iso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return iso(date);
}

function lastDayOfMonth(year: number, month: number): string {
  return iso(new Date(Date.UTC(year, month, 0, 12)));
}

/** News reports the past: an implied year that puts the date after the article moves back a year. */
function notAfter(date: Date, reference: Date | null, isYearCertain: boolean): Date {
  if (reference === null || isYearCertain || date <= reference) return date;
  const moved = new Date(date);
  moved.setUTCFullYear(moved.getUTCFullYear() - 1);
  return moved;
}

function fromResult(result: chrono.ParsedResult, reference: Date | null): CodedDate | null {
  const { start } = result;
  if (VAGUE_RE.test(result.text)) return null;
  const hasOwnYear = /\b(?:19|20)\d{2}\b/.test(result.text);
  if (reference === null && !hasOwnYear) return null;
  const isDay = start.isCertain("day") || start.isCertain("weekday");
  const isMonth = start.isCertain("month");
  if (!isDay && !isMonth) return null;
  let date = notAfter(start.date(), reference, start.isCertain("year"));
  if (
    start.isCertain("weekday") &&
    !start.isCertain("day") &&
    reference !== null &&
    date > reference
  ) {
    date = new Date(date.getTime() - 7 * 86_400_000);
  }
  const day = iso(date);
  if (/\bweek\b/i.test(result.text)) {
    return { start: addDays(day, -3), end: addDays(day, 3), precision: "week", text: result.text };
  }
  if (!isDay) {
    const month = day.slice(0, 7);
    const end = lastDayOfMonth(date.getUTCFullYear(), date.getUTCMonth() + 1);
    return { start: `${month}-01`, end, precision: "month", text: result.text };
  }
  const end = result.end ? iso(result.end.date()) : day;
  const isRange = end > day;
  return {
    start: day,
    end: isRange ? end : day,
    precision: isRange ? "range" : "day",
    text: result.text,
  };
}

/** Words without which a sentence names no date: chrono is not asked then (it is the slow part). */
const DATE_HINT =
  /\d|\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|tomorrow|ago|(?:last|this|next|past) (?:week|month|year|weekend|morning|evening|night))\b/i;

/** The first date the sentence gives, or null. `articleDate` is YYYY-MM-DD. */
export function resolveDate(sentence: string, articleDate?: string): CodedDate | null {
  if (!DATE_HINT.test(sentence)) return null;
  const reference =
    articleDate !== undefined && ISO_DATE_RE.test(articleDate)
      ? new Date(`${articleDate}T12:00:00Z`)
      : null;
  const results = chrono.en.GB.parse(
    sentence,
    { instant: reference ?? new Date(Date.UTC(2000, 0, 1, 12)), timezone: 0 },
    { forwardDate: false },
  );
  for (const result of results) {
    const date = fromResult(result, reference);
    if (date !== null) return date;
  }
  const year = YEAR_RE.exec(sentence)?.[1];
  if (year !== undefined && (reference === null || year <= (articleDate ?? "").slice(0, 4))) {
    return { start: `${year}-01-01`, end: `${year}-12-31`, precision: "year", text: year };
  }
  return null;
}
