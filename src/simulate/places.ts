/**
 * Where simulated events happen: real GeoNames towns of the profile's region, each placed in
 * the profile's admin units, weighted so that the districts a profile names (the border
 * districts, in pak-afg) draw most events, as the real data does.
 */
import type { GazetteerData } from "../coding/index.ts";
import type { Profile, ProfileResolver } from "../domain/profile/index.ts";

export interface SimPlace {
  name: string;
  countryIso3: string;
  admin1: string;
  admin2: string | null;
  lat: number;
  lon: number;
  /** Relative share of events. */
  weight: number;
}

/** A border crossing with the place on each side (for border clashes and closures). */
export interface SimCrossing {
  name: string;
  lat: number;
  lon: number;
  sides: Record<string, { admin1: string; admin2: string | null }>;
}

/** GeoNames admin names carry "Province"/"District"; the profile's names do not. */
function bare(name: string): string {
  return name.replace(/\s+(?:Province|District|Division|Agency)$/i, "").trim();
}

function coordinate(value: string | number): number | null {
  const n = typeof value === "number" ? value : Number.parseFloat(value);
  return Number.isFinite(n) ? n : null;
}

/** How many districts the profile lists in each admin1 unit: where it expects the fighting. */
function districtCounts(profile: Profile): Map<string, number> {
  const counts = new Map<string, number>();
  for (const unit of Object.values(profile.region.admin2).flat()) {
    counts.set(unit.admin1, (counts.get(unit.admin1) ?? 0) + 1);
  }
  return counts;
}

/**
 * The towns of the gazetteer inside the profile's region and admin1 units. A province's share
 * of events grows with the districts the profile lists in it (1 + that count), so that a
 * province dense in GeoNames towns (Punjab) does not outweigh the frontier; within a province a
 * town in a listed district counts three times another.
 */
export function placesFromGazetteer(
  data: GazetteerData,
  context: { profile: Profile; resolver: ProfileResolver },
): SimPlace[] {
  const { resolver } = context;
  const admin2Names = new Map(data.admin2.map((a) => [a.code, bare(a.name)]));
  const districts = districtCounts(context.profile);
  const places: (SimPlace & { factor: number })[] = [];
  for (const city of data.cities) {
    const iso3 = resolver.country(city.country);
    if (iso3 === null || !resolver.isInRegion(iso3)) continue;
    const code = `${city.country}.${city.admin1}`;
    const unit = resolver.admin(city.country, code, 1);
    const lat = coordinate(city.lat);
    const lon = coordinate(city.lng);
    if (unit === null || lat === null || lon === null) continue;
    const geonamesAdmin2 =
      city.admin2 === undefined ? null : (admin2Names.get(`${code}.${city.admin2}`) ?? null);
    const district = geonamesAdmin2 === null ? null : resolver.admin(iso3, geonamesAdmin2, 2);
    places.push({
      name: city.name,
      countryIso3: iso3,
      admin1: unit.mergedInto ?? unit.name,
      admin2: district?.name ?? geonamesAdmin2,
      lat,
      lon,
      weight: 0,
      factor: district === null ? 1 : 3,
    });
  }
  const factorSums = new Map<string, number>();
  for (const p of places) factorSums.set(p.admin1, (factorSums.get(p.admin1) ?? 0) + p.factor);
  return places.map(({ factor, ...place }) => ({
    ...place,
    weight:
      ((1 + (districts.get(place.admin1) ?? 0)) * factor) / (factorSums.get(place.admin1) ?? 1),
  }));
}

export function crossingsOf(profile: Profile): SimCrossing[] {
  return profile.region.crossings.map((c) => ({
    name: c.name,
    lat: c.lat,
    lon: c.lon,
    sides: Object.fromEntries(
      Object.entries(c.sides).map(([iso3, side]) => [
        iso3,
        { admin1: side.admin1, admin2: side.admin2 ?? null },
      ]),
    ),
  }));
}
