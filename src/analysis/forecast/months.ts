/**
 * Month keys ("YYYY-MM") and day numbers for monthly series. Pure calendar arithmetic in UTC;
 * "today" is never read here.
 */

const MONTH_RE = /^(\d{4})-(\d{2})$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Months since year 0: "2026-03" → 2026·12 + 2. Throws on a malformed key. */
export function monthNumber(key: string): number {
  const m = MONTH_RE.exec(key);
  const month = Number(m?.[2]);
  if (m === null || month < 1 || month > 12) {
    throw new RangeError(`"${key}" is not a month written YYYY-MM`);
  }
  return Number(m[1]) * 12 + month - 1;
}

export function monthKey(number: number): string {
  const year = Math.floor(number / 12);
  const month = number - year * 12 + 1;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}`;
}

export function isMonthKey(value: string): boolean {
  const m = MONTH_RE.exec(value);
  const month = Number(m?.[2]);
  return m !== null && month >= 1 && month <= 12;
}

export function addMonths(key: string, months: number): string {
  return monthKey(monthNumber(key) + months);
}

/** Calendar month 1–12 of a key. */
export function calendarMonth(key: string): number {
  return (monthNumber(key) % 12) + 1;
}

/** Days since 1970-01-01 of an ISO date (YYYY-MM-DD…; the time of day is ignored). */
export function dayNumber(date: string): number {
  const m = DATE_RE.exec(date.slice(0, 10));
  if (m === null) throw new RangeError(`"${date}" is not a date written YYYY-MM-DD`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
}

export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Day number of the first day of a month. */
export function firstDayOfMonth(key: string): number {
  const number = monthNumber(key);
  return Date.UTC(Math.floor(number / 12), number % 12, 1) / DAY_MS;
}

/** Day number of the last day of a month. */
export function lastDayOfMonth(key: string): number {
  return firstDayOfMonth(addMonths(key, 1)) - 1;
}

/** The month key of an ISO date. */
export function monthOfDate(date: string): string {
  return date.slice(0, 7);
}
