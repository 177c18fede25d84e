/** The values of one mapped CSV row: dates, place, event type, actors, count ranges. */
import type { ActorRole, GeoPrecision } from "../domain/event.ts";
import { actorHint } from "./acled.ts";
import { asIso3, countryNameToIso3 } from "./countries.ts";
import {
  type CsvMapping,
  type EventTypeValue,
  normaliseValue,
  type ValueSource,
} from "./csv-mapping.ts";
import { parseCount, parseLatitude, parseLongitude, text } from "./fields.ts";
import type { CountRange, RowNote } from "./items.ts";
import {
  type ActorHint,
  canonicalAdmin,
  countryFromProfile,
  type MappingContext,
} from "./mapping.ts";
import { FieldProblem } from "./row-error.ts";

/** A row read through the mapping: values by column name, after the mapping's fixes. */
export interface MappedRow {
  line: number;
  get(column: string): string;
  notes: RowNote[];
}

export function readDates(
  row: MappedRow,
  mapping: CsvMapping,
): { dateStart: string; dateEnd: string } {
  const { spec } = mapping;
  const parse = (column: string) => {
    const value = row.get(column);
    if (value.trim() === "") throw new FieldProblem(column, null, "is empty; a date is required");
    let first: unknown = null;
    for (const format of mapping.dateFormats) {
      try {
        const parsed = format.parse(column, value);
        if (parsed.weekdayMismatch !== null) {
          row.notes.push({
            line: row.line,
            field: column,
            value,
            message: `names another weekday: ${parsed.weekdayMismatch} (the date is kept)`,
          });
        }
        return parsed.date;
      } catch (error) {
        first ??= error;
      }
    }
    throw first;
  };
  const dateStart = parse(spec.date.column);
  const dateEnd =
    spec.date.end === undefined || row.get(spec.date.end).trim() === ""
      ? dateStart
      : parse(spec.date.end);
  if (dateEnd < dateStart) {
    throw new FieldProblem(
      spec.date.end ?? "",
      row.get(spec.date.end ?? ""),
      "is before the start",
    );
  }
  return { dateStart, dateEnd };
}

/** A mapped value: the constant, or the column's value through the value map (or the default). */
function mappedValue(row: MappedRow, source: ValueSource | undefined): string | null {
  if (source === undefined) return null;
  if (source.value !== undefined) return text(source.value);
  const raw = row.get(source.column ?? "");
  const value = text(raw) ?? text(source.default);
  if (value === null) return null;
  const mapped = Object.entries(source.values ?? {}).find(
    ([from]) => normaliseValue(from) === normaliseValue(value),
  );
  return mapped === undefined ? value : text(mapped[1]);
}

export function readPlace(row: MappedRow, mapping: CsvMapping, context: MappingContext) {
  const { place } = mapping.spec;
  const countryText = mappedValue(row, place.country);
  const country =
    countryText === null
      ? null
      : (asIso3(countryText) ??
        countryNameToIso3(countryText) ??
        countryFromProfile(context, countryText));
  const admin1Raw = mappedValue(row, place.admin1);
  const admin2Raw = mappedValue(row, place.admin2);
  const lat =
    place.latitude === undefined ? null : parseLatitude(place.latitude, row.get(place.latitude));
  const lon =
    place.longitude === undefined
      ? null
      : parseLongitude(place.longitude, row.get(place.longitude));
  if ((lat === null) !== (lon === null)) {
    const field = (lat === null ? place.latitude : place.longitude) ?? "";
    throw new FieldProblem(field, null, "is empty while the other coordinate is given");
  }
  if (countryText === null && admin1Raw === null && lat === null) {
    throw new FieldProblem(null, null, "has no place: country, admin1 and coordinates are empty");
  }
  const precision = (mappedValue(row, place.precision) ?? "unknown") as GeoPrecision;
  return {
    country,
    admin1Raw,
    admin2Raw,
    admin1: canonicalAdmin(context, country, admin1Raw, 1),
    admin2: canonicalAdmin(context, country, admin2Raw, 2),
    name: mappedValue(row, place.name),
    lat,
    lon,
    precision,
  };
}

export function readType(
  row: MappedRow,
  mapping: CsvMapping,
): EventTypeValue & { sourceCode: string } {
  const { types, spec } = mapping;
  if (types.value !== null) {
    const constant = spec.eventType.value;
    const code = typeof constant === "string" ? constant : (types.value.subtype ?? "");
    return { ...types.value, sourceCode: code };
  }
  const column = spec.eventType.column ?? "";
  const value = row.get(column).trim();
  const type = types.values.get(normaliseValue(value)) ?? types.default;
  if (type === null) {
    const reason =
      value === ""
        ? "is empty and the mapping's eventType has no default"
        : "is not in the mapping's eventType.values (and there is no default)";
    throw new FieldProblem(column, value, reason);
  }
  return { ...type, sourceCode: value };
}

export function readActors(
  row: MappedRow,
  mapping: CsvMapping,
): [string | null, ActorRole, ActorHint | null][] {
  return mapping.spec.actors.flatMap((actor) => {
    const value = mappedValue(row, actor);
    if (value === null) return [];
    const names = actor.split === undefined ? [value] : value.split(actor.split);
    return names
      .map((name) => name.trim())
      .filter((name) => name !== "")
      .map((name): [string, ActorRole, ActorHint | null] => [
        name,
        actor.role,
        actorHint(name, false),
      ]);
  });
}

interface RangeSpec {
  best?: string;
  min?: string;
  max?: string;
  bestIs?: "min" | "max" | "mean";
}

/** best, min and max as the row gives them; best falls back on the range per `bestIs`. */
export function readRange(
  row: MappedRow,
  spec: RangeSpec | undefined,
  label: string,
): { best: number | null; range: CountRange | null } {
  if (spec === undefined) return { best: null, range: null };
  const count = (column: string | undefined) =>
    column === undefined ? null : parseCount(column, row.get(column));
  const best = count(spec.best);
  const low = count(spec.min);
  const high = count(spec.max);
  if (low !== null && high !== null && low > high) {
    row.notes.push({
      line: row.line,
      field: spec.min ?? null,
      value: String(low),
      message: `${label} min ${low} is above max ${high} (kept as the file gives them)`,
    });
  }
  const estimate = best ?? bestOfRange(low, high, spec.bestIs ?? "max");
  return { best: estimate, range: { best: estimate, low, high } };
}

function bestOfRange(low: number | null, high: number | null, bestIs: "min" | "max" | "mean") {
  if (low === null || high === null) return high ?? low;
  if (bestIs === "min") return low;
  if (bestIs === "max") return high;
  return Math.round((low + high) / 2);
}
