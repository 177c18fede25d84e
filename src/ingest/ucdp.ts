/**
 * UCDP GED in its three CSV forms — UCDP's own (49 columns), the HDX form (plus `iso3`, and a
 * second line of HXL tags), the candidate form (`code_status`, active_year true/false) — and,
 * through `ucdp-api.ts`, the API's JSON pages, which use the same field names
 * (UCDP GED Codebook, Högbladh 2023).
 */
import type { DatePrecision, GeoPrecision, SourceRecord } from "../domain/event.ts";
import { ucdpToPlover } from "../domain/ontology/index.ts";
import {
  type ColumnSpec,
  type Columns,
  matchColumns,
  type RowView,
  rawRecord,
  viewRow,
} from "./columns.ts";
import { asIso3, countryNameToIso3, gleditschWardToIso3 } from "./countries.ts";
import { parseCode, parseCount, parseDate, parseLatitude, parseLongitude, text } from "./fields.ts";
import { type OnError, problemItem, type ReadItem } from "./items.ts";
import {
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

const REQUIRED = ["id", "type_of_violence", "side_a", "side_b", "date_start", "date_end", "best"];
const OPTIONAL = [
  "relid",
  "code_status",
  "source_headline",
  "where_prec",
  "where_coordinates",
  "where_description",
  "adm_1",
  "adm_2",
  "latitude",
  "longitude",
  "country",
  "iso3",
  "country_id",
  "date_prec",
  "high",
  "low",
  "gwnoa",
  "gwnob",
];
/** GED before version 5 named the estimates best_est, low_est, high_est. */
const ALIASES: Readonly<Record<string, string[]>> = {
  best: ["best_est"],
  low: ["low_est"],
  high: ["high_est"],
};

export const UCDP_COLUMNS: readonly ColumnSpec[] = [
  ...REQUIRED.map((name) => ({ name, isRequired: true, aliases: ALIASES[name] ?? [] })),
  ...OPTIONAL.map((name) => ({ name, aliases: ALIASES[name] ?? [] })),
];

/**
 * date_prec: 1 exact day; 2 within a 2–6 day range; 3 the week; 4 within 8–30 days or the month;
 * 5 the year. date_start and date_end bound the range in every case.
 */
const DATE_PRECISION: Readonly<Record<number, DatePrecision>> = {
  1: "day",
  2: "range",
  3: "week",
  4: "month",
  5: "year",
};

/**
 * where_prec: 1 exact place; 2 within ~25 km of a place; 3 an ADM2; 4 an ADM1; 5 a part of the
 * country larger than an ADM2 that is not one ADM1 (a border area, a road) — coarser than an
 * ADM1, so "country"; 6 the country; 7 international waters or airspace, "unknown".
 */
const GEO_PRECISION: Readonly<Record<number, GeoPrecision>> = {
  1: "exact",
  2: "near",
  3: "admin2",
  4: "admin1",
  5: "country",
  6: "country",
  7: "unknown",
};

/** UCDP's coders vet every event; candidate events still flagged "Check …" are less settled. */
export const UCDP_CONFIDENCE = { clear: 0.85, check: 0.6 } as const;

export const UCDP_DATASET_LABEL = "UCDP GED";

/** The HDX form's second line: HXL hashtags (`#date+year`) in some cells, the rest empty. */
export function isHxlRow(fields: readonly string[]): boolean {
  const filled = fields.filter((field) => field.trim() !== "");
  return filled.length > 0 && filled.every((field) => field.trim().startsWith("#"));
}

export async function* ucdpItems(
  batches: AsyncIterable<Row[]>,
  context: MappingContext,
  onError: OnError,
  options: { renames?: ReadonlyMap<string, string> } = {},
): AsyncGenerator<ReadItem> {
  let columns: Columns | null = null;
  let isFirstDataRow = true;
  for await (const rows of batches) {
    for (const row of rows) {
      if (columns === null) {
        const where = { file: context.file, line: row.line, dataset: UCDP_DATASET_LABEL };
        columns = matchColumns(row.fields, UCDP_COLUMNS, where, { renames: options.renames });
        continue;
      }
      if (isFirstDataRow && isHxlRow(row.fields)) continue;
      isFirstDataRow = false;
      try {
        const view = viewRow(columns, row.fields);
        const raw = rawRecord(columns.header, row.fields);
        yield { kind: "record", ...mapUcdpRow(view, raw, row.line, context) };
      } catch (error) {
        yield problemItem(error, { file: context.file, line: row.line }, onError);
      }
    }
  }
  if (columns === null) throw fileError(`${context.file}: file is empty (no header line)`);
}

/** One GED event → SourceRecord. Throws FieldProblem for a bad value. */
export function mapUcdpRow(
  view: RowView,
  raw: Record<string, string>,
  line: number,
  context: MappingContext,
): { record: SourceRecord; inRegion: boolean } {
  const id = view.get("id").trim();
  if (!/^\d+$/.test(id)) throw new FieldProblem("id", id, "is not a UCDP event id (a number)");
  const violence = parseCode("type_of_violence", view.get("type_of_violence"), [1, 2, 3]);
  if (violence !== 1 && violence !== 2 && violence !== 3) {
    throw new FieldProblem("type_of_violence", "", "is empty; 1, 2 or 3 is required");
  }
  const dateStart = parseDate("date_start", view.get("date_start"));
  const dateEnd = parseDate("date_end", view.get("date_end"));
  if (dateEnd < dateStart) {
    throw new FieldProblem("date_end", view.get("date_end"), `is before date_start ${dateStart}`);
  }
  const datePrec = parseCode("date_prec", view.get("date_prec"), [1, 2, 3, 4, 5]);
  const wherePrec = parseCode("where_prec", view.get("where_prec"), [1, 2, 3, 4, 5, 6, 7]);
  const country = ucdpCountry(view, context);
  const actors = resolveActors(
    context,
    [
      [text(view.get("side_a")), "side_a", stateHint(view.get("gwnoa"))],
      [text(view.get("side_b")), "side_b", stateHint(view.get("gwnob"))],
    ],
    dateStart,
  );
  const plover = ucdpToPlover(violence);
  const codeStatus = view.get("code_status").trim();
  const record: SourceRecord = {
    dataset: "ucdp",
    nativeId: id,
    line,
    raw,
    version: null,
    event: {
      dateStart,
      dateEnd,
      datePrecision: datePrecisionOf(datePrec, dateStart, dateEnd),
      place: text(view.get("where_coordinates")),
      admin1: canonicalAdmin(context, country, text(view.get("adm_1")), 1),
      admin2: canonicalAdmin(context, country, text(view.get("adm_2")), 2),
      countryIso3: country,
      lat: parseLatitude("latitude", view.get("latitude")),
      lon: parseLongitude("longitude", view.get("longitude")),
      geoPrecision: wherePrec === null ? "unknown" : (GEO_PRECISION[wherePrec] ?? "unknown"),
      category: plover.category,
      mode: plover.mode,
      subtype: null,
      sourceCode: String(violence),
      ...fatalities(view),
      actors: toEventActors(actors),
      crossBorder: attributeCrossBorder(context, country, actors, relidCountry(view.get("relid"))),
      confidence: codeStatus.startsWith("Check") ? UCDP_CONFIDENCE.check : UCDP_CONFIDENCE.clear,
      summary: text(view.get("source_headline")) ?? text(view.get("where_description")),
    },
  };
  return { record, inRegion: isInRegion(context, country) };
}

function datePrecisionOf(code: number | null, start: string, end: string): DatePrecision {
  if (code !== null) return DATE_PRECISION[code] ?? "range";
  return start === end ? "day" : "range";
}

function fatalities(view: RowView) {
  return {
    fatalitiesBest: parseCount("best", view.get("best"), true),
    fatalitiesLow: parseCount("low", view.get("low")),
    fatalitiesHigh: parseCount("high", view.get("high")),
  };
}

/** The HDX form's `iso3`, else the Gleditsch–Ward `country_id`, else the country name. */
function ucdpCountry(view: RowView, context: MappingContext): string | null {
  return (
    asIso3(view.get("iso3")) ??
    gleditschWardToIso3(view.get("country_id")) ??
    countryNameToIso3(view.get("country")) ??
    countryFromProfile(context, view.get("country"))
  );
}

/** gwnoa/gwnob: the state's Gleditsch–Ward number when a side is a government. */
function stateHint(code: string): ActorHint | null {
  const basedIn = gleditschWardToIso3(code);
  return basedIn === null ? null : { basedIn, isState: true };
}

/**
 * relid starts with the country the conflict is coded in ("PAK-2026-1-…"): on a row located in
 * the other party it marks spill-over across the border (a PAK- relid in Afghanistan is a
 * Pakistani strike there).
 */
function relidCountry(relid: string): string | null {
  const prefix = /^([A-Z]{3})-/.exec(relid.trim());
  return prefix?.[1] ?? null;
}
