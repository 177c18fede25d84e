import type { NormalizedEvent } from "../domain/event.ts";
import type { EventPattern } from "../domain/profile/index.ts";
import type { SourceRef, StoredEvent } from "../store/queries/index.ts";

export type { SourceRef, StoredEvent };

/** Whether an event matches a profile pattern (the profile resolver's `matches`). */
export type Matcher = (event: NormalizedEvent, pattern: EventPattern) => boolean;

/** How an event is cited in every listing: the event, where and when, and its sources. */
export interface EventRef {
  id: number;
  date: string;
  place: string | null;
  country: string | null;
  category: string | null;
  fatalities: number | null;
  sources: SourceRef[];
  summary: string | null;
}

/** The most specific place name an event has. */
export function placeOf(event: {
  place: string | null;
  admin2: string | null;
  admin1: string | null;
}): string | null {
  return event.place ?? event.admin2 ?? event.admin1;
}

export function eventRef(event: StoredEvent): EventRef {
  return {
    id: event.id,
    date: event.dateStart,
    place: placeOf(event),
    country: event.countryIso3,
    category: event.category,
    fatalities: event.fatalitiesBest,
    sources: event.sources,
    summary: event.summary,
  };
}

export function formatSource(source: SourceRef): string {
  return `${source.dataset}:${source.nativeId}`;
}

/** One line citing an event: `#12 2026-02-27 Barmal, AFG, 3 killed [ucdp:512345]`. */
export function formatEventRef(ref: EventRef): string {
  const where = [ref.place, ref.country].filter((part) => part !== null).join(", ");
  const killed = ref.fatalities === null ? "" : `, ${ref.fatalities} killed`;
  const sources = ref.sources.map(formatSource).join(" ");
  return `#${ref.id} ${ref.date} ${where || "(no place)"}${killed} [${sources}]`;
}
