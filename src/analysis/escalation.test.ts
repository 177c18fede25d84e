import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { EventActor } from "../domain/event.ts";
import { parseProfile } from "../domain/profile/index.ts";
import {
  dailyIndex,
  fatalityWeight,
  highestRung,
  hostility,
  rungsByDay,
  trailingMean,
} from "./escalation.ts";
import { createPairContext, pairActors, relationOf } from "./pair.ts";
import type { StoredEvent } from "./types.ts";

const ROOT = join(import.meta.dirname, "../..");
const profile = parseProfile(readFileSync(join(ROOT, "profiles/pak-afg.yaml"), "utf8"), {
  source: "profiles/pak-afg.yaml",
});
const context = createPairContext(profile);

function actor(actorId: string, role: EventActor["role"] = "side_a"): EventActor {
  return { name: actorId, role, actorId };
}

function event(overrides: Partial<StoredEvent> & { id: number }): StoredEvent {
  return {
    dateStart: "2026-06-01",
    dateEnd: "2026-06-01",
    datePrecision: "day",
    place: null,
    admin1: null,
    admin2: null,
    countryIso3: "PAK",
    lat: null,
    lon: null,
    geoPrecision: "country",
    category: "ASSAULT",
    mode: null,
    subtype: null,
    sourceCode: null,
    fatalitiesBest: 0,
    fatalitiesLow: null,
    fatalitiesHigh: null,
    actors: [],
    crossBorder: { isCrossBorder: false, direction: null },
    confidence: 1,
    summary: null,
    sources: [],
    ...overrides,
  };
}

describe("the fatality weight and hostility of an event", () => {
  it("fatalityWeight() is 1 + ln(1 + fatalities), unknown as none", () => {
    expect(fatalityWeight(0)).toBe(1);
    expect(fatalityWeight(null)).toBe(1);
    expect(fatalityWeight(Math.E - 1)).toBeCloseTo(2, 12);
    expect(fatalityWeight(99)).toBeCloseTo(1 + Math.log(100), 12);
  });

  it("hostility() turns the PLOVER score's sign: conflict adds, cooperation takes off", () => {
    expect(hostility({ category: "ASSAULT", fatalitiesBest: 0 })).toBeCloseTo(9.3, 12);
    expect(hostility({ category: "ASSAULT", fatalitiesBest: Math.E - 1 })).toBeCloseTo(18.6, 12);
    expect(hostility({ category: "CONSULT", fatalitiesBest: null })).toBeCloseTo(-2.1, 12);
    expect(hostility({ category: null, fatalitiesBest: 5 })).toBeNull();
  });
});

describe("relationOf(): how an event stands between Pakistan and Afghanistan", () => {
  it.each<[string, Partial<StoredEvent>, string | null]>([
    [
      "a clash of the two states' forces",
      { actors: [actor("pak-military"), actor("afg-taliban-forces", "side_b")] },
      "state",
    ],
    [
      "a Pakistani strike in Afghanistan on the TTP",
      { countryIso3: "AFG", actors: [actor("pak-military"), actor("ttp", "side_b")] },
      "state",
    ],
    [
      "talks of the two governments",
      {
        category: "CONSULT",
        actors: [actor("pak-government", "actor1"), actor("afg-taliban", "actor2")],
      },
      "state",
    ],
    ["a TTP attack in Pakistan", { actors: [actor("ttp"), actor("civilians", "side_b")] }, "proxy"],
    [
      "Pakistani forces fighting the TTP in Pakistan",
      { actors: [actor("pak-government"), actor("ttp", "side_b")] },
      "proxy",
    ],
    [
      "the Taliban fighting the TTP in Afghanistan",
      { countryIso3: "AFG", actors: [actor("afg-taliban"), actor("ttp", "side_b")] },
      null,
    ],
    [
      "Pakistan against Baloch separatists (based in Pakistan)",
      { actors: [actor("pak-government"), actor("bla", "side_b")] },
      null,
    ],
    [
      "an event without profile actors",
      { actors: [{ name: "X", role: "side_a", actorId: null }] },
      null,
    ],
  ])("%s → %s", (_, overrides, expected) => {
    expect(relationOf(event({ id: 1, ...overrides }), context)).toBe(expected);
  });

  it("pairActors() takes the states' forces by party and the groups by base", () => {
    const actors = new Map(pairActors(profile).map((a) => [a.id, a]));
    expect(actors.get("pak-fc")).toEqual({ id: "pak-fc", home: "PAK", side: "state" });
    expect(actors.get("ttp")).toEqual({ id: "ttp", home: "AFG", side: "group" });
    expect(actors.get("bla")).toEqual({ id: "bla", home: "PAK", side: "group" });
    expect(actors.has("civilians")).toBe(false);
    expect(actors.has("qatar")).toBe(false);
  });
});

describe("dailyIndex() and trailingMean()", () => {
  it("sums state and proxy hostility per day, zero on quiet days", () => {
    const events = [
      event({
        id: 1,
        dateStart: "2026-06-02",
        actors: [actor("pak-military"), actor("afg-taliban-forces", "side_b")],
      }),
      event({
        id: 2,
        dateStart: "2026-06-02",
        category: "CONSULT",
        actors: [actor("pak-government"), actor("afg-taliban", "side_b")],
      }),
      event({
        id: 3,
        dateStart: "2026-06-03",
        fatalitiesBest: 9,
        actors: [actor("ttp"), actor("pak-police", "side_b")],
      }),
      event({ id: 4, dateStart: "2026-06-03", actors: [actor("bla")] }),
    ];
    const days = dailyIndex(events, context, { from: "2026-06-01", to: "2026-06-03" });
    expect(days.map((d) => [d.date, d.state, d.proxy])).toEqual([
      ["2026-06-01", 0, 0],
      ["2026-06-02", 7.2, 0],
      ["2026-06-03", 0, Math.round(9.3 * (1 + Math.log(10)) * 100) / 100],
    ]);
    expect(days[1]?.contributions.map((c) => c.eventId)).toEqual([1, 2]);
  });

  it("trailingMean() divides by the whole window, the day included", () => {
    expect(trailingMean([7, 0, 0, 14], 2)).toEqual([3.5, 3.5, 0, 7]);
  });
});

describe("rungsByDay() and highestRung()", () => {
  const ladder = profile.escalationLadder;
  // A stand-in matcher: rung N matches the events whose id is N (the profile's matcher is
  // tested in profile/ and, on the real ladder, in test/analysis).
  const matches = (e: { sourceCode: string | null }, p: unknown) =>
    ladder.some((r) => r.pattern === p && e.sourceCode === String(r.rung));

  it("reaches a rung on a matching day, and a rung with a threshold on the day that completes it", () => {
    const events = [
      event({ id: 1, sourceCode: "2", dateStart: "2026-06-03" }),
      ...[1, 2, 3, 4, 5].map((d) =>
        event({ id: 10 + d, sourceCode: "6", dateStart: `2026-06-1${d}` }),
      ),
    ];
    const reached = rungsByDay(events, ladder, matches, { from: "2026-06-01", to: "2026-06-20" });
    expect([...reached.keys()]).toEqual(["2026-06-03", "2026-06-15", "2026-06-16", "2026-06-17"]);
    expect(highestRung(reached, "2026-06-09", 7)?.rung).toBe(2);
    expect(highestRung(reached, "2026-06-10", 7)).toBeNull();
    const six = highestRung(reached, "2026-06-20", 7);
    expect(six).toMatchObject({ rung: 6, date: "2026-06-17" });
    expect(six?.eventIds).toHaveLength(5);
  });
});
