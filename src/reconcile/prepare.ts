/**
 * Each record's comparable facts, computed once: day numbers, the point and its radius, the
 * normalised admin names, the mode class, the actors with their ancestors, the fatality range.
 */
import type { EventActor } from "../domain/event.ts";
import { normalizeName, placeTokens } from "./geo.ts";
import type { MatchRules, ReconcileRecord } from "./types.ts";

/** A profile actor id → its parent's id (null for a root). */
export type ActorParents = ReadonlyMap<string, string | null>;

export interface Prepared {
  record: ReconcileRecord;
  dayStart: number;
  dayEnd: number;
  /** Days covered, 1 for a single day. */
  span: number;
  isMatchable: boolean;
  /** Coordinates precise enough to compare by distance (exact, near, admin2, unknown). */
  lat: number;
  lon: number;
  hasPoint: boolean;
  radiusKm: number;
  /** Known only to admin1 (or without coordinates): compared by admin1 name. */
  isCoarse: boolean;
  isCountryLevel: boolean;
  country: string;
  admin1: string;
  admin2: string;
  place: string;
  /** The identifying words of the place name. */
  placeWords: readonly string[];
  category: string | null;
  mode: string | null;
  /** Profile actor ids with their ancestors, sorted; unidentified and civilian ids left out. */
  actors: readonly string[];
  fatLow: number | null;
  fatHigh: number | null;
  family: string;
  isGdelt: boolean;
  /** GDELT: CAMEO root code and the two actors, for the repeat rule. */
  gdeltKey: string;
  simulated: boolean;
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a `YYYY-MM-DD` date. */
export function dayNumber(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

// Actors that say nothing about which event a record is: "Unidentified Armed Group (Pakistan)"
// is PBC's suicide-attack perpetrator, and civilians are the target of most one-sided violence.
function isUninformative(id: string): boolean {
  return id.startsWith("unidentified") || id === "civilians";
}

/** Ids with every ancestor, sorted, without uninformative ones. */
export function actorClosure(actors: readonly EventActor[], parents: ActorParents): string[] {
  const out = new Set<string>();
  for (const actor of actors) {
    let id = actor.actorId;
    let depth = 0;
    while (id !== null && id !== undefined && depth < 16 && !out.has(id)) {
      if (!isUninformative(id)) out.add(id);
      id = parents.get(id) ?? null;
      depth++;
    }
  }
  return [...out].sort();
}

function gdeltKey(record: ReconcileRecord): string {
  if (record.dataset !== "gdelt") return "";
  const e = record.event;
  const name = (role: string) => {
    const a = e.actors.find((x) => x.role === role);
    return a === undefined ? "" : (a.actorId ?? a.name.toUpperCase());
  };
  return `${(e.sourceCode ?? "").slice(0, 2)}|${name("actor1")}|${name("actor2")}`;
}

/** Normalised names by raw name: admin names repeat across most records of a run. */
export type NameCache = Map<string, { name: string; words: string[] }>;

function cachedName(raw: string | null, cache: NameCache): { name: string; words: string[] } {
  if (raw === null) return { name: "", words: [] };
  let hit = cache.get(raw);
  if (hit === undefined) {
    hit = { name: normalizeName(raw), words: placeTokens(raw) };
    cache.set(raw, hit);
  }
  return hit;
}

export function prepareRecord(
  record: ReconcileRecord,
  rules: MatchRules,
  parents: ActorParents,
  cache: NameCache = new Map(),
): Prepared {
  const e = record.event;
  const dayStart = dayNumber(e.dateStart);
  const dayEnd = Math.max(dayStart, dayNumber(e.dateEnd));
  const span = dayEnd - dayStart + 1;
  const hasCoords = e.lat !== null && e.lon !== null;
  const p = e.geoPrecision;
  const hasPoint = hasCoords && p !== "admin1" && p !== "country";
  const radiusKm = p === "admin1" || p === "country" ? 0 : rules.radiusKm[p];
  const place = cachedName(e.place, cache);
  const low = e.fatalitiesLow ?? e.fatalitiesBest ?? e.fatalitiesHigh;
  const high = e.fatalitiesHigh ?? e.fatalitiesBest ?? e.fatalitiesLow;
  return {
    record,
    dayStart,
    dayEnd,
    span,
    isMatchable: Number.isFinite(dayStart) && span <= rules.maxSpanDays && e.countryIso3 !== null,
    lat: e.lat ?? 0,
    lon: e.lon ?? 0,
    hasPoint,
    radiusKm,
    isCoarse: !hasPoint && p !== "country",
    isCountryLevel: p === "country",
    country: e.countryIso3 ?? "",
    admin1: cachedName(e.admin1, cache).name,
    admin2: cachedName(e.admin2, cache).name,
    place: place.name,
    placeWords: place.words,
    category: e.category,
    mode: e.mode,
    actors: actorClosure(e.actors, parents),
    fatLow: low,
    fatHigh: high === null || low === null ? high : Math.max(low, high),
    family: record.family,
    isGdelt: record.dataset === "gdelt",
    gdeltKey: gdeltKey(record),
    simulated: record.simulated === true,
  };
}
