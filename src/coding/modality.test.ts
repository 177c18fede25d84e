import { describe, expect, it } from "vitest";
import { detectModality } from "./modality.ts";
import type { Modality } from "./types.ts";

function modalityOf(sentence: string, trigger: string, hasDate = false): Modality[] {
  const start = sentence.indexOf(trigger);
  return detectModality({
    sentence,
    triggerStart: start,
    triggerEnd: start + trigger.length,
    isQuestion: sentence.endsWith("?"),
    hasDate,
  });
}

describe("detectModality()", () => {
  it.each([
    ["Militants attacked a checkpost in Bannu on Monday.", "attacked", true, []],
    ["Afghan forces did not attack the post on Monday.", "attack", true, ["negated"]],
    [
      "Pakistan could conduct strikes if attacks continue.",
      "strikes",
      false,
      ["hypothetical", "generic"],
    ],
    ["Pakistan will close the border next week.", "close", true, ["future"]],
    ["The talks will be held in Doha.", "talks", false, ["future"]],
    ["In past incidents, Islamabad has summoned Afghan envoys.", "summoned", false, ["generic"]],
    [
      "At times, Pakistan has even conducted cross-border strikes.",
      "cross-border strikes",
      false,
      ["generic"],
    ],
    [
      "Pakistan has carried out intelligence-based operations.",
      "intelligence-based operations",
      false,
      ["generic"],
    ],
    [
      "Will Afghanistan respond with new operations?",
      "operations",
      false,
      ["hypothetical", "future", "generic"],
    ],
  ])("%s → %j", (sentence, trigger, hasDate, expected) => {
    expect(modalityOf(sentence, trigger, hasDate)).toEqual(expected);
  });

  it("does not call a dated report generic", () => {
    expect(
      modalityOf("Pakistan has carried out strikes on 3 March 2024.", "strikes", true),
    ).toEqual([]);
  });
});
