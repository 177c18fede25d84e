/** Great-circle distance and the normalised spellings reconciliation compares names by. */

const EARTH_RADIUS_KM = 6371;
const RAD = Math.PI / 180;

/** Haversine distance in km. */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

// Unit words the sources add or drop: UCDP "Kurram agency", PBC "Kurram Agency", ACLED "Kurram";
// UCDP "Quetta district", "Balochistan province". "FR" (Frontier Region) is kept: "FR Kohat" and
// "Kohat" are two units.
const UNIT_WORDS = /\b(agency|district|province|tehsil|subdistrict|division|city|town|village)\b/g;

/** A place or admin name for comparison: lower case, no accents, punctuation or unit words. */
export function normalizeName(name: string | null): string {
  if (name === null) return "";
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9 ]+/g, " ")
    .replace(UNIT_WORDS, " ")
    .replace(/\s+/g, " ")
    .trim();
}

// Words of a place description that name no place ("near", "area", "5km", "outskirts").
const FILLER = new Set([
  "a",
  "about",
  "along",
  "and",
  "area",
  "areas",
  "around",
  "at",
  "bazaar",
  "bazar",
  "camp",
  "centre",
  "center",
  "close",
  "east",
  "from",
  "in",
  "kilometres",
  "km",
  "main",
  "miles",
  "near",
  "northeast",
  "northwest",
  "of",
  "on",
  "outside",
  "outskirts",
  "road",
  "some",
  "southeast",
  "southwest",
  "the",
  "to",
  "west",
]);

/** The words of a place name that can identify it, without fillers and numbers. */
export function placeTokens(name: string | null): string[] {
  return normalizeName(name)
    .split(" ")
    .filter((t) => t.length > 1 && !FILLER.has(t) && !/\d/.test(t));
}

/** Whether two words are one name spelt two ways (Danday/Dandey): equal, or one edit apart. */
function isSameWord(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length < 6 || b.length < 6 || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const restA = a.slice(i + 1);
  const restB = b.slice(i + 1);
  return restA === restB || a.slice(i) === restB || restA === b.slice(i);
}

/** Share of the shorter name's words found in the other (0–1), spelling variants allowed. */
export function nameOverlap(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const found = short.filter((t) => long.some((u) => isSameWord(t, u))).length;
  return found / short.length;
}
