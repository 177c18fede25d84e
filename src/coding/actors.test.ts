import { describe, expect, it } from "vitest";
import { createActorMatcher } from "./actors.ts";
import { loadTestContext } from "./test-support.ts";

const { profile, resolver } = loadTestContext();
const matcher = createActorMatcher(profile, resolver);

function actorsIn(text: string, date?: string) {
  return matcher.find(text, 0, { date }).map((m) => [m.text, m.actorId ?? m.kind]);
}

describe("createActorMatcher().find()", () => {
  it.each([
    [
      "Islamabad has repeatedly requested Kabul to act.",
      [
        ["Islamabad", "pak-government"],
        ["Kabul", "afg-taliban"],
      ],
    ],
    [
      "Pakistani forces killed five TTP militants.",
      [
        ["Pakistani forces", "pak-military"],
        ["TTP militants", "ttp"],
      ],
    ],
    ["The Afghan Taliban denied it.", [["Afghan Taliban", "afg-taliban"]]],
    [
      "Pakistan wants Afghan authorities to act.",
      [
        ["Pakistan", "pak-government"],
        ["Afghan authorities", "afg-taliban"],
      ],
    ],
    ["Pakistan’s foreign ministry said so.", [["Pakistan’s foreign ministry", "pak-government"]]],
    ["Afghanistan’s government rejected it.", [["Afghanistan’s government", "afg-taliban"]]],
    [
      "The Tehrik-e-Taliban Pakistan (TTP) claimed it.",
      [
        ["Tehrik-e-Taliban Pakistan", "ttp"],
        ["TTP", "ttp"],
      ],
    ],
    [
      "Gunmen attacked the Baloch Students Organisation office.",
      [
        ["Gunmen", "generic"],
        ["Baloch Students Organisation", "organisation"],
      ],
    ],
  ])("%s", (text, expected) => {
    expect(actorsIn(text)).toEqual(expected);
  });

  it.each([
    ["Is this the end?"],
    ["The attack took place in Kabul."],
    ["Terrorists use Afghan soil to plan attacks."],
    ["Cooperation along the Pakistan-Afghanistan frontier."],
  ])("finds no profile actor in %j", (text) => {
    expect(matcher.find(text, 0).filter((m) => m.actorId !== null)).toEqual([]);
  });

  it("resolves Kabul by date: the Republic before August 2021, the Taliban after", () => {
    expect(actorsIn("Kabul protested.", "2019-05-01")).toEqual([["Kabul", "afg-republic"]]);
    expect(actorsIn("Kabul protested.", "2023-05-01")).toEqual([["Kabul", "afg-taliban"]]);
  });

  it("offsets spans by the base", () => {
    const [mention] = matcher.find("TTP struck.", 100);
    expect(mention).toMatchObject({ start: 100, end: 103 });
  });
});
