import { describe, expect, it } from "vitest";
import { extractCasualties } from "./casualties.ts";
import { parseCount } from "./numbers.ts";

describe("extractCasualties()", () => {
  it.each([
    ["Security forces raided a hideout, killing 15 militants.", 15, null],
    ["At least a dozen soldiers were killed in the ambush.", 12, null],
    ["Two policemen were martyred and three others injured.", 2, 3],
    ["The blast left 3 dead and 11 injured.", 3, 11],
    ["A suicide bomber killed 15 people and wounded 40 in Peshawar.", 15, 40],
    ["The death toll rose to 27 on Tuesday.", 27, null],
    ["1 fatality and 1 injured.", 1, 1],
    ["A soldier was martyred in the exchange of fire.", 1, null],
    ["Forces killed 15 militants, while two soldiers were martyred.", 17, null],
    ["No casualties were reported.", 0, 0],
    ["19 militants were killed in Zabul. Fatalities split across 3 events (6).", 6, null],
    ["BRG claimed all were killed. Unspecified number of fatalities coded as 3.", 3, null],
    ["A suicide bomber attacked the convoy in 2019.", null, null],
    ["Militants attacked a checkpost in Bannu.", null, null],
  ])("%s", (sentence, killed, injured) => {
    const counts = extractCasualties(sentence);
    expect(counts.killed?.best ?? null).toBe(killed);
    expect(counts.injured?.best ?? null).toBe(injured);
  });

  it("keeps the bound of 'at least'", () => {
    expect(extractCasualties("killing at least 30 people").killed).toMatchObject({
      best: 30,
      low: 30,
      high: null,
    });
  });
});

describe("parseCount()", () => {
  it.each([
    ["15", 15, null, null],
    ["1,200", 1200, null, null],
    ["twenty-five", 25, null, null],
    ["a dozen", 12, null, null],
    ["dozens", 24, 24, null],
    ["up to 30", 30, null, 30],
    ["more than 40", 40, 40, null],
    ["12 to 15", 12, 12, 15],
    ["two hundred", 200, null, null],
  ])("%s", (phrase, best, low, high) => {
    expect(parseCount(phrase)).toMatchObject({ best, low, high });
  });

  it("rejects a range that runs backwards", () => {
    expect(parseCount("15 to 12")).toBeNull();
  });
});
