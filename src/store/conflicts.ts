/**
 * UCDP/PRIO conflict-years: written all-or-nothing per file like events, keyed by (conflict_id,
 * year); read back as context for trends and briefs ("Pakistan–TTP: war in 2024").
 */
import type { ConflictYear } from "../ingest/index.ts";
import type { Db, Sql } from "./db.ts";
import { hashRaw } from "./event-rows.ts";
import {
  emptyCounts,
  type FileFinish,
  type FileImportResult,
  findImportedFile,
  finishFile,
  type SourceFileMeta,
  startFile,
} from "./importer.ts";

export type ConflictImportItem =
  | {
      kind: "conflict";
      conflict: ConflictYear;
      line: number;
      raw: Record<string, string>;
      inRegion: boolean;
    }
  | { kind: "rejected" };

const COLUMNS = [
  ["conflict_id", "int4", (c: ConflictYear) => c.conflictId],
  ["year", "int2", (c: ConflictYear) => c.year],
  ["location", "text", (c: ConflictYear) => c.location],
  ["side_a", "text", (c: ConflictYear) => c.sideA],
  ["side_a_id", "text", (c: ConflictYear) => c.sideAId],
  ["side_a_2nd", "text", (c: ConflictYear) => c.sideA2nd],
  ["side_b", "text", (c: ConflictYear) => c.sideB],
  ["side_b_id", "text", (c: ConflictYear) => c.sideBId],
  ["side_b_2nd", "text", (c: ConflictYear) => c.sideB2nd],
  ["incompatibility", "int2", (c: ConflictYear) => c.incompatibility],
  ["territory_name", "text", (c: ConflictYear) => c.territoryName],
  ["intensity_level", "int2", (c: ConflictYear) => c.intensityLevel],
  ["cumulative_intensity", "int2", (c: ConflictYear) => c.cumulativeIntensity],
  ["type_of_conflict", "int2", (c: ConflictYear) => c.typeOfConflict],
  ["start_date", "date", (c: ConflictYear) => c.startDate],
  ["start_prec", "int2", (c: ConflictYear) => c.startPrec],
  ["start_date2", "date", (c: ConflictYear) => c.startDate2],
  ["start_prec2", "int2", (c: ConflictYear) => c.startPrec2],
  ["ep_end", "bool", (c: ConflictYear) => c.epEnd],
  ["ep_end_date", "date", (c: ConflictYear) => c.epEndDate],
  ["ep_end_prec", "int2", (c: ConflictYear) => c.epEndPrec],
  ["gwno_a", "text", (c: ConflictYear) => c.gwnoA],
  ["gwno_a_2nd", "text", (c: ConflictYear) => c.gwnoA2nd],
  ["gwno_b", "text", (c: ConflictYear) => c.gwnoB],
  ["gwno_b_2nd", "text", (c: ConflictYear) => c.gwnoB2nd],
  ["gwno_loc", "text", (c: ConflictYear) => c.gwnoLoc],
  // Arrays of arrays cannot travel through unnest; the list goes as text and is split in SQL.
  ["location_iso3", "text", (c: ConflictYear) => c.locationIso3.join(",")],
  ["region", "text", (c: ConflictYear) => c.region],
  ["version", "text", (c: ConflictYear) => c.version],
] as const;

interface Pending {
  conflict: ConflictYear;
  line: number;
  raw: Record<string, string>;
  rawHash: string;
}

/**
 * Imports one conflict-year file in one transaction. A row identical to the stored one is
 * unchanged; one from an older `version` than the stored row's never overwrites it.
 */
export async function importConflicts(
  db: Db,
  meta: SourceFileMeta,
  items: AsyncIterable<ConflictImportItem>,
  options: { keepOutsideRegion?: boolean; finish?: () => FileFinish } = {},
): Promise<FileImportResult> {
  const base = { file: meta.name, dataset: meta.dataset, sha256: meta.sha256 };
  if (await findImportedFile(db, meta)) {
    return { ...base, ...emptyCounts(), alreadyImported: true, importRunId: null };
  }
  return db.transaction(async (tx) => {
    const ids = await startFile(tx, meta);
    const counts = emptyCounts();
    // A conflict file holds a few thousand rows at most (one per conflict and year since 1946).
    const byKey = new Map<string, Pending>();
    for await (const item of items) {
      if (item.kind === "rejected") {
        counts.rejected++;
        continue;
      }
      counts.read++;
      if (!item.inRegion && !options.keepOutsideRegion) {
        counts.skippedRegion++;
        continue;
      }
      const key = `${item.conflict.conflictId}/${item.conflict.year}`;
      if (byKey.has(key)) counts.updated++; // a later row for the same year replaces the earlier
      byKey.set(key, { ...item, rawHash: hashRaw(item.raw) });
    }
    await writeConflicts(tx, ids.fileId, [...byKey.values()], counts);
    await finishFile(
      tx,
      ids,
      { file: meta.name, rows: counts.read, ...counts },
      options.finish?.(),
    );
    return { ...base, ...counts, alreadyImported: false, importRunId: ids.runId };
  });
}

