/**
 * A synthetic event dataset for load and scale tests, of the shape real conflict data has:
 * a background of scattered events plus episodes clustered in time (intensity decaying from
 * the start, like a self-exciting process) and place (one district and its neighbours), some
 * of them escalation episodes between the two states that climb the ladder — statements,
 * border closure, border clashes, cross-border strikes. Pure: the seed, the places and the
 * profile's roster come in; records come out one at a time, so a million need no memory.
 */
import type { Dataset, NormalizedEvent, SourceRecord } from "../domain/event.ts";
import { acledToPlover } from "../domain/ontology/index.ts";
import type { SimCrossing, SimPlace } from "./places.ts";
import { createRandom, cumulativeWeights, type Random } from "./random.ts";
import { eventActors, type Roster } from "./roster.ts";
import {
  crackdown,
  type Draft,
  escalationStep,
  insurgentAttack,
  protest,
  type Template,
} from "./templates.ts";

/** The dataset name of simulated source records. */
export const SIM_DATASET: Dataset = "sim";
export const SUMMARY_PREFIX = "[simulated]";

export type EpisodeKind = "insurgency" | "crackdown" | "escalation";

export interface Episode {
  id: number;
  kind: EpisodeKind;
  /** First day (offset from `from`) and length in days. */
  start: number;
  days: number;
  /** Relative share of the episodic events. */
  weight: number;
  /** The town it centres on; escalation episodes centre on a border crossing. */
  center: SimPlace;
  crossing: SimCrossing | null;
}

export interface SimulateOptions {
  count: number;
  seed: number;
  /** First and last day, YYYY-MM-DD. */
  from: string;
  to: string;
  places: readonly SimPlace[];
  crossings: readonly SimCrossing[];
  roster: Roster;
  /** Prefix of the native ids (`<key>-<n>`), unique per simulation; default `sim-<seed>`. */
  key?: string;
}

export interface Simulation {
  episodes: Episode[];
  /** The records, in generation order; the same options give the same records. */
  records(): Generator<SourceRecord>;
}

/** Share of events outside any episode. */
const BACKGROUND = 0.35;
const DAY_MS = 86_400_000;

