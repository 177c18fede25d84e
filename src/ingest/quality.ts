/**
 * The data-quality report of one import, collected while the rows stream past: what an analyst
 * needs to know about what they got. Memory stays bounded whatever the file's size: at most
 * MAX_VALUES distinct unmatched names per kind (the rest are counted as "other"), and duplicate
 * fingerprints for the first MAX_FINGERPRINTS rows.
 *
 * Counts describe the rows kept (in the region, or all with --all) unless they say otherwise;
 * fatalities per year are given for every valid row in the file and for the rows kept, beside
 * the file's own totals line when it has one.
 */
import { createHash } from "node:crypto";
import type { SourceRecord } from "../domain/event.ts";
import type { ProfileResolver } from "../domain/profile/index.ts";
import type { CountRange, FileTotals, ReadItem, RecordDetails, RowNote } from "./items.ts";
import {
  addRange,
  BoundedCounter,
  emptyRange,
  Fingerprints,
  type ValueList,
  YearTable,
  type YearTotals,
} from "./quality-tallies.ts";
import type { RowError } from "./row-error.ts";
import type { ConflictItem } from "./ucdp-conflicts.ts";

export { MAX_VALUES, type ValueList } from "./quality-tallies.ts";

const MAX_EXAMPLES = 20;

export interface QualityReport {
  file: string;
  dataset: string;
  rows: { read: number; kept: number; outsideRegion: number; rejected: number; skipped: number };
  datePrecision: Record<string, number>;
  geoPrecision: Record<string, number>;
  /** Field → kept rows without it. */
  missing: Record<string, number>;
  unmatched: { admin1: ValueList; admin2: ValueList; actors: ValueList };
  outsideRegion: ValueList;
  duplicates: {
    groups: number;
    rows: number;
    examples: { lines: number[] }[];
    checkedRows: number;
    isCapped: boolean;
  };
  fatalitiesByYear: YearTotals[];
  /** The file's own totals line and the sums of its rows, to set side by side. */
  fileTotals: {
    totals: FileTotals;
    rowSums: { fatalities: CountRange; injured: CountRange };
  } | null;
  rejected: { byField: Record<string, number>; examples: string[] };
  notes: { count: number; examples: RowNote[] };
  /** Conflict-year files: conflicts and wars per year. */
  conflictYears: { year: number; conflicts: number; wars: number }[];
  /** GDELT: the distinct DATEADDED values (at most 5) and the slot the import took. */
  gdelt: { dateAdded: string[]; slot: string | null; slotFrom: "name" | "DATEADDED" | null } | null;
}

export interface QualityOptions {
  file: string;
  dataset: string;
  resolver: ProfileResolver | null;
  keepOutsideRegion?: boolean;
}

export interface QualityCollector {
  add(item: ReadItem): void;
  addConflict(item: ConflictItem): void;
  /** GDELT: the distinct DATEADDED values seen so far (at most 5). */
  dateAdded(): string[];
  finish(extra?: { gdeltSlot?: GdeltSlot }): QualityReport;
}

type GdeltSlot = { slot: string | null; from: "name" | "DATEADDED" | null };

export function createQualityCollector(options: QualityOptions): QualityCollector {
  return new Collector(options);
}

class Collector implements QualityCollector {
  private readonly rows = { read: 0, kept: 0, outsideRegion: 0, rejected: 0, skipped: 0 };
  private readonly datePrecision: Record<string, number> = {};
  private readonly geoPrecision: Record<string, number> = {};
  private readonly missing: Record<string, number> = {};
  private readonly unmatchedAdmin1 = new BoundedCounter();
  private readonly unmatchedAdmin2 = new BoundedCounter();
  private readonly unmatchedActors = new BoundedCounter();
  private readonly outside = new BoundedCounter();
  private readonly fingerprints = new Fingerprints();
  private readonly years = new YearTable();
  private totals: FileTotals | null = null;
  private readonly rowSums = { fatalities: emptyRange(), injured: emptyRange() };
  private readonly rejectedByField: Record<string, number> = {};
  private readonly rejectedExamples: string[] = [];
  private readonly notes: RowNote[] = [];
  private noteCount = 0;
  private readonly conflictYears = new Map<number, { conflicts: number; wars: number }>();
  private readonly dateAddedValues = new Set<string>();

  private readonly options: QualityOptions;

  constructor(options: QualityOptions) {
    this.options = options;
  }

  add(item: ReadItem): void {
    if (item.kind === "record") {
      this.addRecord(item.record, item.inRegion, item.details?.injured);
      this.countDetails(item.details, item.inRegion);
      this.addNotes(item.notes);
    } else if (item.kind === "error") this.addError(item.error);
    else if (item.kind === "skipped") {
      this.rows.skipped++;
      if (item.totals !== null) this.totals = item.totals;
    }
  }

  addConflict(item: ConflictItem): void {
    if (item.kind === "error") {
      this.addError(item.error);
      return;
    }
    const { conflict } = item;
    this.rows.read++;
    if (!item.inRegion) {
      this.rows.outsideRegion++;
      this.outside.add(conflict.location);
      if (this.options.keepOutsideRegion !== true) return;
    }
    this.rows.kept++;
    const entry = this.conflictYears.get(conflict.year) ?? { conflicts: 0, wars: 0 };
    entry.conflicts++;
    if (conflict.intensityLevel === 2) entry.wars++;
    this.conflictYears.set(conflict.year, entry);
    this.fingerprints.add(`${conflict.conflictId}/${conflict.year}`, item.line);
    this.countMissing([
      ["start_date", conflict.startDate === null],
      ["gwno_loc", conflict.gwnoLoc === null],
    ]);
  }

