import type { NormalizedEvent, SourceRecord } from "../../src/domain/event.ts";

/** A hand-built event with every field set; override what a test is about. */
export function makeEvent(overrides: Partial<NormalizedEvent> = {}): NormalizedEvent {
  return {
    dateStart: "2026-03-01",
    dateEnd: "2026-03-01",
    datePrecision: "day",
    place: "Miranshah",
    admin1: "Khyber Pakhtunkhwa",
    admin2: "North Waziristan",
    countryIso3: "PAK",
    lat: 33.0,
    lon: 70.07,
    geoPrecision: "exact",
    category: "ASSAULT",
    mode: "firearms",
    subtype: "Armed clash",
    sourceCode: "1",
    fatalitiesBest: 3,
    fatalitiesLow: 2,
    fatalitiesHigh: 5,
    actors: [
      { name: "TTP", role: "side_a", actorId: "ttp" },
      { name: "Military Forces of Pakistan", role: "side_b", actorId: "pak-military" },
    ],
    crossBorder: { isCrossBorder: true, direction: "AFG->PAK" },
    confidence: 0.8,
    summary: "Clash in North Waziristan",
    ...overrides,
  };
}

export function makeRecord(
  nativeId: string,
  overrides: {
    event?: Partial<NormalizedEvent>;
    version?: string | null;
    raw?: Record<string, string>;
  } = {},
): SourceRecord {
  return {
    dataset: "ucdp",
    nativeId,
    line: 2,
    raw: overrides.raw ?? { id: nativeId, best: "3" },
    version: overrides.version ?? null,
    event: makeEvent(overrides.event),
  };
}