function dayNumber(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

function isoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

interface PlaceIndex {
  all: readonly SimPlace[];
  cumulative: number[];
  /** Places of one admin1 unit (and of one district within it). */
  byAdmin1: Map<string, SimPlace[]>;
  byAdmin2: Map<string, SimPlace[]>;
  byCountry: Map<string, { places: SimPlace[]; cumulative: number[] }>;
}

function groupBy(places: readonly SimPlace[], key: (p: SimPlace) => string | null) {
  const map = new Map<string, SimPlace[]>();
  for (const p of places) {
    const k = key(p);
    if (k === null) continue;
    const list = map.get(k) ?? [];
    list.push(p);
    map.set(k, list);
  }
  return map;
}

function indexPlaces(places: readonly SimPlace[]): PlaceIndex {
  const byCountry = new Map<string, { places: SimPlace[]; cumulative: number[] }>();
  for (const [iso3, list] of groupBy(places, (p) => p.countryIso3)) {
    byCountry.set(iso3, { places: list, cumulative: cumulativeWeights(list.map((p) => p.weight)) });
  }
  return {
    all: places,
    cumulative: cumulativeWeights(places.map((p) => p.weight)),
    byAdmin1: groupBy(places, (p) => `${p.countryIso3}|${p.admin1}`),
    byAdmin2: groupBy(places, (p) => (p.admin2 === null ? null : `${p.countryIso3}|${p.admin2}`)),
    byCountry,
  };
}

function weightedPlace(index: PlaceIndex, random: Random, country?: string): SimPlace {
  const pool = country === undefined ? undefined : index.byCountry.get(country);
  if (pool !== undefined) {
    const place = pool.places[random.weighted(pool.cumulative)];
    if (place !== undefined) return place;
  }
  const place = index.all[random.weighted(index.cumulative)];
  if (place === undefined) throw new RangeError("no places to simulate events in");
  return place;
}

/** A town near the centre: the centre itself, its district, or its province. */
function nearby(index: PlaceIndex, random: Random, center: SimPlace): SimPlace {
  const u = random.next();
  if (u < 0.45) return center;
  const district =
    center.admin2 === null
      ? undefined
      : index.byAdmin2.get(`${center.countryIso3}|${center.admin2}`);
  if (u < 0.8 && district !== undefined && district.length > 1) return random.pick(district);
  return random.pick(index.byAdmin1.get(`${center.countryIso3}|${center.admin1}`) ?? [center]);
}

/** The town of the gazetteer closest to a crossing, on one side of it. */
function crossingTown(index: PlaceIndex, crossing: SimCrossing, iso3: string): SimPlace | null {
  const side = crossing.sides[iso3];
  if (side === undefined) return null;
  const pool =
    (side.admin2 === null ? undefined : index.byAdmin2.get(`${iso3}|${side.admin2}`)) ??
    index.byAdmin1.get(`${iso3}|${side.admin1}`);
  if (pool === undefined || pool.length === 0) return null;
  const distance = (p: SimPlace) => (p.lat - crossing.lat) ** 2 + (p.lon - crossing.lon) ** 2;
  return pool.reduce((best, p) => (distance(p) < distance(best) ? p : best));
}

function planEpisodes(options: SimulateOptions, index: PlaceIndex, random: Random): Episode[] {
  const span = dayNumber(options.to) - dayNumber(options.from) + 1;
  const count = Math.max(3, Math.round(options.count / 250));
  const { a, b } = options.roster;
  const episodes: Episode[] = [];
  for (let id = 1; id <= count; id++) {
    const u = random.next();
    const kind: EpisodeKind = u < 0.6 ? "insurgency" : u < 0.8 ? "crackdown" : "escalation";
    const crossing =
      kind === "escalation" && options.crossings.length > 0 ? random.pick(options.crossings) : null;
    const center =
      (crossing === null ? null : crossingTown(index, crossing, a)) ??
      weightedPlace(index, random, kind === "crackdown" && random.next() < 0.4 ? b : a);
    const days = Math.min(
      span,
      Math.max(3, Math.round(5 + random.exponential(kind === "escalation" ? 25 : 15))),
    );
    episodes.push({
      id,
      kind,
      start: random.int(Math.max(1, span - days + 1)),
      days,
      // Heavy-tailed sizes: a few episodes dominate, as the largest offensives do.
      weight: random.exponential(1) ** 2 + 0.05,
      center,
      crossing,
    });
  }
  return episodes;
}

function fatalities(random: Random, mean: number | null) {
  if (mean === null) return { best: null, low: null, high: null };
  // Over-dispersed counts (a gamma-mixed Poisson): most events kill few, a few kill many.
  const best = random.poisson(mean * random.exponential(1));
  return {
    best,
    low: Math.max(0, best - random.poisson(best * 0.2)),
    high: best + random.poisson(best * 0.3),
  };
}

function crossBorderOf(draft: Draft) {
  const based = draft.actor1.basedIn;
  const isCross = based !== null && based !== draft.country && draft.actor1.id !== null;
  return { isCrossBorder: isCross, direction: isCross ? `${based}->${draft.country}` : null };
}

function toEvent(draft: Draft, date: string, random: Random): NormalizedEvent {
  const mapped = draft.subtype === null ? undefined : acledToPlover(draft.subtype);
  const deaths = fatalities(random, draft.deaths);
  const place = draft.place;
  // Jitter within a few kilometres so that points of one town do not sit on one pixel.
  const jitter = () => random.normal() * 0.02;
  const where = place === null ? draft.country : place.name;
  return {
    dateStart: date,
    dateEnd: date,
    datePrecision: "day",
    place: place?.name ?? null,
    admin1: place?.admin1 ?? null,
    admin2: place?.admin2 ?? null,
    countryIso3: draft.country,
    lat: place === null ? null : Math.round((place.lat + jitter()) * 1e5) / 1e5,
    lon: place === null ? null : Math.round((place.lon + jitter()) * 1e5) / 1e5,
    geoPrecision: place === null ? "country" : "near",
    category: draft.category ?? mapped?.category ?? null,
    mode: draft.mode !== undefined ? draft.mode : (mapped?.mode ?? null),
    subtype: draft.subtype,
    sourceCode: null,
    fatalitiesBest: deaths.best,
    fatalitiesLow: deaths.low,
    fatalitiesHigh: deaths.high,
    actors: eventActors(draft.actor1, draft.actor2),
    crossBorder: crossBorderOf(draft),
    confidence: 0.5,
    summary: `${SUMMARY_PREFIX} ${draft.actor1.name}: ${draft.what} in ${where}${
      draft.actor2 === null ? "" : ` (against ${draft.actor2.name})`
    }`,
  };
}

const BACKGROUND_TEMPLATES: [Template, number][] = [
  [insurgentAttack, 0.55],
  [crackdown, 0.3],
  [protest, 0.15],
];
const BACKGROUND_WEIGHTS = cumulativeWeights(BACKGROUND_TEMPLATES.map(([, w]) => w));

export function createSimulation(options: SimulateOptions): Simulation {
  if (options.places.length === 0) throw new RangeError("no places to simulate events in");
  const index = indexPlaces(options.places);
  const episodes = planEpisodes(options, index, createRandom(options.seed));
  const episodeWeights = cumulativeWeights(episodes.map((e) => e.weight));
  const first = dayNumber(options.from);
  const span = dayNumber(options.to) - first + 1;
  return {
    episodes,
    *records() {
      const random = createRandom(options.seed ^ 0x5eed);
      const key = options.key ?? `sim-${options.seed}`;
      for (let i = 0; i < options.count; i++) {
        const episode =
          random.next() < BACKGROUND ? null : episodes[random.weighted(episodeWeights)];
        let offset: number;
        let draft: Draft;
        if (episode === undefined || episode === null) {
          offset = random.int(span);
          const template =
            BACKGROUND_TEMPLATES[random.weighted(BACKGROUND_WEIGHTS)]?.[0] ?? protest;
          draft = template({
            random,
            roster: options.roster,
            at: (c) => weightedPlace(index, random, c),
          });
        } else {
          // Intensity decays from the episode's start: most of its events come early.
          const into = Math.min(episode.days - 1, Math.floor(random.exponential(episode.days / 3)));
          offset = Math.min(span - 1, episode.start + into);
          const at = (country: string) =>
            country === episode.center.countryIso3
              ? nearby(index, random, episode.center)
              : ((episode.crossing === null
                  ? null
                  : crossingTown(index, episode.crossing, country)) ??
                weightedPlace(index, random, country));
          const ctx = { random, roster: options.roster, at };
          draft =
            episode.kind === "escalation"
              ? escalationStep(ctx, into / episode.days, episode.crossing)
              : episode.kind === "crackdown"
                ? crackdown(ctx)
                : insurgentAttack(ctx);
        }
        yield {
          dataset: SIM_DATASET,
          nativeId: `${key}-${i + 1}`,
          line: i + 1,
          raw: {
            generator: "frontier simulate",
            seed: String(options.seed),
            n: String(i + 1),
            episode: String(episode?.id ?? ""),
          },
          version: null,
          event: toEvent(draft, isoDay(first + offset), random),
        };
      }
    },
  };
}
