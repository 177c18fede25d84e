/**
 * Value parsers shared by the adapters. Each returns the typed value or throws a FieldProblem
 * that the reader turns into a RowError naming file, line and field.
 */
import { FieldProblem } from "./row-error.ts";

const MONTHS: Readonly<Record<string, number>> = {
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
};

/** `YYYY-MM-DD` if the parts name a real calendar day (2023-02-30 does not), else null. */
export function calendarDate(year: number, month: number, day: number): string | null {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?Z?)?$/;
const DAY_MONTH_YEAR = /^(\d{1,2})[ -]([A-Za-z]+)[ -](\d{4})$/;
/** Day first, as ACLED's codebook (`dd-mm-yyyy`) and Excel in most locales write it. */
const DMY_NUMERIC = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

/**
 * A date as the sources write it: ISO `2023-02-28`, UCDP `2023-02-28 00:00:00.000` or API
 * `2023-02-28T00:00:00`, ACLED's older `28 February 2023` / `28-February-2023` and its codebook's
 * `dd-mm-yyyy` (also `d-m-yyyy`, `dd/mm/yyyy`, `dd.mm.yyyy`, as files re-saved through Excel
 * write it), GDELT's `20230228`. Returns `YYYY-MM-DD`.
 */
export function parseDate(field: string, value: string): string {
  const text = value.trim();
  let parts: [number, number, number] | null = null;
  const iso = ISO_DATE.exec(text) ?? COMPACT.exec(text);
  if (iso) parts = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  const named = DAY_MONTH_YEAR.exec(text);
  if (named) parts = [Number(named[3]), monthNumber(named[2] ?? ""), Number(named[1])];
  const dmy = DMY_NUMERIC.exec(text);
  if (dmy) parts = [Number(dmy[4]), Number(dmy[3]), Number(dmy[1])];
  const date = parts === null ? null : calendarDate(...parts);
  if (date === null) throw new FieldProblem(field, value, "is not a date");
  return date;
}

function monthNumber(name: string): number {
  const lower = name.toLowerCase();
  const full = MONTHS[lower];
  if (full !== undefined) return full;
  // Three-letter abbreviations ("Sep") name exactly one month.
  const match = Object.entries(MONTHS).find(
    ([month]) => lower.length === 3 && month.startsWith(lower),
  );
  return match?.[1] ?? 0;
}

/** GDELT DATEADDED `YYYYMMDDHHMMSS` (UTC) → ISO 8601 `2019-10-24T14:30:00Z`. */
export function parseTimestamp14(field: string, value: string): string {
  const match = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(value.trim());
  const date = match ? calendarDate(Number(match[1]), Number(match[2]), Number(match[3])) : null;
  if (
    !match ||
    date === null ||
    Number(match[4]) > 23 ||
    Number(match[5]) > 59 ||
    Number(match[6]) > 59
  ) {
    throw new FieldProblem(field, value, "is not a date and time (YYYYMMDDHHMMSS)");
  }
  return `${date}T${match[4]}:${match[5]}:${match[6]}Z`;
}

/**
 * A count of people (fatalities, deaths): a whole number ≥ 0. Empty is null unless required.
 * "12.0" is accepted (spreadsheets write whole numbers so), "twelve", "-1" and "1.5" are not.
 */
export function parseCount(field: string, value: string, isRequired = false): number | null {
  const text = value.trim();
  if (text === "") {
    if (isRequired)
      throw new FieldProblem(field, value, "is empty; a whole number ≥ 0 is required");
    return null;
  }
  if (!/^\d+(?:\.0+)?$/.test(text)) {
    throw new FieldProblem(field, value, "is not a whole number ≥ 0");
  }
  const count = Number(text);
  if (!Number.isSafeInteger(count)) throw new FieldProblem(field, value, "is too large");
  return count;
}

/** A whole-number code (precision, type); empty is null. */
export function parseCode(field: string, value: string, allowed: readonly number[]): number | null {
  const text = value.trim();
  if (text === "") return null;
  const code = Number(text);
  if (!allowed.includes(code)) {
    throw new FieldProblem(field, value, `is not one of ${allowed.join(", ")}`);
  }
  return code;
}

export function parseLatitude(field: string, value: string): number | null {
  return parseCoordinate(field, value, 90, "latitude");
}

export function parseLongitude(field: string, value: string): number | null {
  return parseCoordinate(field, value, 180, "longitude");
}

function parseCoordinate(field: string, value: string, limit: number, what: string) {
  const text = value.trim();
  if (text === "") return null;
  const number = Number(text);
  if (!Number.isFinite(number) || number < -limit || number > limit) {
    throw new FieldProblem(field, value, `is not a ${what} between -${limit} and ${limit}`);
  }
  return number;
}

/** Trimmed text, or null when empty. */
export function text(value: string | undefined): string | null {
  const trimmed = value?.trim() ?? "";
  return trimmed === "" ? null : trimmed;
}
