/**
 * Any CSV table through a mapping (csv-mapping.ts): each row becomes an event of dataset "csv"
 * whose native id is `<mapping dataset>:<key>`. Rows the mapping skips (a totals line) are
 * reported, not imported; the mapping's fixes change values before they are read, while the
 * stored raw row stays as the file has it.
 */
import type { SourceRecord } from "../domain/event.ts";
import { derivedKey, KeyDeduper } from "./acled-key.ts";
import { rawRecord } from "./columns.ts";
import {
  type MappedRow,
  readActors,
  readDates,
  readPlace,
  readRange,
  readType,
} from "./csv-fields.ts";
import { type CsvMapping, normaliseValue } from "./csv-mapping.ts";
import { text } from "./fields.ts";
import {
  type FileTotals,
  type OnError,
  problemItem,
  type ReadItem,
  type RecordDetails,
  type RowNote,
} from "./items.ts";
import {
  attributeCrossBorder,
  isInRegion,
  type MappingContext,
  resolveActors,
  toEventActors,
} from "./mapping.ts";
import type { Row } from "./read-csv.ts";
import { FieldProblem, fileError } from "./row-error.ts";

interface Header {
  names: readonly string[];
  /** Mapping column name (as written there) → index. */
  index: ReadonlyMap<string, number>;
}

export async function* csvItems(
  batches: AsyncIterable<Row[]>,
  mapping: CsvMapping,
  context: MappingContext,
  onError: OnError,
): AsyncGenerator<ReadItem> {
  let header: Header | null = null;
  const keys = new KeyDeduper();
  const fixes = mapping.spec.fixes.map((fix) => ({ ...fix, regex: new RegExp(fix.match, "g") }));
  for await (const rows of batches) {
    for (const row of rows) {
      if (header === null) {
        header = matchMappingHeader(row, mapping, context.file);
        continue;
      }
      try {
        if (row.fields.length !== header.names.length) {
          throw new FieldProblem(
            null,
            null,
            `has ${row.fields.length} fields where the header has ${header.names.length}`,
          );
        }
        const index = header.index;
        const notes: RowNote[] = [];
        const fields = applyFixes(row, index, fixes, notes);
        const mapped: MappedRow = {
          line: row.line,
          get: (name) => fields[index.get(name) ?? -1] ?? "",
          notes,
        };
        const skip = skipRule(mapping, mapped);
        if (skip !== null) {
          yield skip;
          continue;
        }
        const item = mapCsvRow(mapped, rawRecord(header.names, row.fields), mapping, context);
        item.record.nativeId = keys.unique(item.record.nativeId, item.isDerivedKey);
        yield { kind: "record", ...item.fields, notes };
      } catch (error) {
        yield problemItem(error, { file: context.file, line: row.line }, onError);
      }
    }
  }
  if (header === null) throw fileError(`${context.file}: file is empty (no header line)`);
}

/** Finds every column the mapping names (ignoring case and outer spaces) or says which is not. */
function matchMappingHeader(row: Row, mapping: CsvMapping, file: string): Header {
  const positions = new Map<string, number>();
  row.fields.forEach((name, i) => {
    const key = normaliseValue(name);
    if (!positions.has(key)) positions.set(key, i);
  });
  const index = new Map<string, number>();
  for (const { column, path } of mapping.columns) {
    const at = positions.get(normaliseValue(column));
    if (at === undefined) {
      const names = row.fields.map((name) => JSON.stringify(name.trim())).join(", ");
      throw fileError(
        `${file} line ${row.line}: the mapping ${mapping.source} names column ` +
          `${JSON.stringify(column)} (at ${path}), which the file does not have; its columns: ${names}`,
      );
    }
    index.set(column, at);
  }
  return { names: row.fields, index };
}

