/**
 * Name resolution against a profile: source spellings of actors, admin
 * units, countries and border crossings to the profile's canonical entries.
 * `createResolver` builds the lookup tables once; every lookup after that is
 * a few map reads.
 */
import type { NormalizedEvent } from "../event.ts";
import { basedInOn } from "./based-in.ts";
import { type ActorLineage, createMatcher } from "./match.ts";
import { adminKey, nameKey } from "./normalize.ts";
import type { EventPattern, Profile, ProfileActor, ProfileCrossing } from "./schema.ts";

export interface ResolvedAdmin {
  /** ISO3. */
  country: string;
  level: 1 | 2;
  /** The profile's canonical name. */
  name: string;
  /** The admin1 unit: the unit itself at level 1, its province at level 2. */
  admin1: string;
  /** Level 1 only: the unit this one was merged into (FATA → Khyber Pakhtunkhwa). */
  mergedInto: string | null;
  /** Level 2 only: the admin1 unit before a merger (FATA for the tribal districts). */
  formerAdmin1: string | null;
}

export interface ActorLookupOptions {
  /**
   * Event date (YYYY-MM-DD…), to choose between aliases valid at different
   * times; an ACLED era suffix in the name ("(2014-)") takes precedence.
   * Without either, the alias valid today is taken.
   */
  date?: string;
}

export interface ProfileResolver {
  /** The profile actor a source's actor name or code stands for, or null. */
  actor(name: string, options?: ActorLookupOptions): ProfileActor | null;
  actorById(actorId: string): ProfileActor | null;
  /**
   * Where the actor is based (ISO3) on `date` (YYYY-MM-DD…; its `basedInHistory`), or now
   * without a date; null when unknown, global or not a profile actor.
   */
  basedIn(actorId: string, date?: string): string | null;
  /** Whether `actorId` is `ancestorId` or one of its factions or units. */
  isA(actorId: string, ancestorId: string): boolean;
  /** ISO3 of a country given as ISO3, FIPS/ISO2 code, name or demonym; null when unknown. */
  country(name: string): string | null;
  /** The admin unit of a name at a level, within `country` when given (ISO3, FIPS or name). */
  admin(country: string | null, name: string | null, level: 1 | 2): ResolvedAdmin | null;
  crossing(name: string): ProfileCrossing | null;
  isInRegion(iso3: string): boolean;
  matches(event: NormalizedEvent, pattern: EventPattern): boolean;
}

interface AliasEntry {
  actor: ProfileActor;
  from: string | undefined;
  to: string | undefined;
}

/** ACLED's era suffix, "Military Forces of Pakistan (2018-) Frontier Corps". */
const ERA_RE = /^(.*?)\s*\((\d{4})\s*-\s*(\d{4})?\)\s*(.*)$/;
/** GDELT's CAMEO actor codes: 3-letter blocks, "PAKMIL", "AFGINSTAL". */
const CAMEO_RE = /^(?:[A-Z]{3}){2,}$/;
const TRAILING_PAREN_RE = /^(.*?)\s*\(([^()]*)\)\s*$/;
const CROSSING_WORDS = new Set([
  "border",
  "crossing",
  "gate",
  "terminal",
  "point",
  "post",
  "trade",
]);
/** Bound on each lookup memo; names in real data repeat, so a few thousand suffice. */
const CACHE_LIMIT = 10_000;

interface Candidates {
  keys: string[];
  /** Date implied by an ACLED era suffix. */
  date: string | undefined;
}

