/**
 * ACLED: the 31-column export (`event_id_cnty` … `timestamp`), older exports (`data_id`,
 * `event_id_no_cnty`, `iso3`), subsets with fewer columns, and the deletions file. Columns are
 * found by name, case-insensitively (ACLED codebook; acledR `acled_codebook`).
 */
import type { DatePrecision, GeoPrecision, SourceRecord } from "../domain/event.ts";
import {
  ACLED_EVENT_TYPES,
  ACLED_SUB_EVENT_TYPES,
  type AcledEventType,
  type AcledSubEventType,
  acledToPlover,
  parseAcledSubEventType,
} from "../domain/ontology/index.ts";
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

/**
 * The columns the adapter reads. Only `event_date` is required on its own; an event also needs a
 * type and a place (ACLED_REQUIRED_GROUPS), everything else may be missing, as in the API's
 * `fields=` exports. `type`/`sub_type` are names seen in re-published subsets.
 */
export const ACLED_COLUMNS: readonly ColumnSpec[] = [
  optional("event_id_cnty"),
  required("event_date"),
  optional("time_precision"),
  optional("event_type", ["type"]),
  optional("sub_event_type", ["sub_type"]),
  optional("actor1"),
  optional("assoc_actor_1"),
  optional("inter1"),
  optional("actor2"),
  optional("assoc_actor_2"),
  optional("inter2"),
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
  optional("fatalities"),
  optional("timestamp"),
];

/** An event type, and a place: at least one column of each group. */
const ACLED_REQUIRED_GROUPS = [
  ["sub_event_type", "event_type"],
  ["country", "iso3", "iso", "admin1", "latitude"],
] as const;

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

export interface AcledReadOptions {
  /** `--columns`: file column (lower case) → ACLED column name. */
  renames?: ReadonlyMap<string, string>;
}

