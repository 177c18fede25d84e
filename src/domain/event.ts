/**
 * The common event schema every source is mapped into (DESIGN.md, "Event").
 * Pure types and small helpers; no I/O.
 */

/** How exactly a date is known. UCDP `date_prec` 1 = exact day … 5 = year; ACLED `time_precision` 1–3. */
export type DatePrecision = "day" | "week" | "month" | "year" | "range";

/** How exactly a place is known. ACLED `geo_precision` 1–3, UCDP `where_prec` 1–7, GDELT `Geo_Type`. */
export type GeoPrecision = "exact" | "near" | "admin2" | "admin1" | "country" | "unknown";

/** "sim": synthetic rows from `frontier simulate`, never mixed silently with real data. */
export type Dataset = "acled" | "ucdp" | "gdelt" | "text" | "csv" | "sim";

export type ActorRole = "actor1" | "actor2" | "assoc1" | "assoc2" | "side_a" | "side_b" | "target";

export interface EventActor {
  /** The name as the source spells it. */
  name: string;
  role: ActorRole;
  /** Profile actor id when the name resolved to one. */
  actorId: string | null;
}

/** Where an actor based in one party's country acts in the other's (e.g. "AFG->PAK"). */
export interface CrossBorder {
  isCrossBorder: boolean;
  /** `FROM->TO` in ISO3, e.g. "AFG->PAK" for a TTP attack in Pakistan. */
  direction: string | null;
}

export interface NormalizedEvent {
  dateStart: string; // YYYY-MM-DD
  dateEnd: string; // YYYY-MM-DD
  datePrecision: DatePrecision;
  place: string | null;
  admin1: string | null;
  admin2: string | null;
  countryIso3: string | null;
  lat: number | null;
  lon: number | null;
  geoPrecision: GeoPrecision;
  /** PLOVER root category, e.g. "ASSAULT". */
  category: string | null;
  /** PLOVER mode, e.g. "aerial". */
  mode: string | null;
  /** ACLED sub-event type where known, e.g. "Armed clash". */
  subtype: string | null;
  /** The source's own type code (CAMEO code, ACLED sub-event, UCDP type_of_violence). */
  sourceCode: string | null;
  fatalitiesBest: number | null;
  fatalitiesLow: number | null;
  fatalitiesHigh: number | null;
  actors: EventActor[];
  crossBorder: CrossBorder;
  /** 0–1. */
  confidence: number;
  summary: string | null;
}

/** One row or article as received, with the event it maps to. */
export interface SourceRecord {
  dataset: Dataset;
  /** The source's own key (ACLED event_id_cnty, UCDP id, GDELT GLOBALEVENTID). */
  nativeId: string;
  /** 1-based physical line in the file where the record starts. */
  line: number;
  /** The row verbatim: header → value, or the field list for headerless formats. */
  raw: Record<string, string> | string[];
  /** Source's own version stamp (ACLED `timestamp`), for "newer replaces older". */
  version: string | null;
  event: NormalizedEvent;
}
