/**
 * GDELT event exports: 2.0 (`*.export.CSV`, 61 columns, DATEADDED YYYYMMDDHHMMSS UTC) and 1.0
 * (57 or 58 columns, DATEADDED YYYYMMDD). Tab-separated, no header, no quoting. CAMEO codes stay
 * strings, leading zeros kept ("0211"). A file's first row fixes its layout; a later row with a
 * different number of columns is a bad row.
 */
import type { GeoPrecision, SourceRecord } from "../domain/event.ts";
import { cameoToPlover, fipsToIso3 } from "../domain/ontology/index.ts";
import {
  parseCode,
  parseCount,
  parseDate,
  parseLatitude,
  parseLongitude,
  parseTimestamp14,
  text,
} from "./fields.ts";
import { GDELT_LAYOUTS, GDELT_V2_COLUMNS, type GdeltColumn } from "./gdelt-columns.ts";
import { type OnError, problemItem, type ReadItem } from "./items.ts";
import {
  type ActorFact,
  type ActorHint,
  attributeCrossBorder,
  canonicalAdmin,
  isInRegion,
  type MappingContext,
  resolveActor,
  toEventActors,
} from "./mapping.ts";
import type { Row } from "./read-csv.ts";
import { FieldProblem, fileError } from "./row-error.ts";

/** Geo_Type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state (ADM1). */
const GEO_PRECISION: Readonly<Record<number, GeoPrecision>> = {
  0: "unknown",
  1: "country",
  2: "admin1",
  3: "exact",
  4: "exact",
  5: "admin1",
};

/** Machine-coded from news text, one event often several times: low, uniform confidence. */
export const GDELT_CONFIDENCE = 0.3;

/** CAMEO actor types that are a state's armed forces or police. */
const FORCE_TYPES: ReadonlySet<string> = new Set(["MIL", "COP"]);

type Get = (name: GdeltColumn) => string;

export async function* gdeltItems(
  batches: AsyncIterable<Row[]>,
  context: MappingContext,
  onError: OnError,
): AsyncGenerator<ReadItem> {
  let index: ReadonlyMap<string, number> | null = null;
  let width = 0;
  let hasRows = false;
  for await (const rows of batches) {
    for (const row of rows) {
      hasRows = true;
      try {
        if (index === null) {
          const layout = GDELT_LAYOUTS.get(row.fields.length);
          if (layout === undefined) throw badWidth(row.fields.length, null);
          index = new Map(layout.map((name, i) => [name, i]));
          width = layout.length;
        }
        if (row.fields.length !== width) throw badWidth(row.fields.length, width);
        const columns = index;
        const get: Get = (name) => {
          const i = columns.get(name);
          return i === undefined ? "" : (row.fields[i] ?? "");
        };
        yield { kind: "record", ...mapGdeltRow(get, row, width, context) };
      } catch (error) {
        yield problemItem(error, { file: context.file, line: row.line }, onError);
      }
    }
  }
  if (!hasRows) throw fileError(`${context.file}: file is empty`);
}

function badWidth(found: number, expected: number | null): FieldProblem {
  const rule =
    expected === null
      ? "a GDELT event row has 61 (2.0) or 58 or 57 (1.0)"
      : `the file's rows have ${expected} (GDELT ${expected === GDELT_V2_COLUMNS.length ? "2.0" : "1.0"})`;
  return new FieldProblem(null, null, `has ${found} columns; ${rule}`);
}