export async function* acledItems(
  batches: AsyncIterable<Row[]>,
  context: MappingContext,
  onError: OnError,
  options: AcledReadOptions = {},
): AsyncGenerator<ReadItem> {
  let columns: Columns | null = null;
  let isDeletions = false;
  const keys = new KeyDeduper();
  for await (const rows of batches) {
    for (const row of rows) {
      if (columns === null) {
        isDeletions = isAcledDeletionsHeader(row.fields);
        columns = isDeletions
          ? matchColumns(row.fields, ACLED_DELETION_COLUMNS, {
              file: context.file,
              line: row.line,
              dataset: "ACLED deletions",
            })
          : matchAcledHeader(row, context.file, options);
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

function matchAcledHeader(row: Row, file: string, options: AcledReadOptions): Columns {
  const where = { file, line: row.line, dataset: "ACLED" };
  const columns = matchColumns(row.fields, ACLED_COLUMNS, where, {
    renames: options.renames,
    anyOf: ACLED_REQUIRED_GROUPS,
    hint: " (if the file calls one otherwise: --columns FILE_COLUMN=acled_column)",
  });
  const hasLat = columns.index.has("latitude");
  if (hasLat !== columns.index.has("longitude")) {
    const missing = hasLat ? "longitude" : "latitude";
    throw fileError(`${file} line ${row.line}: not an ACLED file: missing columns "${missing}"`);
  }
  return columns;
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

/**
 * PLOVER types for a row that gives only ACLED's broad event type. Where a type spans several
 * modes the mode is left null; "Strategic developments" spans several categories, so those are
 * null too and the row keeps the type as its source code.
 */
const EVENT_TYPE_PLOVER: Readonly<
  Record<AcledEventType, { category: string | null; mode: string | null }>
> = {
  Battles: { category: "ASSAULT", mode: "sideAB" }, // two-sided by ACLED's definition
  "Explosions/Remote violence": { category: "ASSAULT", mode: null },
  "Violence against civilians": { category: "ASSAULT", mode: null },
  Protests: { category: "PROTEST", mode: "demo" },
  Riots: { category: "PROTEST", mode: "riot" },
  "Strategic developments": { category: null, mode: null },
};

const EVENT_TYPE_BY_NAME: ReadonlyMap<string, AcledEventType> = new Map(
  ACLED_EVENT_TYPES.map((name): [string, AcledEventType] => [name.toLowerCase(), name]),
);

interface AcledType {
  category: string | null;
  mode: string | null;
  subtype: AcledSubEventType | null;
  eventType: AcledEventType;
  sourceCode: string;
}

/** The sub-event type when the row gives one, else the broad event type. */
function acledType(view: RowView): AcledType {
  const subEventType = view.get("sub_event_type").trim();
  const eventTypeText = view.get("event_type").trim();
  if (subEventType !== "") {
    const subtype = parseAcledSubEventType(subEventType);
    const plover = acledToPlover(subEventType);
    const info = ACLED_SUB_EVENT_TYPES.find((type) => type.name === subtype);
    if (subtype === undefined || plover === undefined || info === undefined) {
      throw new FieldProblem("sub_event_type", subEventType, "is not an ACLED sub-event type");
    }
    return { ...plover, subtype, eventType: info.eventType, sourceCode: subEventType };
  }
  const eventType = EVENT_TYPE_BY_NAME.get(eventTypeText.replace(/\s+/g, " ").toLowerCase());
  if (eventType === undefined) {
    if (eventTypeText === "") {
      const field = view.has("sub_event_type") ? "sub_event_type" : "event_type";
      throw new FieldProblem(field, null, "is empty; an event type is required");
    }
    throw new FieldProblem("event_type", eventTypeText, "is not an ACLED event type");
  }
  return { ...EVENT_TYPE_PLOVER[eventType], subtype: null, eventType, sourceCode: eventTypeText };
}

/** A row must say where: a country, an admin1 or coordinates. */
function checkPlace(view: RowView, lat: number | null, lon: number | null): void {
  if ((lat === null) !== (lon === null)) {
    const field = lat === null ? "latitude" : "longitude";
    throw new FieldProblem(field, null, "is empty while the other coordinate is given");
  }
  const hasName = ["country", "iso3", "iso", "admin1"].some((name) => view.get(name).trim());
  if (!hasName && lat === null) {
    throw new FieldProblem(null, null, "has no place: country, admin1 and coordinates are empty");
  }
}

/** One ACLED row → SourceRecord. Throws FieldProblem for a bad value. */
export function mapAcledRow(columns: Columns, row: Row, context: MappingContext): MappedAcledRow {
  const view = viewRow(columns, row.fields);
  const date = parseDate("event_date", view.get("event_date"));
  const type = acledType(view);
  const timePrecision = parseCode("time_precision", view.get("time_precision"), [1, 2, 3]);
  const geoPrecision = parseCode("geo_precision", view.get("geo_precision"), [1, 2, 3]);
  const lat = parseLatitude("latitude", view.get("latitude"));
  const lon = parseLongitude("longitude", view.get("longitude"));
  checkPlace(view, lat, lon);
  const fatalities = parseCount("fatalities", view.get("fatalities"));
  const rawAdmin1 = text(view.get("admin1"));
  const country = acledCountry(view.get, rawAdmin1, context);
  const actors = acledActors(view, context, date);
  const ownId = text(view.get("event_id_cnty"));
  const keyParts = {
    date,
    eventType: type.eventType,
    admin1: view.get("admin1"),
    admin2: view.get("admin2"),
    location: view.get("location"),
    lat,
    lon,
  };
  const record: SourceRecord = {
    dataset: "acled",
    nativeId: ownId ?? acledKey(keyParts),
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
      category: type.category,
      mode: type.mode,
      subtype: type.subtype, // ACLED's current spelling; sourceCode keeps the file's
      sourceCode: type.sourceCode,
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
export function actorHint(name: string, isStateCode: boolean): ActorHint | null {
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