function applyFixes(
  row: Row,
  index: ReadonlyMap<string, number>,
  fixes: readonly { column: string; regex: RegExp; replace: string; reason?: string }[],
  notes: RowNote[],
): string[] {
  if (fixes.length === 0) return row.fields;
  const fields = [...row.fields];
  for (const fix of fixes) {
    const i = index.get(fix.column) ?? -1;
    const before = fields[i];
    if (before === undefined) continue;
    const after = before.replace(fix.regex, fix.replace);
    if (after !== before) {
      fields[i] = after;
      const why = fix.reason === undefined ? "" : ` (${fix.reason})`;
      notes.push({
        line: row.line,
        field: fix.column,
        value: before,
        message: `fixed by the mapping to ${JSON.stringify(after)}${why}`,
      });
    }
  }
  return fields;
}

function skipRule(mapping: CsvMapping, row: MappedRow): ReadItem | null {
  for (const rule of mapping.spec.skip) {
    const value = row.get(rule.column);
    const isHit =
      (rule.empty === true && value.trim() === "") ||
      (rule.equals !== undefined && value.trim() === rule.equals) ||
      (rule.matches !== undefined && new RegExp(rule.matches).test(value));
    if (!isHit) continue;
    const reason = rule.reason ?? (rule.totals ? "the file's totals line" : `${rule.column} rule`);
    const totals: FileTotals | null = rule.totals
      ? {
          line: row.line,
          fatalities: readRange(row, mapping.spec.fatalities, "fatalities").range,
          injured: readRange(row, mapping.spec.injured, "injured").range,
        }
      : null;
    return { kind: "skipped", line: row.line, reason, totals };
  }
  return null;
}

interface CsvRowItem {
  record: SourceRecord;
  isDerivedKey: boolean;
  fields: Pick<Extract<ReadItem, { kind: "record" }>, "record" | "inRegion" | "details">;
}

function mapCsvRow(
  row: MappedRow,
  raw: Record<string, string>,
  mapping: CsvMapping,
  context: MappingContext,
): CsvRowItem {
  const { spec } = mapping;
  const { dateStart, dateEnd } = readDates(row, mapping);
  const place = readPlace(row, mapping, context);
  const type = readType(row, mapping);
  const fatalities = readRange(row, spec.fatalities, "fatalities");
  const injured = readRange(row, spec.injured, "injured");
  const actors = resolveActors(context, readActors(row, mapping), dateStart);
  const summary = (spec.text ?? [])
    .map((name) => text(row.get(name)))
    .filter((part): part is string => part !== null)
    .join(" — ");
  const ownKey = spec.key?.map((name) => row.get(name).trim());
  const emptyKey = spec.key?.find((name) => row.get(name).trim() === "");
  if (emptyKey !== undefined) {
    throw new FieldProblem(emptyKey, null, "is empty, and the mapping's key needs it");
  }
  const derived = derivedKey("h-", {
    date: dateStart,
    eventType: type.subtype ?? `${type.category}/${type.mode}`,
    admin1: place.admin1Raw ?? "",
    admin2: place.admin2Raw ?? "",
    location: place.name ?? "",
    lat: place.lat,
    lon: place.lon,
  });
  const record: SourceRecord = {
    dataset: "csv",
    nativeId: `${mapping.dataset}:${ownKey === undefined ? derived : ownKey.join("|")}`,
    line: row.line,
    raw,
    version: null,
    event: {
      dateStart,
      dateEnd,
      datePrecision: dateStart === dateEnd ? spec.date.precision : "range",
      place: place.name,
      admin1: place.admin1,
      admin2: place.admin2,
      countryIso3: place.country,
      lat: place.lat,
      lon: place.lon,
      geoPrecision: place.precision,
      category: type.category,
      mode: type.mode,
      subtype: type.subtype,
      sourceCode: type.sourceCode,
      fatalitiesBest: fatalities.best,
      fatalitiesLow: fatalities.range?.low ?? null,
      fatalitiesHigh: fatalities.range?.high ?? null,
      actors: toEventActors(actors),
      crossBorder: attributeCrossBorder(context, place.country, actors),
      confidence: spec.confidence,
      summary: summary === "" ? null : summary,
    },
  };
  const details: RecordDetails = {};
  if (injured.range !== null) details.injured = injured.range;
  if (spec.sourceUrl !== undefined) details.sourceUrl = text(row.get(spec.sourceUrl));
  return {
    record,
    isDerivedKey: ownKey === undefined,
    fields: { record, inRegion: isInRegion(context, place.country), details },
  };
}
