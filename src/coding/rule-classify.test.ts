import { describe, expect, it } from "vitest";
import { classifyByRules } from "./rule-classify.ts";

describe("classifyByRules()", () => {
  it.each([
    [
      "On 28 September 2019, Taliban militants shelled a base in Zadran district, Paktia.",
      "Shelling/artillery/missile attack",
    ],
    [
      "On 30 December 2024, BRG militants detonated an IED targeting a police vehicle.",
      "Remote explosive/landmine/IED",
    ],
    [
      "Reported on 20 July 2019. Afghan forces clashed with Taliban militants in Ghazni.",
      "Armed clash",
    ],
    ["Elders met in the town hall.", null],
  ])("%s → %s", (text, label) => {
    expect(classifyByRules(text)).toBe(label);
  });
});