  dateAdded(): string[] {
    return [...this.dateAddedValues];
  }

  finish(extra: { gdeltSlot?: GdeltSlot } = {}): QualityReport {
    const { options } = this;
    return {
      file: options.file,
      dataset: options.dataset,
      rows: { ...this.rows },
      datePrecision: { ...this.datePrecision },
      geoPrecision: { ...this.geoPrecision },
      missing: { ...this.missing },
      unmatched: {
        admin1: this.unmatchedAdmin1.list(),
        admin2: this.unmatchedAdmin2.list(),
        actors: this.unmatchedActors.list(),
      },
      outsideRegion: this.outside.list(),
      duplicates: this.fingerprints.summary(MAX_EXAMPLES),
      fatalitiesByYear: this.years.list(),
      fileTotals: this.totals === null ? null : { totals: this.totals, rowSums: this.rowSums },
      rejected: { byField: { ...this.rejectedByField }, examples: [...this.rejectedExamples] },
      notes: { count: this.noteCount, examples: [...this.notes] },
      conflictYears: [...this.conflictYears]
        .sort(([a], [b]) => a - b)
        .map(([year, entry]) => ({ year, ...entry })),
      gdelt:
        options.dataset === "gdelt"
          ? {
              dateAdded: this.dateAdded(),
              slot: extra.gdeltSlot?.slot ?? null,
              slotFrom: extra.gdeltSlot?.from ?? null,
            }
          : null,
    };
  }

  private addRecord(record: SourceRecord, inRegion: boolean, injured: CountRange | undefined) {
    this.rows.read++;
    const { event } = record;
    const isKept = inRegion || this.options.keepOutsideRegion === true;
    const fatalities = {
      best: event.fatalitiesBest,
      low: event.fatalitiesLow,
      high: event.fatalitiesHigh,
    };
    this.years.add(Number(event.dateStart.slice(0, 4)), fatalities, injured, isKept);
    addRange(this.rowSums.fatalities, fatalities);
    if (injured !== undefined) addRange(this.rowSums.injured, injured);
    if (record.dataset === "gdelt" && record.version !== null && this.dateAddedValues.size < 5) {
      this.dateAddedValues.add(record.version);
    }
    if (!inRegion) {
      this.rows.outsideRegion++;
      this.outside.add(event.countryIso3 ?? "(no country)");
    }
    if (!isKept) return;
    this.rows.kept++;
    bump(this.datePrecision, event.datePrecision);
    bump(this.geoPrecision, event.geoPrecision);
    this.countMissing([
      ["country", event.countryIso3 === null],
      ["admin1", event.admin1 === null],
      ["admin2", event.admin2 === null],
      ["place name", event.place === null],
      ["coordinates", event.lat === null],
      ["actors", event.actors.length === 0],
      ["fatalities", event.fatalitiesBest === null],
      ["event type (PLOVER category)", event.category === null],
      ["text", event.summary === null],
    ]);
    this.countUnmatched(record);
    this.fingerprints.add(fingerprintOf(record), record.line);
  }

  /** Injured and source URL, for the mappings that name them. */
  private countDetails(details: RecordDetails | undefined, inRegion: boolean) {
    if (details === undefined || !(inRegion || this.options.keepOutsideRegion === true)) return;
    const checks: [string, boolean][] = [];
    if (details.injured !== undefined) checks.push(["injured", details.injured.best === null]);
    if (details.sourceUrl !== undefined) checks.push(["source URL", details.sourceUrl === null]);
    this.countMissing(checks);
  }

  private countMissing(checks: readonly (readonly [string, boolean])[]) {
    for (const [field, isMissing] of checks) {
      if (isMissing) bump(this.missing, field);
      else this.missing[field] ??= 0;
    }
  }

  private countUnmatched(record: SourceRecord) {
    const { resolver } = this.options;
    if (resolver === null) return;
    const { event } = record;
    const country = event.countryIso3;
    if (country !== null && resolver.isInRegion(country)) {
      if (event.admin1 !== null && resolver.admin(country, event.admin1, 1) === null) {
        this.unmatchedAdmin1.add(`${event.admin1} (${country})`);
      }
      if (event.admin2 !== null && resolver.admin(country, event.admin2, 2) === null) {
        this.unmatchedAdmin2.add(`${event.admin2} (${country})`);
      }
    }
    for (const actor of event.actors) {
      if (actor.actorId === null) this.unmatchedActors.add(actor.name);
    }
  }

  private addError(error: RowError) {
    this.rows.rejected++;
    bump(this.rejectedByField, error.field ?? "(row)");
    if (this.rejectedExamples.length < MAX_EXAMPLES) this.rejectedExamples.push(error.message);
  }

  private addNotes(notes: readonly RowNote[] | undefined) {
    for (const note of notes ?? []) {
      this.noteCount++;
      if (this.notes.length < MAX_EXAMPLES) this.notes.push(note);
    }
  }
}

function bump(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

/** Rows alike in date, place, type, fatalities and actors: likely the same event twice. */
function fingerprintOf(record: SourceRecord): string {
  const { event } = record;
  const actors = event.actors.map((actor) => actor.name.toLowerCase()).sort();
  const parts = [
    event.dateStart,
    event.dateEnd,
    event.countryIso3,
    event.admin1,
    event.admin2,
    event.place?.toLowerCase(),
    event.lat,
    event.lon,
    event.category,
    event.mode,
    event.subtype,
    event.sourceCode,
    event.fatalitiesBest,
    ...actors,
  ];
  return createHash("md5").update(parts.join("\u001f")).digest("base64");
}