/** One GDELT event → SourceRecord. Throws FieldProblem for a bad value. */
export function mapGdeltRow(
  get: Get,
  row: Row,
  width: number,
  context: MappingContext,
): { record: SourceRecord; inRegion: boolean } {
  const id = get("GLOBALEVENTID").trim();
  if (!/^\d+$/.test(id)) throw new FieldProblem("GLOBALEVENTID", id, "is not a GDELT event id");
  const date = parseDate("SQLDATE", get("SQLDATE"));
  const added =
    width === GDELT_V2_COLUMNS.length
      ? parseTimestamp14("DATEADDED", get("DATEADDED"))
      : parseDate("DATEADDED", get("DATEADDED"));
  const code = get("EventCode").trim();
  if (!/^\d{2,4}$/.test(code))
    throw new FieldProblem("EventCode", code, "is not a CAMEO event code");
  parseCount("NumMentions", get("NumMentions"));
  const geoType = parseCode("ActionGeo_Type", get("ActionGeo_Type"), [0, 1, 2, 3, 4, 5]) ?? 0;
  const country = fipsToIso3(get("ActionGeo_CountryCode")) ?? null;
  const actors = [
    gdeltActor(get, "Actor1", context, date),
    gdeltActor(get, "Actor2", context, date),
  ].filter((actor): actor is ActorFact => actor !== null);
  const plover = cameoToPlover(code);
  const record: SourceRecord = {
    dataset: "gdelt",
    nativeId: id,
    line: row.line,
    raw: row.fields,
    version: added,
    event: {
      dateStart: date,
      dateEnd: date,
      datePrecision: "day",
      place: text(get("ActionGeo_FullName")),
      admin1: gdeltAdmin1(get, geoType, country, context),
      admin2: null,
      countryIso3: country,
      lat: parseLatitude("ActionGeo_Lat", get("ActionGeo_Lat")),
      lon: parseLongitude("ActionGeo_Long", get("ActionGeo_Long")),
      geoPrecision: GEO_PRECISION[geoType] ?? "unknown",
      category: plover?.category ?? null,
      mode: plover?.mode ?? null,
      subtype: null,
      sourceCode: code,
      fatalitiesBest: null,
      fatalitiesLow: null,
      fatalitiesHigh: null,
      actors: toEventActors(actors),
      crossBorder: attributeCrossBorder(context, country, actors),
      confidence: GDELT_CONFIDENCE,
      summary: gdeltSummary(actors, code, plover?.category ?? null),
    },
  };
  // About a region country (CAMEO actor country codes are ISO3-like: PAK, AFG) or in one.
  const actorCountries = [text(get("Actor1CountryCode")), text(get("Actor2CountryCode"))];
  return { record, inRegion: isInRegion(context, country, { actorCountries }) };
}

/**
 * An actor by name, else by CAMEO code ("PAKMIL"); an unknown actor whose CAMEO type is MIL or
 * COP counts as the forces of its CAMEO country (ISO3-based codes).
 */
function gdeltActor(
  get: Get,
  prefix: "Actor1" | "Actor2",
  context: MappingContext,
  date: string,
): ActorFact | null {
  const name = text(get(`${prefix}Name`));
  const code = text(get(`${prefix}Code`));
  if (name === null && code === null) return null;
  const role = prefix === "Actor1" ? "actor1" : "actor2";
  const country = text(get(`${prefix}CountryCode`));
  const isForce = FORCE_TYPES.has(get(`${prefix}Type1Code`).trim());
  const hint: ActorHint | null =
    isForce && country !== null ? { basedIn: country, isState: true } : null;
  const byName = resolveActor(context, name ?? code ?? "", role, hint, date);
  if (byName.actorId !== null || code === null || name === null) return byName;
  const byCode = resolveActor(context, code, role, hint, date);
  return { ...byCode, name };
}

/**
 * ActionGeo_ADM1Code is a FIPS admin code ("PK03") that the profile may list; failing that, the
 * admin1 name is the part of ActionGeo_FullName before the country ("Peshawar, North-West
 * Frontier, Pakistan" for a city, "North-West Frontier, Pakistan" for a state).
 */
function gdeltAdmin1(
  get: Get,
  geoType: number,
  country: string | null,
  context: MappingContext,
): string | null {
  const code = text(get("ActionGeo_ADM1Code"));
  const byCode = code === null ? null : (context.resolver?.admin(country, code, 1) ?? null);
  if (byCode !== null) return byCode.name;
  const parts = get("ActionGeo_FullName")
    .split(",")
    .map((part) => part.trim());
  const isCity = geoType === 3 || geoType === 4;
  const isState = geoType === 2 || geoType === 5;
  const name = isCity && parts.length >= 3 ? parts[parts.length - 2] : isState ? parts[0] : null;
  return canonicalAdmin(context, country, text(name ?? ""), 1);
}

/** "PAKISTAN ASSAULT AFGHANISTAN (CAMEO 190)": who, the PLOVER category, whom, the code. */
function gdeltSummary(actors: readonly ActorFact[], code: string, category: string | null): string {
  const nameOf = (role: string) => actors.find((actor) => actor.role === role)?.name;
  const parts = [nameOf("actor1") ?? "(no actor)", category ?? "event", nameOf("actor2")];
  return `${parts.filter((part) => part !== undefined).join(" ")} (CAMEO ${code})`;
}
