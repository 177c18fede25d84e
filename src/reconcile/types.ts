/** The inputs and outputs of reconciliation: source records in, events with their sources out. */
import type { Dataset, NormalizedEvent } from "../domain/event.ts";

/** One source record as reconciliation sees it: its normalised event plus what GDELT adds. */
export interface ReconcileRecord {
  /** Stable key, `<dataset>:<native id>` (see `recordKey`); decisions and labels refer to it. */
  key: string;
  dataset: Dataset;
  /**
   * The independent source family: the dataset, or for a mapped CSV table the mapping's name
   * (`pbc-drone-attacks`). Two records of one family never join one event automatically.
   */
  family: string;
  event: NormalizedEvent;
  /** GDELT: the article's URL (SOURCEURL) and the mentions GDELT counted (NumMentions). */
  url?: string | null;
  mentions?: number | null;
  /** Synthetic rows are only ever reconciled with synthetic rows. */
  simulated?: boolean;
}

/** An analyst's decision, replayed on every run in `id` order (a later one wins on a pair). */
export type Decision =
  /** These records are one event. */
  | { id: number; kind: "merge"; keys: readonly string[] }
  /** These records are one event apart from the records of `apart`. */
  | { id: number; kind: "split"; keys: readonly string[]; apart: readonly string[] };

/** Weights of the match score's parts; they sum to 1. */
export interface MatchWeights {
  date: number;
  place: number;
  category: number;
  actors: number;
  fatalities: number;
  name: number;
}

export interface MatchRules {
  /** Largest gap in days between two records' date ranges (reporting lag, night attacks). */
  maxGapDays: number;
  /** A record whose date range is longer than this (UCDP `date_prec` 4–5) is never matched. */
  maxSpanDays: number;
  /** Score from which two records are the same event. */
  threshold: number;
  /** Score from which a GDELT record joins an event of another family. */
  gdeltThreshold: number;
  /** How far from its coordinates a record of each geo precision may lie, in km. */
  radiusKm: Readonly<Record<"exact" | "near" | "admin2" | "unknown", number>>;
  /** GDELT repeats: the largest distance between two reports' places, in km. */
  gdeltNearbyKm: number;
  weights: Readonly<MatchWeights>;
}

/** The parts of one pair's score, each 0–1, and the weighted total. */
export interface PairScore {
  date: number;
  place: number;
  category: number;
  actors: number;
  fatalities: number;
  name: number;
  score: number;
  /** Two GDELT reports of one event (same day, actors, root code and place). */
  isGdeltRepeat: boolean;
}

/** Per source family: how many of its records an event holds. */
export type SourceCounts = Record<string, number>;

export interface FatalityRange {
  best: number | null;
  low: number | null;
  high: number | null;
}

/** One reconciled event: its records and the event built from them. */
export interface Cluster {
  /** Member keys, sorted; the first is the cluster's stable name. */
  keys: string[];
  event: NormalizedEvent;
  sources: SourceCounts;
  /** The range of fatality figures across the member records. */
  fatalities: FatalityRange;
  /** GDELT: how many reports were collapsed, from how many distinct URLs, with how many mentions. */
  reports: number;
  urls: number;
  mentions: number;
  /** The lowest score among the links that built the cluster (1 for analyst merges). */
  minScore: number;
}

export interface ReconcileResult {
  /** Every record's cluster, singletons included, ordered by first key. */
  clusters: Cluster[];
  stats: { records: number; candidatePairs: number; links: number };
}