/** The keys a source name may be listed under, most specific first. */
function actorCandidates(raw: string): Candidates {
  const name = raw.trim();
  const keys: string[] = [nameKey(name)];
  let date: string | undefined;
  const era = ERA_RE.exec(name);
  if (era !== null) {
    const [, base = "", from, , unit = ""] = era;
    // ACLED renames an actor when its era ends, so the first year dates it.
    date = `${from}-12-31`;
    if (unit !== "") keys.push(nameKey(`${base} ${unit}`), nameKey(unit));
    keys.push(nameKey(base));
  }
  const colon = /^([^:]+):\s*(.+)$/.exec(name);
  if (colon !== null) keys.push(nameKey(colon[2] ?? ""), nameKey(colon[1] ?? ""));
  const paren = TRAILING_PAREN_RE.exec(name);
  if (paren !== null && era === null) keys.push(nameKey(paren[1] ?? ""));
  const dash = name.split(" - ");
  if (dash.length > 1) keys.push(nameKey(dash[0] ?? ""));
  if (CAMEO_RE.test(name)) {
    for (let end = name.length - 3; end >= 6; end -= 3) keys.push(name.slice(0, end).toLowerCase());
  }
  return { keys: [...new Set(keys)].filter((key) => key !== ""), date };
}

function pickByDate(entries: readonly AliasEntry[], date: string | undefined): AliasEntry | null {
  if (date !== undefined) {
    const day = date.slice(0, 10);
    const valid = entries.find(
      (e) => (e.from === undefined || e.from <= day) && (e.to === undefined || day < e.to),
    );
    return valid ?? null;
  }
  const current = entries.find((e) => e.to === undefined);
  if (current !== undefined) return current;
  return [...entries].sort((a, b) => String(b.to).localeCompare(String(a.to)))[0] ?? null;
}

function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

function buildActorIndex(profile: Profile) {
  const aliases = new Map<string, AliasEntry[]>();
  const byId = new Map<string, ActorLineage>();
  const actors = new Map(profile.actors.map((actor) => [actor.id, actor]));
  for (const actor of profile.actors) {
    addTo(aliases, nameKey(actor.name), { actor, from: undefined, to: undefined });
    for (const alias of actor.aliases) {
      addTo(aliases, nameKey(alias.name), { actor, from: alias.from, to: alias.to });
    }
    const lineage = new Set<string>();
    for (let a: ProfileActor | undefined = actor; a !== undefined && !lineage.has(a.id); ) {
      lineage.add(a.id);
      a = a.parent === undefined ? undefined : actors.get(a.parent);
    }
    byId.set(actor.id, { actor, lineage });
  }
  return { aliases, byId };
}

function buildCountryIndex(profile: Profile): Map<string, string> {
  const countries = new Map<string, string>();
  for (const iso3 of profile.region.countries) countries.set(nameKey(iso3), iso3);
  for (const party of profile.parties) {
    for (const name of [party.iso3, party.fips, party.name, ...party.aliases]) {
      countries.set(nameKey(name), party.iso3);
    }
  }
  return countries;
}

function buildAdminIndex(profile: Profile) {
  const byLevel = { 1: new Map<string, ResolvedAdmin[]>(), 2: new Map<string, ResolvedAdmin[]>() };
  const codes = new Map<string, ResolvedAdmin>();
  for (const [country, units] of Object.entries(profile.region.admin1)) {
    for (const unit of units) {
      const entry: ResolvedAdmin = {
        country,
        level: 1,
        name: unit.name,
        admin1: unit.name,
        mergedInto: unit.mergedInto ?? null,
        formerAdmin1: null,
      };
      for (const name of [unit.name, ...unit.aliases]) addTo(byLevel[1], adminKey(name), entry);
      if (unit.fips !== undefined) codes.set(unit.fips, entry);
      if (unit.iso !== undefined) codes.set(unit.iso, entry);
    }
  }
  for (const [country, units] of Object.entries(profile.region.admin2)) {
    for (const unit of units) {
      const entry: ResolvedAdmin = {
        country,
        level: 2,
        name: unit.name,
        admin1: unit.admin1,
        mergedInto: null,
        formerAdmin1: unit.formerAdmin1 ?? null,
      };
      for (const name of [unit.name, ...unit.aliases]) addTo(byLevel[2], adminKey(name), entry);
    }
  }
  return { byLevel, codes };
}

function crossingKey(name: string): string {
  const kept = nameKey(name).split(" ");
  while (kept.length > 1 && CROSSING_WORDS.has(kept[kept.length - 1] ?? "")) kept.pop();
  return kept.join(" ");
}

