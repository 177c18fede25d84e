/**
 * A cluster's records → one event (docs/reconcile.md, "Building the event"):
 * - dates from the record with the narrowest date range,
 * - place (name, admin units, coordinates, precision) from the record with the finest geo
 *   precision,
 * - type (category, mode, ACLED sub-event type, source code) from the most specific record
 *   (a sub-event type and a weapon mode beat UCDP's "two-sided violence"),
 * - fatalities: the best estimate of the most authoritative family (UCDP, then ACLED, mapped
 *   tables, coded news, GDELT), summed over that family's records; low and high the range
 *   across every record,
 * - actors: the union, in rank order, each actor once,
 * - confidence: 1 − Π(1 − c) over independent families (each family's best record), ≤ 0.99,
 * - summary: the longest.
 * Ties always fall to the higher-ranked dataset, then the smaller key.
 */
import type { Dataset, EventActor, GeoPrecision, NormalizedEvent } from "../domain/event.ts";
import type { Cluster, FatalityRange, ReconcileRecord, SourceCounts } from "./types.ts";

// Simulated rows rank last; they never outrank a real source.
const DATASET_RANK: Record<Dataset, number> = {
  ucdp: 0,
  acled: 1,
  csv: 2,
  text: 3,
  gdelt: 4,
  sim: 5,
};
const GEO_RANK: Record<GeoPrecision, number> = {
  exact: 0,
  near: 1,
  admin2: 2,
  admin1: 3,
  unknown: 4,
  country: 5,
};
const MAX_CONFIDENCE = 0.99;

function dayCount(e: NormalizedEvent): number {
  return Date.parse(e.dateEnd) - Date.parse(e.dateStart);
}

function byRank(a: ReconcileRecord, b: ReconcileRecord): number {
  return DATASET_RANK[a.dataset] - DATASET_RANK[b.dataset] || (a.key < b.key ? -1 : 1);
}

/** The first record under `compare`, ties to rank order. */
function pick(
  records: readonly ReconcileRecord[],
  compare: (a: ReconcileRecord, b: ReconcileRecord) => number,
): ReconcileRecord {
  const [first] = [...records].sort((a, b) => compare(a, b) || byRank(a, b));
  if (first === undefined) throw new Error("a cluster has at least one record");
  return first;
}

// Modes that say nothing of the weapon (UCDP's two-sided violence).
const GENERIC_MODES = new Set(["sideAB"]);

function specificity(e: NormalizedEvent): number {
  const mode = e.mode !== null && !GENERIC_MODES.has(e.mode) ? 1 : 0;
  return (e.subtype === null ? 0 : 2) + mode + (e.category === null ? 0 : 1);
}

function unionActors(ranked: readonly ReconcileRecord[]): EventActor[] {
  const seen = new Set<string>();
  const out: EventActor[] = [];
  for (const r of ranked) {
    for (const a of r.event.actors) {
      const id = a.actorId ?? `name:${a.name.toLowerCase()}`;
      if (seen.has(id)) continue;
      seen.add(id);
      out.push(a);
    }
  }
  return out;
}

export function fatalityRange(ranked: readonly ReconcileRecord[]): FatalityRange {
  const withBest = ranked.filter((r) => r.event.fatalitiesBest !== null);
  const top = withBest[0];
  const best =
    top === undefined
      ? null
      : withBest
          .filter((r) => r.family === top.family)
          .reduce((sum, r) => sum + (r.event.fatalitiesBest ?? 0), 0);
  const lows = ranked.flatMap((r) => {
    const v = r.event.fatalitiesLow ?? r.event.fatalitiesBest;
    return v === null ? [] : [v];
  });
  const highs = ranked.flatMap((r) => {
    const v = r.event.fatalitiesHigh ?? r.event.fatalitiesBest;
    return v === null ? [] : [v];
  });
  const low = lows.length === 0 ? best : Math.min(...lows, best ?? Number.POSITIVE_INFINITY);
  const high = highs.length === 0 ? best : Math.max(...highs, best ?? 0);
  return { best, low, high };
}

