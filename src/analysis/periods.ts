/**
 * Calendar arithmetic on ISO dates (`YYYY-MM-DD`, UTC, no time of day) and the periods that
 * trends, compliance and escalation count by. Pure: "today" always comes in as an argument.
 */

export type PeriodUnit = "day" | "week" | "month" | "quarter";

export const PERIOD_UNITS: readonly PeriodUnit[] = ["day", "week", "month", "quarter"];

/** One calendar period. `end` is inclusive, so `start <= date <= end` is membership. */
export interface Period {
  unit: PeriodUnit;
  /** "2026-03-05" (day), "2026-W10" (ISO week), "2026-03" (month), "2026-Q1" (quarter). */
  key: string;
  start: string;
  end: string;
}

const DAY_MS = 86_400_000;
const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

function toMs(date: string): number {
  const m = ISO_DATE_RE.exec(date);
  if (m === null) throw new RangeError(`"${date}" is not a date written YYYY-MM-DD`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

function fromMs(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Whether `value` is a real calendar date written YYYY-MM-DD (2026-02-30 is not). */
export function isIsoDate(value: string): boolean {
  return ISO_DATE_RE.test(value) && fromMs(toMs(value)) === value;
}

export function addDays(date: string, days: number): string {
  return fromMs(toMs(date) + days * DAY_MS);
}

/** The earlier of two ISO dates. */
export function earlierDate(a: string, b: string): string {
  if (a <= b) return a;
  return b;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toMs(to) - toMs(from)) / DAY_MS);
}

/** The same calendar date `years` later (earlier when negative); 29 February becomes the 28th. */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const target = y + years;
  const lastDay = new Date(Date.UTC(target, m, 0)).getUTCDate();
  return `${pad(target, 4)}-${pad(m)}-${pad(Math.min(d, lastDay))}`;
}

/** Every date from `from` to `to`, both included. */
export function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** ISO 8601 week: weeks start on Monday; week 1 holds the year's first Thursday. */
function isoWeek(monday: string): { year: number; week: number } {
  const thursday = addDays(monday, 3);
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor(daysBetween(`${pad(year, 4)}-01-01`, thursday) / 7) + 1;
  return { year, week };
}

function mondayOf(date: string): string {
  const weekday = (new Date(toMs(date)).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return addDays(date, -weekday);
}

function monthEnd(year: number, month: number): string {
  return fromMs(Date.UTC(year, month, 0));
}

/** The period of `unit` that contains `date`. */
export function periodOf(date: string, unit: PeriodUnit): Period {
  if (!isIsoDate(date)) throw new RangeError(`"${date}" is not a date written YYYY-MM-DD`);
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  switch (unit) {
    case "day":
      return { unit, key: date, start: date, end: date };
    case "week": {
      const start = mondayOf(date);
      const { year: isoYear, week } = isoWeek(start);
      return { unit, key: `${pad(isoYear, 4)}-W${pad(week)}`, start, end: addDays(start, 6) };
    }
    case "month":
      return {
        unit,
        key: date.slice(0, 7),
        start: `${date.slice(0, 7)}-01`,
        end: monthEnd(year, month),
      };
    case "quarter": {
      const q = Math.floor((month - 1) / 3);
      return {
        unit,
        key: `${pad(year, 4)}-Q${q + 1}`,
        start: `${pad(year, 4)}-${pad(q * 3 + 1)}-01`,
        end: monthEnd(year, q * 3 + 3),
      };
    }
  }
}

export function nextPeriod(period: Period): Period {
  return periodOf(addDays(period.end, 1), period.unit);
}

export function previousPeriod(period: Period): Period {
  return periodOf(addDays(period.start, -1), period.unit);
}

/**
 * The same period a year before. Weeks go back 52 weeks (364 days) so that a week is compared
 * with a week of the same weekdays; days, months and quarters go back one calendar year.
 */
export function yearBefore(period: Period): Period {
  if (period.unit === "week") return periodOf(addDays(period.start, -364), "week");
  return periodOf(addYears(period.start, -1), period.unit);
}

/** The periods from the one holding `from` to the one holding `to`, in order. */
export function periodsBetween(from: string, to: string, unit: PeriodUnit): Period[] {
  const out: Period[] = [];
  for (let p = periodOf(from, unit); p.start <= to; p = nextPeriod(p)) out.push(p);
  return out;
}

/** The `count` periods of `unit` ending with the one that holds `date`, oldest first. */
export function periodsEndingAt(date: string, unit: PeriodUnit, count: number): Period[] {
  const out: Period[] = [periodOf(date, unit)];
  while (out.length < count) out.unshift(previousPeriod(out[0] as Period));
  return out;
}

const KEY_PATTERNS: readonly [RegExp, (m: RegExpExecArray) => Period | null][] = [
  [/^(\d{4})-(\d{2})-(\d{2})$/, (m) => (isIsoDate(m[0]) ? periodOf(m[0], "day") : null)],
  [
    /^(\d{4})-W(\d{2})$/,
    (m) => {
      const jan4 = `${m[1]}-01-04`;
      const start = addDays(mondayOf(jan4), (Number(m[2]) - 1) * 7);
      const period = periodOf(start, "week");
      return period.key === m[0] ? period : null;
    },
  ],
  [/^(\d{4})-(\d{2})$/, (m) => (isIsoDate(`${m[0]}-01`) ? periodOf(`${m[0]}-01`, "month") : null)],
  [
    /^(\d{4})-Q([1-4])$/,
    (m) => periodOf(`${m[1]}-${pad((Number(m[2]) - 1) * 3 + 1)}-01`, "quarter"),
  ],
];

/** A period from its key ("2026-03", "2026-Q1", "2026-W10", "2026-03-05"), or null. */
export function parsePeriodKey(key: string): Period | null {
  const trimmed = key.trim().toUpperCase();
  for (const [re, make] of KEY_PATTERNS) {
    const m = re.exec(trimmed);
    if (m !== null) return make(m);
  }
  return null;
}

/**
 * A date bound given as a day, a month or a year ("2026-03-05", "2026-03", "2026"): the
 * first (`start`) or last (`end`) day it covers, or null when it is none of these.
 */
export function parseDateBound(value: string, side: "start" | "end"): string | null {
  const text = value.trim();
  if (isIsoDate(text)) return text;
  const unit = /^\d{4}-\d{2}$/.test(text) ? "month" : /^\d{4}$/.test(text) ? "year" : null;
  if (unit === null) return null;
  const first = unit === "month" ? `${text}-01` : `${text}-01-01`;
  if (!isIsoDate(first)) return null;
  if (side === "start") return first;
  return unit === "month" ? periodOf(first, "month").end : `${text}-12-31`;
}
