/** Records for tests: a UCDP-like default, changed by overrides. */
import type { Dataset, NormalizedEvent } from "../domain/event.ts";
import { familyOf, recordKey } from "./records.ts";
import type { ReconcileRecord } from "./types.ts";

export function makeEvent(overrides: Partial<NormalizedEvent> = {}): NormalizedEvent {
  return {
    dateStart: "2010-02-18",
    dateEnd: "2010-02-18",
    datePrecision: "day",
    place: "Danday Darpakhel village",
    admin1: "Federally Administered Tribal Areas",
    admin2: "North Waziristan",
    countryIso3: "PAK",
    lat: 33.04,
    lon: 70.06,
    geoPrecision: "exact",
    category: "ASSAULT",
    mode: "sideAB",
    subtype: null,
    sourceCode: "1",
    fatalitiesBest: 4,
    fatalitiesLow: 4,
    fatalitiesHigh: 4,
    actors: [
      { name: "Government of United States of America", role: "side_a", actorId: "usa" },
      { name: "al-Qaida", role: "side_b", actorId: "al-qaeda" },
    ],
    crossBorder: { isCrossBorder: false, direction: null },
    confidence: 0.85,
    summary: null,
    ...overrides,
  };
}

export function makeRecord(
  dataset: Dataset,
  nativeId: string,
  event: Partial<NormalizedEvent> = {},
  extra: Partial<Pick<ReconcileRecord, "url" | "mentions" | "simulated">> = {},
): ReconcileRecord {
  return {
    key: recordKey(dataset, nativeId),
    dataset,
    family: familyOf(dataset, nativeId),
    event: makeEvent(event),
    ...extra,
  };
}

/** The same drone strike as PBC reports it: the agency's point, a range, US forces. */
export function pbcDrone(id: string, event: Partial<NormalizedEvent> = {}): ReconcileRecord {
  return makeRecord("csv", `pbc-drone-attacks:${id}`, {
    place: "Dande Darpakhel",
    lat: 32.9746,
    lon: 70.1455,
    geoPrecision: "admin2",
    mode: "heavy-weapons",
    subtype: "Air/drone strike",
    sourceCode: "Air/drone strike",
    fatalitiesBest: 4,
    fatalitiesLow: 1,
    fatalitiesHigh: 4,
    actors: [
      { name: "Military Forces of the United States", role: "actor1", actorId: "us-military" },
    ],
    confidence: 0.6,
    summary: "missiles struck a car",
    ...event,
  });
}

/** A GDELT report: a city's point, CAMEO 190, two actors, an article URL. */
export function gdeltReport(
  id: string,
  url: string,
  event: Partial<NormalizedEvent> = {},
): ReconcileRecord {
  return makeRecord(
    "gdelt",
    id,
    {
      place: "Peshawar, North-West Frontier, Pakistan",
      admin1: "Khyber Pakhtunkhwa",
      admin2: null,
      lat: 34.008,
      lon: 71.5785,
      mode: "heavy-weapons",
      sourceCode: "190",
      fatalitiesBest: null,
      fatalitiesLow: null,
      fatalitiesHigh: null,
      actors: [
        { name: "MILITANT", role: "actor1", actorId: null },
        { name: "POLICE", role: "actor2", actorId: null },
      ],
      confidence: 0.3,
      dateStart: "2019-10-24",
      dateEnd: "2019-10-24",
      ...event,
    },
    { url, mentions: 2 },
  );
}

/** The profile's hierarchy for the actors above. */
export const PARENTS: ReadonlyMap<string, string | null> = new Map([
  ["usa", "state:USA"],
  ["us-military", "state:USA"],
  ["pak-government", "state:PAK"],
  ["pak-military", "pak-government"],
  ["ttp", null],
  ["al-qaeda", null],
]);