function confidenceOf(ranked: readonly ReconcileRecord[]): number {
  const byFamily = new Map<string, number>();
  for (const r of ranked) {
    byFamily.set(r.family, Math.max(byFamily.get(r.family) ?? 0, r.event.confidence));
  }
  let doubt = 1;
  for (const c of byFamily.values()) doubt *= 1 - c;
  return Math.min(MAX_CONFIDENCE, Math.max(0, 1 - doubt));
}

export function sourceCounts(records: readonly ReconcileRecord[]): SourceCounts {
  const counts: SourceCounts = {};
  for (const r of records) counts[r.family] = (counts[r.family] ?? 0) + 1;
  return counts;
}

function single(r: ReconcileRecord, minScore: number): Cluster {
  const e = r.event;
  const isGdelt = r.dataset === "gdelt";
  return {
    keys: [r.key],
    event: e,
    sources: { [r.family]: 1 },
    fatalities: {
      best: e.fatalitiesBest,
      low: e.fatalitiesLow ?? e.fatalitiesBest,
      high: e.fatalitiesHigh ?? e.fatalitiesBest,
    },
    reports: isGdelt ? 1 : 0,
    urls: isGdelt && r.url ? 1 : 0,
    mentions: isGdelt ? (r.mentions ?? 0) : 0,
    minScore,
  };
}

/** The event and provenance of one cluster of records. */
export function mergeCluster(
  records: readonly ReconcileRecord[],
  extra: { minScore: number },
): Cluster {
  if (records.length === 1 && records[0] !== undefined) return single(records[0], extra.minScore);
  const ranked = [...records].sort(byRank);
  const keys = records.map((r) => r.key).sort();
  const only = ranked[0];
  if (only === undefined) throw new Error("a cluster has at least one record");
  const gdelt = ranked.filter((r) => r.dataset === "gdelt");
  const base = {
    keys,
    sources: sourceCounts(records),
    reports: gdelt.length,
    urls: new Set(gdelt.flatMap((r) => (r.url ? [r.url] : []))).size,
    mentions: gdelt.reduce((sum, r) => sum + (r.mentions ?? 0), 0),
    ...extra,
  };
  const fatalities = fatalityRange(ranked);
  if (ranked.length === 1) return { ...base, event: only.event, fatalities };
  const dates = pick(ranked, (a, b) => dayCount(a.event) - dayCount(b.event)).event;
  const place = pick(
    ranked,
    (a, b) => GEO_RANK[a.event.geoPrecision] - GEO_RANK[b.event.geoPrecision],
  );
  const type = pick(ranked, (a, b) => specificity(b.event) - specificity(a.event)).event;
  const summary = pick(
    ranked,
    (a, b) => (b.event.summary ?? "").length - (a.event.summary ?? "").length,
  );
  const crossing = ranked.find((r) => r.event.crossBorder.isCrossBorder) ?? only;
  const p = place.event;
  const event: NormalizedEvent = {
    dateStart: dates.dateStart,
    dateEnd: dates.dateEnd,
    datePrecision: dates.datePrecision,
    place: p.place,
    admin1: p.admin1,
    admin2: p.admin2,
    countryIso3: p.countryIso3,
    lat: p.lat,
    lon: p.lon,
    geoPrecision: p.geoPrecision,
    category: type.category,
    mode: type.mode,
    subtype: type.subtype,
    sourceCode: type.sourceCode,
    fatalitiesBest: fatalities.best,
    fatalitiesLow: fatalities.low,
    fatalitiesHigh: fatalities.high,
    actors: unionActors(ranked),
    crossBorder: crossing.event.crossBorder,
    confidence: confidenceOf(ranked),
    summary: summary.event.summary,
  };
  return { ...base, event, fatalities };
}
