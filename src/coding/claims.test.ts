import { describe, expect, it } from "vitest";
import { createActorMatcher } from "./actors.ts";
import { findClaims } from "./claims.ts";
import { loadTestContext } from "./test-support.ts";

const { profile, resolver } = loadTestContext();
const matcher = createActorMatcher(profile, resolver);

function claimsIn(text: string) {
  return findClaims(text, 0, matcher.find(text, 0)).map((c) => ({
    kind: c.kind,
    by: c.by?.actorId ?? null,
    of: c.of?.actorId ?? null,
    what: c.what.text,
  }));
}

describe("findClaims()", () => {
  it.each([
    [
      "Pakistan urged the Taliban government to hand over TTP leaders.",
      { kind: "demand", by: "pak-government", of: "afg-taliban", what: "hand over TTP leaders" },
    ],
    [
      "Islamabad has called upon Kabul to dismantle militant hideouts.",
      {
        kind: "demand",
        by: "pak-government",
        of: "afg-taliban",
        what: "dismantle militant hideouts",
      },
    ],
    [
      "Pakistan demanded that the Afghan Taliban act against the TTP.",
      { kind: "demand", by: "pak-government", of: "afg-taliban", what: "act against the TTP" },
    ],
    [
      "Islamabad says Afghanistan must act now to deny safe havens.",
      {
        kind: "demand",
        by: "pak-government",
        of: "afg-taliban",
        what: "act now to deny safe havens",
      },
    ],
    [
      "Pakistan accused Kabul of sheltering the TTP.",
      {
        kind: "accusation",
        by: "pak-government",
        of: "afg-taliban",
        what: "Pakistan accused Kabul of sheltering the TTP",
      },
    ],
    [
      "The Afghan Taliban rejected Pakistan's allegations.",
      { kind: "denial", by: "afg-taliban", of: "pak-government", what: "Pakistan's allegations" },
    ],
  ])("%s", (text, expected) => {
    expect(claimsIn(text)).toContainEqual(expected);
  });

  it.each([
    ["The demands Pakistan is putting forward include:"],
    ["While the demands are clear, implementing them is complex."],
    ["Militants attacked a checkpost in Bannu."],
    ["Officials asked about the attack declined to comment."],
  ])("finds no demand in %j", (text) => {
    expect(claimsIn(text).filter((c) => c.kind === "demand")).toEqual([]);
  });

  it.each([
    // an operation's support is no sponsor
    ["Afghan military special forces operations backed by airstrikes killed 4 militants."],
    ["7 militants were killed during ground operations supported by NATO forces in Gizab."],
    // "an alleged member" names someone, it accuses no one
    ["BRA shot dead an alleged member of a death squad at Chitkan town."],
  ])("finds no accusation in %j", (text) => {
    expect(claimsIn(text).filter((c) => c.kind === "accusation")).toEqual([]);
  });

  it("still reads backing by a group as an accusation", () => {
    const kinds = claimsIn("The attackers were backed by groups operating inside Afghanistan.");
    expect(kinds.map((c) => c.kind)).toContain("accusation");
  });

  it("takes a quoted order as a demand", () => {
    const [claim] = claimsIn(
      "Pakistan is telling its neighbor, “Stop letting terrorists use your land.”",
    );
    expect(claim).toMatchObject({
      kind: "demand",
      by: "pak-government",
      what: "Stop letting terrorists use your land",
    });
  });
});
