import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ActorRole, NormalizedEvent } from "../event.ts";
import { createResolver, type EventPattern, parseProfile } from "./index.ts";

const ROOT = join(import.meta.dirname, "../../..");
const profile = parseProfile(readFileSync(join(ROOT, "profiles/pak-afg.yaml"), "utf8"), {
  source: "profiles/pak-afg.yaml",
});
const resolver = createResolver(profile);

function event(
  fields: Partial<NormalizedEvent>,
  actors: Array<[ActorRole, string | null]> = [],
): NormalizedEvent {
  return {
    dateStart: "2025-10-12",
    dateEnd: "2025-10-12",
    datePrecision: "day",
    place: null,
    admin1: null,
    admin2: null,
    countryIso3: "PAK",
    lat: null,
    lon: null,
    geoPrecision: "unknown",
    category: "ASSAULT",
    mode: null,
    subtype: null,
    sourceCode: null,
    fatalitiesBest: 0,
    fatalitiesLow: null,
    fatalitiesHigh: null,
    crossBorder: { isCrossBorder: false, direction: null },
    confidence: 1,
    summary: null,
    ...fields,
    actors: actors.map(([role, actorId]) => ({ role, actorId, name: actorId ?? "unknown" })),
  };
}

/** The pattern at `path` in the shipped profile, so the tests follow the file. */
function demandPattern(id: string, kind: "progress" | "breach", index: number): EventPattern {
  const pattern = profile.demands.find((d) => d.id === id)?.evidence[kind][index];
  if (pattern === undefined) throw new Error(`no ${kind}[${index}] in demand ${id}`);
  return pattern;
}

function rung(n: number): EventPattern {
  const found = profile.escalationLadder.find((r) => r.rung === n);
  if (found === undefined) throw new Error(`no rung ${n}`);
  return found.pattern;
}

describe("resolver.matches()", () => {
  const ttpAttack = event(
    {
      crossBorder: { isCrossBorder: true, direction: "AFG->PAK" },
      summary: "TTP militants attacked a check post after infiltrating from Afghanistan.",
      fatalitiesBest: 12,
    },
    [
      ["actor1", "ttp"],
      ["actor2", "pak-fc"],
    ],
  );

  it("counts a TTP attack from Afghanistan as a breach of effective action", () => {
    expect(resolver.matches(ttpAttack, demandPattern("effective-action", "breach", 0))).toBe(true);
    const local = { ...ttpAttack, crossBorder: { isCrossBorder: false, direction: null } };
    expect(resolver.matches(local, demandPattern("effective-action", "breach", 0))).toBe(false);
  });

  it("counts Taliban arrests of a TTP faction as progress, through the faction tree", () => {
    const arrest = event({ countryIso3: "AFG", category: "COERCE", mode: "arrest" }, [
      ["actor1", "afg-taliban-forces"],
      ["actor2", "jamaat-ul-ahrar"],
    ]);
    expect(resolver.matches(arrest, demandPattern("effective-action", "progress", 0))).toBe(true);
    const reversed = event({ countryIso3: "AFG", category: "COERCE", mode: "arrest" }, [
      ["actor1", "jamaat-ul-ahrar"],
      ["actor2", "afg-taliban-forces"],
    ]);
    expect(resolver.matches(reversed, demandPattern("effective-action", "progress", 0))).toBe(
      false,
    );
  });

  it("matches keywords at the start of a word, ignoring case", () => {
    const pattern: EventPattern = { keywords: ["infiltrat"] };
    expect(resolver.matches(ttpAttack, pattern)).toBe(true);
    expect(resolver.matches(ttpAttack, { keywords: ["filtrat"] })).toBe(false);
    expect(resolver.matches(ttpAttack, { keywords: ["FROM AFGHANISTAN"] })).toBe(true);
  });

  it("applies minFatalities, country, subtype and crossBorder", () => {
    expect(resolver.matches(ttpAttack, { minFatalities: 12 })).toBe(true);
    expect(resolver.matches(ttpAttack, { minFatalities: 13 })).toBe(false);
    expect(resolver.matches(ttpAttack, { country: ["AFG"] })).toBe(false);
    expect(resolver.matches(ttpAttack, { subtype: ["Armed clash"] })).toBe(false);
    expect(resolver.matches(ttpAttack, { crossBorder: true })).toBe(true);
    expect(resolver.matches(ttpAttack, { crossBorder: "PAK->AFG" })).toBe(false);
  });

  it("treats UCDP's side_a and side_b as either initiator or target", () => {
    // UCDP dyad "Government of Pakistan - TTP": side_a is the state whoever struck first.
    const ucdp = event({}, [
      ["side_a", "pak-government"],
      ["side_b", "ttp"],
    ]);
    expect(resolver.matches(ucdp, { actor: ["ttp"], target: ["pak-government"] })).toBe(true);
    expect(resolver.matches(ucdp, { actor: ["ttp"], target: ["ttp"] })).toBe(false);
  });

  it("places an interstate clash on the ladder's border-clash rung, either way round", () => {
    const clash = (first: string, second: string) =>
      event({}, [
        ["actor1", first],
        ["actor2", second],
      ]);
    expect(resolver.matches(clash("pak-military", "afg-taliban-forces"), rung(4))).toBe(true);
    expect(resolver.matches(clash("afg-taliban-forces", "pak-fc"), rung(4))).toBe(true);
    expect(resolver.matches(clash("pak-military", "ttp"), rung(4))).toBe(false);
  });

  it("matches actorBasedIn on where the actor was based on the event's date", () => {
    const ttp = (dateStart: string) =>
      event({ dateStart, dateEnd: dateStart }, [["actor1", "ttp"]]);
    expect(resolver.matches(ttp("2010-05-01"), { actorBasedIn: ["AFG"] })).toBe(false);
    expect(resolver.matches(ttp("2010-05-01"), { actorBasedIn: ["PAK"] })).toBe(true);
    expect(resolver.matches(ttp("2020-05-01"), { actorBasedIn: ["AFG"] })).toBe(true);
    const alQaeda = event({}, [["actor1", "al-qaeda"]]);
    expect(resolver.matches(alQaeda, { actorBasedIn: ["AFG", "PAK"] })).toBe(false);
  });

  it("does not match an actor that did not resolve", () => {
    const unknown = event({}, [
      ["actor1", null],
      ["actor2", "pak-police"],
    ]);
    expect(resolver.matches(unknown, { actorType: ["armed_group"] })).toBe(false);
    expect(resolver.matches(unknown, { targetParty: ["PAK"] })).toBe(true);
  });
});
