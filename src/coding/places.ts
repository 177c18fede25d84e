/**
 * Places named in a sentence, looked up in the gazetteer. A name that is
 * also an English word or an actor ("Tank", "March", "Kabul", "Islamabad")
 * counts as a place only after a locative word ("in Tank", "near Kabul");
 * others count wherever they stand capitalised.
 */
import type { Gazetteer, PlaceEntry } from "./gazetteer.ts";
import { isCapitalised, phraseKeys, type Token, tokenize } from "./text-key.ts";
import type { ActorMention, CodedPlace } from "./types.ts";

const LOCATIVE = new Set(
  "in near at outside inside within across around into from of along district province".split(" "),
);
/** GeoNames has a Pakistani village "March"; in news text it is the month. */
const NEVER_PLACES = new Set(["march", "may"]);
/** Gazetteer names that are also common English words or better known elsewhere. */
const AMBIGUOUS = new Set(
  "march tank titan hub basra lash mach chak bagh hala moro thal patan jati bela khar dinga diplo banu thul daur bhag".split(
    " ",
  ),
);

function hasLocativeBefore(tokens: readonly Token[], i: number): boolean {
  for (let k = i - 1; k >= Math.max(0, i - 2); k -= 1) {
    const key = tokens[k]?.key ?? "";
    if (LOCATIVE.has(key)) return true;
    if (
      key !== "the" &&
      key !== "northern" &&
      key !== "southern" &&
      key !== "eastern" &&
      key !== "western"
    ) {
      return false;
    }
  }
  return false;
}

function overlapsActor(start: number, end: number, actors: readonly ActorMention[]): boolean {
  return actors.some((a) => a.start < end && start < a.end);
}

interface Found {
  entries: readonly PlaceEntry[];
  first: PlaceEntry;
  text: string;
  start: number;
  end: number;
}

/** Among same-named places, the one in a province the sentence also names. */
function disambiguate(found: readonly Found[]): CodedPlace[] {
  const provinces = new Set(
    found.flatMap((f) => f.entries.filter((e) => e.precision === "admin1").map((e) => e.admin1)),
  );
  return found.map((f) => {
    const entry = f.entries.find((e) => e.admin1 !== null && provinces.has(e.admin1)) ?? f.first;
    return { start: f.start, end: f.end, text: f.text, ...entry };
  });
}

/** Places in `text` (offsets from `base`), in order of appearance. */
export function findPlaces(
  text: string,
  base: number,
  options: { gazetteer: Gazetteer; actors: readonly ActorMention[]; tokens?: readonly Token[] },
): CodedPlace[] {
  const { gazetteer, actors } = options;
  const tokens = options.tokens ?? tokenize(text, base);
  const found: Found[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const first = tokens[i];
    if (first === undefined || !isCapitalised(first.text) || !gazetteer.firstWords.has(first.key))
      continue;
    const keys = phraseKeys(tokens, i, gazetteer.maxWords);
    for (let j = i + keys.length - 1; j >= i; j -= 1) {
      const key = keys[j - i] ?? "";
      const entries = NEVER_PLACES.has(key) ? [] : gazetteer.lookup(key);
      const [entry] = entries;
      if (entry === undefined) continue;
      const end = tokens[j]?.end ?? first.end;
      const needsContext =
        (i === j && AMBIGUOUS.has(key)) ||
        overlapsActor(first.start, end, actors) ||
        entry.precision === "country";
      if (needsContext && !hasLocativeBefore(tokens, i)) break;
      // "along the Afghanistan border" names a border, not a place in Afghanistan.
      if (
        entry.precision === "country" &&
        /^(?:border|frontier|side)$/.test(tokens[j + 1]?.key ?? "")
      )
        break;
      found.push({
        entries,
        first: entry,
        text: text.slice(first.start - base, end - base),
        start: first.start,
        end,
      });
      i = j;
      break;
    }
  }
  return disambiguate(found);
}

const PRECISION_RANK = { exact: 0, near: 1, admin2: 2, admin1: 3, country: 4, unknown: 5 } as const;

/**
 * The place an event happened: the finest place the sentence names, within the province
 * it names when it names one ("Dandar town (Kech district, Balochistan)" is the Dandar in
 * Balochistan, not the village of that name in Parwan).
 */
export function pickPlace(places: readonly CodedPlace[]): CodedPlace | null {
  const provinces = new Set(places.filter((p) => p.precision === "admin1").map((p) => p.admin1));
  const inProvince = places.filter((p) => provinces.has(p.admin1));
  let best: CodedPlace | null = null;
  for (const place of provinces.size > 0 ? inProvince : places) {
    if (best === null || PRECISION_RANK[place.precision] < PRECISION_RANK[best.precision])
      best = place;
  }
  return best;
}
