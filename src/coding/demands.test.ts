import { describe, expect, it } from "vitest";
import { createDemandMatcher } from "./demands.ts";
import { loadTestContext } from "./test-support.ts";

const { profile } = loadTestContext();
const matcher = createDemandMatcher(profile);

describe("createDemandMatcher().match()", () => {
  it.each([
    ["arrest and dismantle militant hideouts", null, "effective-action"],
    ["ensure that Afghan soil is not used for attacks on Pakistan", null, "deny-safe-havens"],
    ["deny sanctuaries to the TTP", null, "deny-safe-havens"],
    ["share intelligence with Islamabad's agencies", null, "intelligence-sharing"],
    ["bring the militants to justice and prosecute them", null, "swift-prosecution"],
    ["hand over TTP leaders", null, "swift-prosecution"],
    ["closer surveillance along the frontier to stop infiltration", null, "border-monitoring"],
    ["Closer surveillance and cooperation", "Border monitoring", "border-monitoring"],
  ])("%s (label %s) → %s", (what, label, demandId) => {
    expect(matcher.match(what, { label, by: ["PAK"], of: "AFG" })?.demandId).toBe(demandId);
  });

  it.each([["hold talks on trade and transit"], ["release the detained journalists"]])(
    "matches no demand for %j",
    (what) => {
      expect(matcher.match(what, { by: ["PAK"], of: "AFG" })).toBeNull();
    },
  );

  it("matches no demand made by the other party", () => {
    expect(
      matcher.match("arrest and dismantle militant hideouts", { by: ["AFG"], of: "PAK" }),
    ).toBeNull();
  });
});