type AdminIndex = ReturnType<typeof buildAdminIndex>;

/** `admin()` of the resolver: memoised, since sources repeat the same few hundred names. */
function adminLookup(admins: AdminIndex, country: (name: string) => string | null) {
  const cache = new Map<string, ResolvedAdmin | null>();
  function findAdmin(place: string | null, name: string, level: 1 | 2): ResolvedAdmin | null {
    const iso3 = place === null ? null : country(place);
    if (place !== null && iso3 === null) return null;
    if (level === 1) {
      // GDELT writes FIPS admin codes ("PK03"), GeoNames "PK.03"; ISO 3166-2 "PK-KP".
      const code = name
        .trim()
        .toUpperCase()
        .replace(/^([A-Z]{2})\.(\d{2})$/, "$1$2");
      const byCode = admins.codes.get(code);
      if (byCode !== undefined && (iso3 === null || byCode.country === iso3)) return byCode;
    }
    const paren = TRAILING_PAREN_RE.exec(name);
    const keys = [adminKey(name)];
    if (paren !== null) keys.push(adminKey(paren[1] ?? ""), adminKey(paren[2] ?? ""));
    for (const key of keys) {
      const found = (admins.byLevel[level].get(key) ?? []).filter(
        (entry) => iso3 === null || entry.country === iso3,
      );
      const inCountries = new Set(found.map((entry) => entry.country));
      // The same name in two countries, with no country given, is ambiguous.
      if (found.length > 0) return inCountries.size === 1 ? (found[0] ?? null) : null;
    }
    return null;
  }

  return (place: string | null, name: string | null, level: 1 | 2): ResolvedAdmin | null => {
    if (name === null || name.trim() === "") return null;
    const cacheKey = `${level}\u0000${place ?? "\u0001"}\u0000${name}`;
    const cached = cache.get(cacheKey);
    if (cached !== undefined) return cached;
    if (cache.size >= CACHE_LIMIT) cache.clear();
    const found = findAdmin(place, name, level);
    cache.set(cacheKey, found);
    return found;
  };
}

/** Builds the lookup tables of a parsed profile (see `parseProfile`). */
export function createResolver(profile: Profile): ProfileResolver {
  const { aliases, byId } = buildActorIndex(profile);
  const countries = buildCountryIndex(profile);
  const crossings = new Map<string, ProfileCrossing>();
  for (const crossing of profile.region.crossings) {
    for (const name of [crossing.id, crossing.name, ...crossing.aliases]) {
      crossings.set(crossingKey(name), crossing);
    }
  }
  const region = new Set(profile.region.countries);
  const candidateCache = new Map<string, Candidates>();

  const candidatesOf = (name: string): Candidates => {
    const cached = candidateCache.get(name);
    if (cached !== undefined) return cached;
    if (candidateCache.size >= CACHE_LIMIT) candidateCache.clear();
    const made = actorCandidates(name);
    candidateCache.set(name, made);
    return made;
  };

  const country = (name: string): string | null => countries.get(nameKey(name)) ?? null;
  const lookup = (actorId: string) => byId.get(actorId);

  const admin = adminLookup(buildAdminIndex(profile), country);

  return {
    actor(name, options = {}) {
      const { keys, date } = candidatesOf(name);
      for (const key of keys) {
        const entries = aliases.get(key);
        if (entries === undefined) continue;
        const picked = pickByDate(entries, date ?? options.date);
        if (picked !== null) return picked.actor;
      }
      return null;
    },
    actorById: (actorId) => byId.get(actorId)?.actor ?? null,
    basedIn: (actorId, date) => {
      const found = byId.get(actorId);
      return found === undefined ? null : basedInOn(found.actor, date);
    },
    isA: (actorId, ancestorId) => byId.get(actorId)?.lineage.has(ancestorId) ?? false,
    country,
    admin,
    crossing: (name) => crossings.get(crossingKey(name)) ?? null,
    isInRegion: (iso3) => region.has(iso3.trim().toUpperCase()),
    matches: createMatcher(lookup),
  };
}
