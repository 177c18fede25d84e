/**
 * The UCDP/PRIO Armed Conflict Dataset: one row per conflict and year with at least 25 battle
 * deaths (UCDP/PRIO Armed Conflict Dataset Codebook, version 25.1). Read from UCDP's CSV or from a
 * copy re-saved through Excel (`;`-separated, dates d-m-yyyy, CRLF): columns by name, either
 * `snake_case` or the older run-together names (`ConflictId`, `SideA`, …).
 *
 * Codes, as the codebook gives them:
 * - incompatibility 1 territory, 2 government, 3 both;
 * - intensity_level 1 minor (25–999 battle deaths in the year), 2 war (≥ 1,000);
 * - cumulative_intensity 1 once the conflict has passed 1,000 deaths in all;
 * - type_of_conflict 1 extrasystemic, 2 interstate, 3 intrastate, 4 internationalized intrastate;
 * - start_prec / start_prec2 / ep_end_prec 1 day … 5 year known only approximately (kept as is);
 * - gwno_* Gleditsch–Ward numbers, several joined by ", " ("700, 770").
 */
import { type ColumnSpec, type Columns, matchColumns, rawRecord, viewRow } from "./columns.ts";
import { gleditschWardToIso3 } from "./countries.ts";
import { parseCode, parseDate, text } from "./fields.ts";
import type { OnError } from "./items.ts";
import type { MappingContext } from "./mapping.ts";
import type { Row } from "./read-csv.ts";
import {
  FieldProblem,
  fieldError,
  fileError,
  type RowError,
  rowErrorToAppError,
} from "./row-error.ts";

export interface ConflictYear {
  conflictId: number;
  year: number;
  location: string;
  sideA: string;
  sideAId: string | null;
  sideA2nd: string | null;
  sideB: string;
  sideBId: string | null;
  sideB2nd: string | null;
  incompatibility: number;
  territoryName: string | null;
  intensityLevel: number;
  cumulativeIntensity: number | null;
  typeOfConflict: number;
  startDate: string | null;
  startPrec: number | null;
  startDate2: string | null;
  startPrec2: number | null;
  /** True when the conflict episode ended in this year. */
  epEnd: boolean | null;
  epEndDate: string | null;
  epEndPrec: number | null;
  gwnoA: string | null;
  gwnoA2nd: string | null;
  gwnoB: string | null;
  gwnoB2nd: string | null;
  gwnoLoc: string | null;
  /** ISO3 of the countries in gwno_loc that the code tables know. */
  locationIso3: string[];
  region: string | null;
  version: string | null;
}

export type ConflictItem =
  | {
      kind: "conflict";
      conflict: ConflictYear;
      line: number;
      raw: Record<string, string>;
      inRegion: boolean;
    }
  | { kind: "error"; error: RowError };

const REQUIRED = [
  "conflict_id",
  "year",
  "location",
  "side_a",
  "side_b",
  "incompatibility",
  "intensity_level",
  "type_of_conflict",
];
const OPTIONAL = [
  "side_a_id",
  "side_a_2nd",
  "side_b_id",
  "side_b_2nd",
  "territory_name",
  "cumulative_intensity",
  "start_date",
  "start_prec",
  "start_date2",
  "start_prec2",
  "ep_end",
  "ep_end_date",
  "ep_end_prec",
  "gwno_a",
  "gwno_a_2nd",
  "gwno_b",
  "gwno_b_2nd",
  "gwno_loc",
  "region",
  "version",
];

/** Every column also under its older run-together name (`conflictid`, `sidea2nd`). */
const CONFLICT_COLUMNS: readonly ColumnSpec[] = [
  ...REQUIRED.map((name) => ({ name, isRequired: true, aliases: [name.replaceAll("_", "")] })),
  ...OPTIONAL.map((name) => ({ name, aliases: [name.replaceAll("_", "")] })),
];

const CONFLICT_DATASET_LABEL = "UCDP/PRIO conflict-year";