async function writeConflicts(
  tx: Sql,
  fileId: number,
  rows: Pending[],
  counts: ReturnType<typeof emptyCounts>,
): Promise<void> {
  if (rows.length === 0) return;
  const stored = await tx.query<{
    conflict_id: number;
    year: number;
    raw_sha256: string;
    version: string | null;
  }>(
    `SELECT conflict_id, year, raw_sha256, version FROM conflicts
     WHERE (conflict_id, year) IN (SELECT * FROM unnest($1::int4[], $2::int2[]))`,
    [rows.map((r) => r.conflict.conflictId), rows.map((r) => r.conflict.year)],
  );
  const byKey = new Map(stored.map((s) => [`${s.conflict_id}/${s.year}`, s]));
  const writes: Pending[] = [];
  for (const row of rows) {
    const old = byKey.get(`${row.conflict.conflictId}/${row.conflict.year}`);
    if (old === undefined) counts.stored++;
    else if (old.raw_sha256 === row.rawHash || isOlder(row.conflict.version, old.version)) {
      counts.unchanged++;
      continue;
    } else counts.updated++;
    writes.push(row);
  }
  if (writes.length === 0) return;
  const names = COLUMNS.map(([name]) => name);
  const params: unknown[][] = COLUMNS.map(([, , get]) => writes.map((w) => get(w.conflict)));
  params.push(
    writes.map(() => fileId),
    writes.map((w) => w.line),
    writes.map((w) => JSON.stringify(w.raw)),
    writes.map((w) => w.rawHash),
  );
  const types = [...COLUMNS.map(([, type]) => type), "int8", "int4", "text", "text"];
  const all = [...names, "source_file_id", "line", "raw", "raw_sha256"];
  const select = all.map((name) => {
    if (name === "location_iso3")
      return "CASE WHEN u.location_iso3 = '' THEN '{}'::text[] ELSE string_to_array(u.location_iso3, ',') END";
    if (name === "raw") return "u.raw::jsonb";
    return `u.${name}`;
  });
  const updates = all
    .filter((name) => name !== "conflict_id" && name !== "year")
    .map((name) => `${name} = EXCLUDED.${name}`);
  await tx.query(
    `INSERT INTO conflicts (${all.join(", ")})
     SELECT ${select.join(", ")}
     FROM unnest(${types.map((type, i) => `$${i + 1}::${type}[]`).join(", ")}) AS u(${all.join(", ")})
     ON CONFLICT (conflict_id, year) DO UPDATE SET ${updates.join(", ")}, updated_at = now()`,
    params,
  );
}

/** UCDP versions are "25.1", "24.1": compared as numbers. */
function isOlder(incoming: string | null, stored: string | null): boolean {
  if (incoming === null || stored === null) return false;
  const a = Number(incoming);
  const b = Number(stored);
  return Number.isFinite(a) && Number.isFinite(b) && a < b;
}

export interface ConflictFilter {
  /** ISO3: conflicts located in this country (gwno_loc). */
  country?: string;
  /** First and last year, inclusive; a `YYYY-MM-DD` date stands for its year. */
  from?: number | string;
  to?: number | string;
}

export interface ConflictRow {
  conflictId: number;
  year: number;
  location: string;
  locationIso3: string[];
  sideA: string;
  sideA2nd: string | null;
  sideB: string;
  sideB2nd: string | null;
  incompatibility: number;
  territoryName: string | null;
  /** 1 minor (25–999 battle deaths in the year), 2 war (≥ 1,000). */
  intensityLevel: number;
  intensity: "minor" | "war";
  typeOfConflict: number;
  type: "extrasystemic" | "interstate" | "intrastate" | "internationalized intrastate";
  startDate: string | null;
  epEnd: boolean | null;
  version: string | null;
}

const CONFLICT_TYPES = [
  "extrasystemic",
  "interstate",
  "intrastate",
  "internationalized intrastate",
] as const;

/** Conflict-years in year order, then by conflict id. */
export async function listConflicts(db: Sql, filter: ConflictFilter = {}): Promise<ConflictRow[]> {
  const rows = await db.query<{
    conflict_id: number;
    year: number;
    location: string;
    location_iso3: string[];
    side_a: string;
    side_a_2nd: string | null;
    side_b: string;
    side_b_2nd: string | null;
    incompatibility: number;
    territory_name: string | null;
    intensity_level: number;
    type_of_conflict: number;
    start_date: string | null;
    ep_end: boolean | null;
    version: string | null;
  }>(
    `SELECT conflict_id, year, location, location_iso3, side_a, side_a_2nd, side_b, side_b_2nd,
            incompatibility, territory_name, intensity_level, type_of_conflict, start_date,
            ep_end, version
     FROM conflicts
     WHERE ($1::text IS NULL OR $1 = ANY(location_iso3))
       AND ($2::int IS NULL OR year >= $2) AND ($3::int IS NULL OR year <= $3)
     ORDER BY year, conflict_id`,
    [filter.country ?? null, yearOf(filter.from), yearOf(filter.to)],
  );
  return rows.map((r) => ({
    conflictId: r.conflict_id,
    year: r.year,
    location: r.location,
    locationIso3: r.location_iso3,
    sideA: r.side_a,
    sideA2nd: r.side_a_2nd,
    sideB: r.side_b,
    sideB2nd: r.side_b_2nd,
    incompatibility: r.incompatibility,
    territoryName: r.territory_name,
    intensityLevel: r.intensity_level,
    intensity: r.intensity_level === 2 ? "war" : "minor",
    typeOfConflict: r.type_of_conflict,
    type: CONFLICT_TYPES[r.type_of_conflict - 1] ?? "intrastate",
    startDate: r.start_date,
    epEnd: r.ep_end,
    version: r.version,
  }));
}

function yearOf(value: number | string | undefined): number | null {
  if (value === undefined) return null;
  if (typeof value === "number") return value;
  const year = Number(value.slice(0, 4));
  return Number.isInteger(year) ? year : null;
}
