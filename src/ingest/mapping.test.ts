import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { SourceRecord } from "../domain/event.ts";
import {
  type ActorFact,
  attributeCrossBorder,
  createMappingContext,
  isInRegion,
  resolveActor,
} from "./mapping.ts";
import { readUcdp } from "./read-records.ts";
import { collect, DATA, loadShippedProfile, loadTestProfile } from "./test-support.ts";

const context = createMappingContext("t.csv", { profile: loadTestProfile() });
const shippedProfile = loadShippedProfile();
const shipped = createMappingContext("t.csv", { profile: shippedProfile });

function actor(basedIn: string | null, isState: boolean, actorId: string | null = null): ActorFact {
  return { name: "x", role: "actor1", actorId, basedIn, isState };
}

const pakForces = actor("PAK", true);
const afgForces = actor("AFG", true);
const ttp = actor("AFG", false);
const civilians = actor(null, false);
const usForces = actor("USA", true);
const alQaeda = actor(null, false, "al-qaeda");

describe("attributeCrossBorder()", () => {
  it.each([
    ["TTP against Pakistani forces in Pakistan", "PAK", [pakForces, ttp], null, "AFG->PAK"],
    ["Pakistani forces striking in Afghanistan", "AFG", [pakForces, civilians], null, "PAK->AFG"],
    ["the two states' forces in Afghanistan", "AFG", [afgForces, pakForces], null, "PAK<->AFG"],
    ["the two states' forces in Pakistan", "PAK", [pakForces, afgForces], null, "AFG<->PAK"],
    ["an unknown actor, with a relid from Afghanistan", "PAK", [civilians], "AFG", "AFG->PAK"],
    ["Pakistani forces at home", "PAK", [pakForces, civilians], null, null],
    ["a relid of the same country", "PAK", [civilians], "PAK", null],
    ["an event outside the parties", "IND", [pakForces], null, null],
    ["an event with no country", null, [ttp], null, null],
    ["US forces in Pakistan, with a relid from Afghanistan", "PAK", [usForces], "AFG", null],
    ["US forces against a group based in Afghanistan", "PAK", [usForces, ttp], null, null],
  ] as const)("%s → %s", (_what, country, actors, hint, direction) => {
    expect(attributeCrossBorder(context, country, actors, hint)).toEqual({
      isCrossBorder: direction !== null,
      direction,
    });
  });

  it("lets the profile's base of a known armed group outrank the dataset's hint", () => {
    // UCDP relid AFG-2005-3-1630-1: al-Qaida killing civilians in Mir Ali, North Waziristan.
    expect(attributeCrossBorder(shipped, "PAK", [alQaeda, civilians], "AFG")).toEqual({
      isCrossBorder: false,
      direction: null,
    });
    expect(attributeCrossBorder(shipped, "PAK", [civilians], "AFG").direction).toBe("AFG->PAK");
  });

  it("finds nothing cross-border without a profile", () => {
    const bare = createMappingContext("t.csv", {});
    expect(attributeCrossBorder(bare, "PAK", [ttp]).isCrossBorder).toBe(false);
  });
});

describe("resolveActor()", () => {
  it.each([
    ["TTP", "2010-05-01", "PAK"],
    ["TTP", "2014-06-15", "AFG"],
    ["Lashkar-e-Islam", "2012-06-04", "PAK"],
    ["al-Qaida", "2010-09-08", null],
    ["Government of United States of America", "2010-09-08", "USA"],
  ])("bases %j on %s in %j", (name, date, basedIn) => {
    expect(resolveActor(shipped, name, "side_b", null, date).basedIn).toBe(basedIn);
  });

  it("uses the row's hint for an actor the profile does not know", () => {
    const hint = { basedIn: "IRQ", isState: true };
    expect(resolveActor(shipped, "Government of Iraq", "side_a", hint, "2016-01-01")).toEqual({
      name: "Government of Iraq",
      role: "side_a",
      actorId: null,
      basedIn: "IRQ",
      isState: true,
    });
  });
});

describe("isInRegion()", () => {
  it.each([
    ["in a region country", "PAK", [], true],
    ["elsewhere, about a region country", "USA", ["USA", "AFG"], true],
    ["nowhere known, about a region country", null, [null, "PAK"], true],
    ["elsewhere, about other countries", "USA", ["USA", "IND"], false],
    ["elsewhere, with no actor countries", "USA", [null, null], false],
    ["nowhere, about nobody", null, [], false],
  ] as const)("counts a record %s: %s", (_what, country, actorCountries, expected) => {
    expect(isInRegion(context, country, { actorCountries })).toBe(expected);
  });

  it("counts every record without a profile", () => {
    expect(isInRegion(createMappingContext("t.csv", {}), "USA")).toBe(true);
  });
});

describe.skipIf(!existsSync(DATA))("cross-border attribution on UCDP GED 1989–2021", () => {
  const dyad = (record: SourceRecord) =>
    Array.isArray(record.raw) ? "" : `${record.raw.side_a} - ${record.raw.side_b}`;
  let records: Promise<SourceRecord[]> | null = null;
  const read = () => {
    const path = join(DATA, "ucdp/conflict_data_pak.csv");
    records ??= collect(readUcdp(path, { profile: shippedProfile })).then((c) => c.records);
    return records;
  };

  it("dates the TTP's base: Pakistan's war with it is AFG->PAK from Zarb-e-Azb on", async () => {
    const war = (await read()).filter((r) => dyad(r) === "Government of Pakistan - TTP");
    const before = war.filter((r) => r.event.dateStart < "2014-06-15");
    const after = war.filter((r) => r.event.dateStart >= "2014-06-15");
    expect(before.length).toBeGreaterThan(1000);
    expect(after.length).toBeGreaterThan(100);
    expect(before.filter((r) => r.event.crossBorder.isCrossBorder)).toEqual([]);
    expect(after.every((r) => r.event.crossBorder.direction === "AFG->PAK")).toBe(true);
  });

  it("keeps the 2026 candidate events of Pakistan's war with the TTP AFG->PAK", async () => {
    const path = join(DATA, "ucdp/GEDEvent_v26_01_26_06_pak_afg.csv");
    const { records: candidates } = await collect(readUcdp(path, { profile: shippedProfile }));
    const war = candidates.filter(
      (r) => dyad(r) === "Government of Pakistan - TTP" && r.event.countryIso3 === "PAK",
    );
    expect(war.length).toBeGreaterThan(100);
    expect(war.every((r) => r.event.crossBorder.direction === "AFG->PAK")).toBe(true);
  });

  it("never makes the US campaign against al-Qaida in Pakistan cross-border", async () => {
    const campaign = (await read()).filter((r) => dyad(r).includes("al-Qaida"));
    expect(campaign.length).toBeGreaterThan(400);
    expect(campaign.filter((r) => r.event.crossBorder.isCrossBorder).map(dyad)).toEqual([]);
  });
});
