import { describe, expect, it } from "vitest";
import { applyTollStatement, readTollStatements } from "./toll-statements.ts";
import type { Count } from "./types.ts";

function kinds(sentence: string) {
  return readTollStatements(sentence).map((s) =>
    s.kind === "figure" || s.kind === "added"
      ? [s.kind, s.value]
      : s.kind === "split"
        ? [s.kind, s.parts]
        : [s.kind],
  );
}

describe("readTollStatements()", () => {
  it.each([
    ["Fatalities split across 3 events (6).", [["figure", 6]]],
    ["Fatalities split over 3 locations (7).", [["figure", 7]]],
    ["Fatalities coded as half (8).", [["figure", 8]]],
    ["Fatalities (6) split between 2 events.", [["figure", 6]]],
    ["Unknown fatalities coded as 10.", [["figure", 10]]],
    ["Unspecified fatalities coded as three.", [["figure", 3]]],
    ["Unknown fatalities coded at 3.", [["figure", 3]]],
    ["Unspecified number of casualties coded as 3.", [["figure", 3]]],
    ["Soldiers were claimed to be killed in the incident (coded as 3).", [["figure", 3]]],
    ["An unspecified number of soldiers were killed in the encounter coded as 3.", [["figure", 3]]],
    ["6 fatalities are coded for this event.", [["figure", 6]]],
    ["Total 7 fatalities coded for this event.", [["figure", 7]]],
    ["Fatalities uncorroborated with 8 fatalities coded.", [["figure", 8]]],
    ["2 injured and no fatalities coded based on the lowest estimate.", [["figure", 0]]],
    [
      "Total 8 fatalities (6 confirmed and 2 split fatalities) coded to this event.",
      [["figure", 8]],
    ],
    ["Total 6 (4 confirmed and 2 split fatalities coded to this event).", [["figure", 6]]],
    ["1 fatality and 1 injured.", [["figure", 1]]],
    ["Total 6 fatalities.", [["figure", 6]]],
    ["3 injured and no fatalities.", [["figure", 0]]],
    [
      "8 fatalities split over 3 events, coded here as 2.",
      [
        ["figure", 8],
        ["split", 3],
        ["figure", 2],
      ],
    ],
    ["36 fatalities coded in a previous event; remaining 76 coded here.", [["figure", 76]]],
    [
      "(12 fatalities coded across 3 events)",
      [
        ["figure", 12],
        ["split", 3],
      ],
    ],
    [
      "32 total fatalities split across 2 events.",
      [
        ["figure", 32],
        ["split", 2],
      ],
    ],
    ["Fatalities split across 2 events.", [["split", 2]]],
    ["Fatalities are distributed across 2 events.", [["split", 2]]],
    [
      "Fatalities coded as half, rounded down, due to unclear nature of the casualties.",
      [["half"]],
    ],
    ["8 Taliban fatalities added to this event based on government sources.", [["added", 8]]],
    // other events' figures, and words that only look like statements
    ["Of these, 55 fatalities have been coded to specific events.", []],
    ["A death squad member (coded as pro-government militia) was shot.", []],
    ["Militants killed 3 soldiers.", []],
  ])("%s", (sentence, expected) => {
    expect(kinds(sentence)).toEqual(expected);
  });
});

describe("applyTollStatement()", () => {
  const count = (best: number, low: number | null = null, high: number | null = null): Count => ({
    best,
    low,
    high,
    text: String(best),
    basis: "reported",
  });

  it("splits a count among events, rounding half up", () => {
    expect(applyTollStatement(count(17), { kind: "split", parts: 2, text: "" })?.best).toBe(9);
    expect(applyTollStatement(count(20), { kind: "split", parts: 3, text: "" })?.best).toBe(7);
  });

  it("halves rounding down, and does not halve an undivided count twice", () => {
    expect(applyTollStatement(count(7), { kind: "half", text: "" })?.best).toBe(3);
    expect(applyTollStatement(count(3, 0, 6), { kind: "half", text: "" })?.best).toBe(3);
  });

  it("adds to a figure and marks the result as coded", () => {
    const after = applyTollStatement(count(3), { kind: "added", value: 8, text: "8 added" });
    expect(after).toMatchObject({ best: 11, basis: "coded" });
  });

  it("leaves no count to split or halve as none", () => {
    expect(applyTollStatement(null, { kind: "split", parts: 2, text: "" })).toBeNull();
    expect(applyTollStatement(null, { kind: "figure", value: 3, text: "" })?.best).toBe(3);
  });
});
