/**
 * ACLED: the 31-column export (`event_id_cnty` … `timestamp`), older exports (`data_id`,
 * `event_id_no_cnty`, `iso3`), subsets with fewer columns, and the deletions file. Columns are
 * found by name, case-insensitively (ACLED codebook; acledR `acled_codebook`).
 */
import type { DatePrecision, GeoPrecision, SourceRecord } from "../domain/event.ts";
import { acledToPlover, parseAcledSubEventType } from "../domain/ontology/index.ts";
import { acledKey, KeyDeduper } from "./acled-key.ts";
import {
  type ColumnSpec,
  type Columns,
  matchColumns,
  type RowView,
  rawRecord,
  viewRow,
} from "./columns.ts";
import { asIso3, countryNameToIso3, isoNumericToIso3 } from "./countries.ts";
import { parseCode, parseCount, parseDate, parseLatitude, parseLongitude, text } from "./fields.ts";
import { type OnError, problemItem, type ReadItem } from "./items.ts";
import {
  type ActorFact,
  type ActorHint,
  attributeCrossBorder,
  canonicalAdmin,
  countryFromProfile,
  isInRegion,
  type MappingContext,
  resolveActors,
  toEventActors,
} from "./mapping.ts";
import type { Row } from "./read-csv.ts";
import { FieldProblem, fileError } from "./row-error.ts";

const required = (name: string, aliases: string[] = []): ColumnSpec => ({
  name,
  aliases,
  isRequired: true,
});
const optional = (name: string, aliases: string[] = []): ColumnSpec => ({ name, aliases });

/** The columns the adapter reads. `type`/`sub_type` are names seen in re-published subsets. */
export const ACLED_COLUMNS: readonly ColumnSpec[] = [
  optional("event_id_cnty"),
  required("event_date"),
  optional("time_precision"),
  required("event_type", ["type"]),
  required("sub_event_type", ["sub_type"]),
  required("actor1"),
  optional("assoc_actor_1"),
  optional("inter1"),
  optional("actor2"),
  optional("assoc_actor_2"),
  optional("iso"),
  optional("iso3"),
  optional("country"),
  optional("admin1"),
  optional("admin2"),
  optional("location"),
  optional("latitude"),
  optional("longitude"),
  optional("geo_precision"),
  optional("notes"),
  required("fatalities"),
  optional("timestamp"),
];

export const ACLED_DELETION_COLUMNS: readonly ColumnSpec[] = [
  required("event_id_cnty"),
  required("deleted_timestamp"),
];

/** ACLED time_precision: 1 the day, 2 the week, 3 the month is known. */
const TIME_PRECISION: Readonly<Record<number, DatePrecision>> = { 1: "day", 2: "week", 3: "month" };
/** ACLED geo_precision: 1 the town, 2 near it / part of a region (admin2), 3 a larger region. */
const GEO_PRECISION: Readonly<Record<number, GeoPrecision>> = {
  1: "exact",
  2: "near",
  3: "admin1",
};

/** Human coders, several sources per event: a high, uniform default. */
export const ACLED_CONFIDENCE = 0.8;

/** True for the header of an ACLED deletions file rather than of an events file. */
export function isAcledDeletionsHeader(header: readonly string[]): boolean {
  const names = new Set(header.map((name) => name.trim().toLowerCase()));
  return names.has("deleted_timestamp") && !names.has("event_date");
}

export async function* acledItems(
  batches: AsyncIterable<Row[]>,
  context: MappingContext,
  onError: OnError,
): AsyncGenerator<ReadItem> {
  let columns: Columns | null = null;
  let isDeletions = false;
  const keys = new KeyDeduper();
  for await (const rows of batches) {
    for (const row of rows) {
      if (columns === null) {
        isDeletions = isAcledDeletionsHeader(row.fields);
        const specs = isDeletions ? ACLED_DELETION_COLUMNS : ACLED_COLUMNS;
        const dataset = isDeletions ? "ACLED deletions" : "ACLED";
        columns = matchColumns(row.fields, specs, { file: context.file, line: row.line, dataset });
        continue;
      }
      try {
        if (isDeletions) yield mapAcledDeletion(columns, row);
        else {
          const mapped = mapAcledRow(columns, row, context);
          mapped.record.nativeId = keys.unique(mapped.record.nativeId, mapped.isDerivedKey);
          yield { kind: "record", record: mapped.record, inRegion: mapped.inRegion };
        }
      } catch (error) {
        yield problemItem(error, { file: context.file, line: row.line }, onError);
      }
    }
  }
  if (columns === null) throw fileError(`${context.file}: file is empty (no header line)`);
}

export function mapAcledDeletion(columns: Columns, row: Row): ReadItem {
  const view = viewRow(columns, row.fields);
  const nativeId = text(view.get("event_id_cnty"));
  if (nativeId === null) throw new FieldProblem("event_id_cnty", "", "is empty");
  const stamp = view.get("deleted_timestamp");
  const seconds = Number(stamp.trim());
  if (stamp.trim() === "" || !Number.isSafeInteger(seconds) || seconds < 0) {
    throw new FieldProblem("deleted_timestamp", stamp, "is not a Unix time in seconds");
  }
  return { kind: "deletion", nativeId, deletedAt: new Date(seconds * 1000).toISOString() };
}