/** True for the header of a conflict-year file (any delimiter). */
export function isConflictHeader(headerLine: string): boolean {
  const names = new Set(
    headerLine
      .replace(/^\uFEFF/, "")
      .split(/[,;\t|]/)
      .map((name) => name.replace(/"/g, "").trim().toLowerCase().replaceAll("_", "")),
  );
  return names.has("conflictid") && names.has("intensitylevel") && !names.has("typeofviolence");
}

export async function* conflictItems(
  batches: AsyncIterable<Row[]>,
  context: MappingContext,
  onError: OnError,
): AsyncGenerator<ConflictItem> {
  let columns: Columns | null = null;
  for await (const rows of batches) {
    for (const row of rows) {
      if (columns === null) {
        const where = { file: context.file, line: row.line, dataset: CONFLICT_DATASET_LABEL };
        columns = matchColumns(row.fields, CONFLICT_COLUMNS, where);
        continue;
      }
      try {
        const conflict = mapConflictRow(columns, row);
        const raw = rawRecord(columns.header, row.fields);
        yield { kind: "conflict", conflict, line: row.line, raw, inRegion: isInRegion(conflict) };
      } catch (error) {
        if (!(error instanceof FieldProblem)) throw error;
        const rowError = fieldError(context.file, row.line, error);
        if (onError === "throw") throw rowErrorToAppError(rowError);
        yield { kind: "error", error: rowError };
      }
    }
  }
  if (columns === null) throw fileError(`${context.file}: file is empty (no header line)`);

  function isInRegion(conflict: ConflictYear): boolean {
    const { resolver } = context;
    if (resolver === null) return true;
    const states = [conflict.gwnoA, conflict.gwnoB, conflict.gwnoA2nd, conflict.gwnoB2nd];
    const countries = [...conflict.locationIso3, ...states.flatMap(gwnoList)];
    return countries.some((iso3) => resolver.isInRegion(iso3));
  }
}

function gwnoList(value: string | null): string[] {
  if (value === null) return [];
  return value
    .split(",")
    .map((code) => gleditschWardToIso3(code))
    .filter((iso3): iso3 is string => iso3 !== null);
}

/** One conflict-year → ConflictYear. Throws FieldProblem for a bad value. */
function mapConflictRow(columns: Columns, row: Row): ConflictYear {
  const view = viewRow(columns, row.fields);
  const get = (name: string) => view.get(name);
  const whole = (name: string, isRequired = true) => parseWhole(name, get(name), isRequired);
  const date = (name: string) => (text(get(name)) === null ? null : parseDate(name, get(name)));
  const code = (name: string, allowed: number[]) => parseCode(name, get(name), allowed);
  const required = (name: string) => {
    const value = text(get(name));
    if (value === null) throw new FieldProblem(name, null, "is empty");
    return value;
  };
  const precision = [1, 2, 3, 4, 5, 6];
  const gwnoLoc = text(get("gwno_loc"));
  return {
    conflictId: whole("conflict_id") ?? 0,
    year: parseYear(get("year")),
    location: required("location"),
    sideA: required("side_a"),
    sideAId: text(get("side_a_id")),
    sideA2nd: text(get("side_a_2nd")),
    sideB: required("side_b"),
    sideBId: text(get("side_b_id")),
    sideB2nd: text(get("side_b_2nd")),
    incompatibility: requiredCode("incompatibility", get("incompatibility"), [1, 2, 3]),
    territoryName: text(get("territory_name")),
    intensityLevel: requiredCode("intensity_level", get("intensity_level"), [1, 2]),
    cumulativeIntensity: code("cumulative_intensity", [0, 1]),
    typeOfConflict: requiredCode("type_of_conflict", get("type_of_conflict"), [1, 2, 3, 4]),
    startDate: date("start_date"),
    startPrec: code("start_prec", precision),
    startDate2: date("start_date2"),
    startPrec2: code("start_prec2", precision),
    epEnd: flag("ep_end", get("ep_end")),
    epEndDate: date("ep_end_date"),
    epEndPrec: code("ep_end_prec", precision),
    gwnoA: text(get("gwno_a")),
    gwnoA2nd: text(get("gwno_a_2nd")),
    gwnoB: text(get("gwno_b")),
    gwnoB2nd: text(get("gwno_b_2nd")),
    gwnoLoc,
    locationIso3: gwnoList(gwnoLoc),
    region: text(get("region")),
    version: text(get("version")),
  };
}

function parseWhole(field: string, value: string, isRequired: boolean): number | null {
  const trimmed = value.trim();
  if (trimmed === "" && !isRequired) return null;
  if (!/^\d+$/.test(trimmed)) throw new FieldProblem(field, value, "is not a whole number");
  return Number(trimmed);
}

function parseYear(value: string): number {
  const year = parseWhole("year", value, true) ?? 0;
  if (year < 1800 || year > 2200) throw new FieldProblem("year", value, "is not a year");
  return year;
}

function requiredCode(field: string, value: string, allowed: number[]): number {
  const code = parseCode(field, value, allowed);
  if (code === null) throw new FieldProblem(field, null, `is empty; one of ${allowed.join(", ")}`);
  return code;
}

function flag(field: string, value: string): boolean | null {
  const code = parseCode(field, value, [0, 1]);
  return code === null ? null : code === 1;
}
