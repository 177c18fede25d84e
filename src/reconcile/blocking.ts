/**
 * Candidate pairs without comparing every record with every other. Records are taken in date
 * order; each is compared only with the earlier records still inside its date window (range ±
 * `maxGapDays`) that share a bucket with it:
 * - records with a point: a 1° grid cell; a record looks in its cell and the 8 around it, which
 *   holds every point within the largest allowance (2 × 30 km) up to 60° of latitude;
 * - records with a second-order unit or a place name: those names as unit names (sources with
 *   coarse coordinates, such as PBC's agency centroids, still meet their unit's records);
 * - records known only to a province (or without coordinates): the province, where every record
 *   of the province is put for them to find, and where they wait for the province's later
 *   records;
 * - country-level records: the country.
 * Only the records of the last few days are held, so memory does not grow with the data.
 */
import type { Prepared } from "./prepare.ts";
import type { MatchRules } from "./types.ts";

const KIND_CELL = 0;
const KIND_ADMIN2 = 1;
const KIND_ADMIN1 = 2;
const KIND_COUNTRY = 3;
// Key layout (31 bits): kind · country · place.
const PLACE_SLOTS = 262_144;

class Interner {
  private readonly ids = new Map<string, number>();
  id(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(value, id);
    }
    return id;
  }
}

function key(kind: number, country: number, place: number): number {
  return (kind * 1024 + (country % 1024)) * PLACE_SLOTS + (place % PLACE_SLOTS);
}

interface Keys {
  /** Buckets the record is put in. */
  put: number[];
  /** Buckets it looks in. */
  look: number[];
  /** Its province's bucket, when it waits there for later records (coarse records). */
  waits: number | null;
}

function keysOf(p: Prepared, countries: Interner, admins: Interner): Keys {
  const c = countries.id(p.country);
  const put: number[] = [];
  const look: number[] = [];
  let waits: number | null = null;
  if (p.hasPoint) {
    const la = Math.floor(p.lat) + 90;
    const lo = Math.floor(p.lon) + 180;
    put.push(key(KIND_CELL, c, la * 361 + lo));
    for (let dla = -1; dla <= 1; dla++) {
      for (let dlo = -1; dlo <= 1; dlo++) look.push(key(KIND_CELL, c, (la + dla) * 361 + lo + dlo));
    }
  }
  for (const name of new Set([p.admin2, p.place])) {
    if (name === "") continue;
    const a2 = key(KIND_ADMIN2, c, admins.id(`2|${name}`));
    put.push(a2);
    look.push(a2);
  }
  if (p.admin1 !== "") {
    const a1 = key(KIND_ADMIN1, c, admins.id(`1|${p.admin1}`));
    put.push(a1);
    if (p.isCoarse) {
      look.push(a1);
      waits = a1;
    }
  }
  if (p.isCountryLevel) {
    put.push(key(KIND_COUNTRY, c, 0));
    look.push(key(KIND_COUNTRY, c, 0));
  }
  return { put, look, waits };
}

/** Buckets of the records still inside the date window, dropping the others as it goes. */
class Buckets {
  private readonly lists = new Map<number, number[]>();
  constructor(private readonly records: readonly Prepared[]) {}
  add(bucket: number, i: number): void {
    const list = this.lists.get(bucket);
    if (list === undefined) this.lists.set(bucket, [i]);
    else list.push(i);
  }
  /** Calls `f` for each record of the bucket ending on or after `minEnd`; forgets the rest. */
  scan(bucket: number, minEnd: number, f: (i: number) => void): void {
    const list = this.lists.get(bucket);
    if (list === undefined) return;
    let kept = 0;
    for (const i of list) {
      if ((this.records[i]?.dayEnd ?? minEnd) < minEnd) continue;
      list[kept++] = i;
      f(i);
    }
    if (kept === 0) this.lists.delete(bucket);
    else list.length = kept;
  }
}

/**
 * Calls `visit(i, j)` (i < j) once for every candidate pair of `records`. Returns the number of
 * pairs visited. The order of visits follows the dates; callers that need an order sort.
 */
export function forEachCandidate(
  records: readonly Prepared[],
  rules: MatchRules,
  visit: (i: number, j: number) => void,
): number {
  const countries = new Interner();
  const admins = new Interner();
  const order = records
    .map((p, i) => (p.isMatchable ? i : -1))
    .filter((i) => i >= 0)
    .sort((a, b) => (records[a]?.dayStart ?? 0) - (records[b]?.dayStart ?? 0) || a - b);
  const put = new Buckets(records);
  const waiting = new Buckets(records);
  const seen = new Int32Array(records.length).fill(-1);
  let pairs = 0;
  for (const j of order) {
    const p = records[j];
    if (p === undefined) continue;
    const k = keysOf(p, countries, admins);
    const minEnd = p.dayStart - rules.maxGapDays;
    const meet = (i: number) => {
      if (seen[i] === j) return;
      seen[i] = j;
      pairs++;
      if (i < j) visit(i, j);
      else visit(j, i);
    };
    for (const bucket of k.look) put.scan(bucket, minEnd, meet);
    for (const bucket of k.put) waiting.scan(bucket, minEnd, meet);
    for (const bucket of k.put) put.add(bucket, j);
    if (k.waits !== null) waiting.add(k.waits, j);
  }
  return pairs;
}