export interface MappedAcledRow {
  record: SourceRecord;
  inRegion: boolean;
  /** True when the file has no event_id_cnty and the key was derived from the row. */
  isDerivedKey: boolean;
}

/** One ACLED row → SourceRecord. Throws FieldProblem for a bad value. */
export function mapAcledRow(columns: Columns, row: Row, context: MappingContext): MappedAcledRow {
  const view = viewRow(columns, row.fields);
  const date = parseDate("event_date", view.get("event_date"));
  const subEventType = view.get("sub_event_type").trim();
  const plover = acledToPlover(subEventType);
  const subtype = parseAcledSubEventType(subEventType);
  if (plover === undefined || subtype === undefined) {
    throw new FieldProblem("sub_event_type", subEventType, "is not an ACLED sub-event type");
  }
  const timePrecision = parseCode("time_precision", view.get("time_precision"), [1, 2, 3]);
  const geoPrecision = parseCode("geo_precision", view.get("geo_precision"), [1, 2, 3]);
  const lat = parseLatitude("latitude", view.get("latitude"));
  const lon = parseLongitude("longitude", view.get("longitude"));
  const fatalities = parseCount("fatalities", view.get("fatalities"), true);
  const rawAdmin1 = text(view.get("admin1"));
  const country = acledCountry(view.get, rawAdmin1, context);
  const actors = acledActors(view, context, date);
  const ownId = text(view.get("event_id_cnty"));
  const record: SourceRecord = {
    dataset: "acled",
    nativeId: ownId ?? acledKey(view.get, date, lat, lon),
    line: row.line,
    raw: rawRecord(columns.header, row.fields),
    version: text(view.get("timestamp")),
    event: {
      dateStart: date,
      dateEnd: date,
      datePrecision: timePrecision === null ? "day" : (TIME_PRECISION[timePrecision] ?? "day"),
      place: text(view.get("location")),
      admin1: canonicalAdmin(context, country, rawAdmin1, 1),
      admin2: canonicalAdmin(context, country, text(view.get("admin2")), 2),
      countryIso3: country,
      lat,
      lon,
      geoPrecision: geoPrecision === null ? "unknown" : (GEO_PRECISION[geoPrecision] ?? "unknown"),
      category: plover.category,
      mode: plover.mode,
      subtype, // ACLED's current spelling; sourceCode keeps the file's
      sourceCode: subEventType,
      fatalitiesBest: fatalities,
      fatalitiesLow: null,
      fatalitiesHigh: null,
      actors: toEventActors(actors),
      crossBorder: attributeCrossBorder(context, country, actors),
      confidence: ACLED_CONFIDENCE,
      summary: text(view.get("notes")),
    },
  };
  return { record, inRegion: isInRegion(context, country), isDerivedKey: ownId === null };
}

/**
 * The country: `iso3`, else the numeric `iso`, else the `country` name; subsets that have none of
 * them (the Balochistan file) get the one party whose profile knows the admin1 name.
 */
function acledCountry(
  get: (name: string) => string,
  admin1: string | null,
  context: MappingContext,
): string | null {
  const direct =
    asIso3(get("iso3")) ??
    isoNumericToIso3(get("iso")) ??
    countryNameToIso3(get("country")) ??
    countryFromProfile(context, get("country"));
  if (direct !== null) return direct;
  const { resolver } = context;
  if (admin1 === null || resolver === null) return null;
  const matches = context.parties.filter((party) => resolver.admin(party, admin1, 1) !== null);
  return matches.length === 1 ? (matches[0] ?? null) : null;
}

function acledActors(view: RowView, context: MappingContext, date: string): ActorFact[] {
  // inter1/inter2: code 1 in older exports, "State forces" in newer ones.
  const isState = (column: string) => /^(1|state forces)$/i.test(view.get(column).trim());
  return resolveActors(
    context,
    [
      [text(view.get("actor1")), "actor1", actorHint(view.get("actor1"), isState("inter1"))],
      ...splitAssociates(view.get("assoc_actor_1"), "assoc1"),
      [text(view.get("actor2")), "actor2", actorHint(view.get("actor2"), isState("inter2"))],
      ...splitAssociates(view.get("assoc_actor_2"), "assoc2"),
    ],
    date,
  );
}

const FORCES_OF = /^(?:Military|Police|Government|Naval|Air) Forces? of (.+?)\s*(?:\(|$)/i;

/** ACLED names state forces "Military Forces of Pakistan (2018-)": the name says where. */
function actorHint(name: string, isStateCode: boolean): ActorHint | null {
  const match = FORCES_OF.exec(name.trim());
  const basedIn = match?.[1] === undefined ? null : countryNameToIso3(match[1]);
  if (basedIn === null && !isStateCode) return null;
  return { basedIn, isState: basedIn !== null || isStateCode };
}

function splitAssociates(value: string, role: "assoc1" | "assoc2") {
  return value
    .split(";")
    .map((name) => name.trim())
    .filter((name) => name !== "")
    .map((name): [string, "assoc1" | "assoc2", ActorHint | null] => [
      name,
      role,
      actorHint(name, false),
    ]);
}
