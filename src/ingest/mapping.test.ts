import { describe, expect, it } from "vitest";
import { type ActorFact, attributeCrossBorder, createMappingContext } from "./mapping.ts";
import { loadTestProfile } from "./test-support.ts";

const context = createMappingContext("t.csv", { profile: loadTestProfile() });

function actor(basedIn: string | null, isState: boolean): ActorFact {
  return { name: "x", role: "actor1", actorId: null, basedIn, isState };
}

const pakForces = actor("PAK", true);
const afgForces = actor("AFG", true);
const ttp = actor("AFG", false);
const civilians = actor(null, false);

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
  ] as const)("%s → %s", (_what, country, actors, hint, direction) => {
    expect(attributeCrossBorder(context, country, actors, hint)).toEqual({
      isCrossBorder: direction !== null,
      direction,
    });
  });

  it("finds nothing cross-border without a profile", () => {
    const bare = createMappingContext("t.csv", {});
    expect(attributeCrossBorder(bare, "PAK", [ttp]).isCrossBorder).toBe(false);
  });
});
