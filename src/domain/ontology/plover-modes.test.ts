import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PLOVER_CATEGORIES, type PloverCategory } from "../plover.ts";
import { isPloverMode, normalizePloverName, PLOVER_MODES, ploverScore } from "./index.ts";

function readShared(path: string): string {
  return readFileSync(new URL(`../../../../shared/data/${path}`, import.meta.url), "utf8");
}

describe("PLOVER_MODES", () => {
  it("has exactly the 16 categories of PLOVER_CATEGORIES", () => {
    expect(Object.keys(PLOVER_MODES).sort()).toEqual([...PLOVER_CATEGORIES].sort());
  });

  it("gives no modes to the categories the manual gives none (AGREE, SUPPORT, CONCEDE, COOPERATE, AID)", () => {
    const empty = PLOVER_CATEGORIES.filter((category) => PLOVER_MODES[category].length === 0);
    expect(empty.sort()).toEqual(["AGREE", "AID", "CONCEDE", "COOPERATE", "SUPPORT"]);
  });

  it("lists no mode twice within a category", () => {
    for (const category of PLOVER_CATEGORIES) {
      const modes = PLOVER_MODES[category];
      expect(new Set(modes).size, category).toBe(modes.length);
    }
  });
});

describe("isPloverMode()", () => {
  const cases: [PloverCategory, string, boolean][] = [
    ["ASSAULT", "sideAB", true],
    ["ASSAULT", "heavy-weapons", true],
    ["ASSAULT", "aerial", false],
    ["ASSAULT", "visit", false],
    ["ASSAULT", "SIDEAB", false],
    ["CONSULT", "visit", true],
    ["REQUEST", "yield", true],
    ["REJECT", "meet", true],
    ["RETREAT", "ceasefire", true],
    ["RETREAT", "ease", false],
    ["COERCE", "seize", false],
    ["AGREE", "diplomatic", false],
    ["PROTEST", "riot", true],
  ];
  it.each(cases)("isPloverMode(%s, %j) is %s", (category, mode, expected) => {
    expect(isPloverMode(category, mode)).toBe(expected);
  });
});

describe("ploverScore()", () => {
  // Figures from the PLOVER 0.8 manual's table of conflict–cooperation scores.
  const manual: [PloverCategory, number][] = [
    ["ASSAULT", -9.3],
    ["COERCE", -7.2],
    ["PROTEST", -6.6],
    ["MOBILIZE", -5.3],
    ["REQUEST", -5.0],
    ["ACCUSE", -2.0],
    ["CONSULT", 2.1],
    ["COOPERATE", 6.8],
    ["RETREAT", 7.6],
  ];
  it.each(manual)("ploverScore(%s) is the manual's %d", (category, score) => {
    expect(ploverScore(category)).toBe(score);
  });

  it("is within [-10, +10] for every category", () => {
    for (const category of PLOVER_CATEGORIES) {
      expect(Math.abs(ploverScore(category)), category).toBeLessThanOrEqual(10);
    }
  });

  it("is positive for the manual's cooperation quads and negative for its conflict quads", () => {
    const cooperation = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"];
    for (const category of PLOVER_CATEGORIES) {
      const sign = cooperation.includes(category) ? 1 : -1;
      expect(Math.sign(ploverScore(category)), category).toBe(sign);
    }
  });
});

describe("normalizePloverName()", () => {
  const cases: [string, PloverCategory | undefined][] = [
    ["ASSAULT", "ASSAULT"],
    ["assault", "ASSAULT"],
    [" Protest ", "PROTEST"],
    ["DEMAND", "REQUEST"],
    ["DISAPPROVE", "ACCUSE"],
    ["INVESTIGATE", "ACCUSE"],
    ["FIGHT", "ASSAULT"],
    ["COOPERATION", "COOPERATE"],
    ["YIELD", undefined],
    ["CRIME", undefined],
    ["DOCUMENT", undefined],
    ["", undefined],
    ["constructor", undefined],
  ];
  it.each(cases)("normalizePloverName(%j) is %s", (name, expected) => {
    expect(normalizePloverName(name)).toBe(expected);
  });

  it("maps every event name of the gold-standard records except the DOCUMENT header", () => {
    const text = readShared("plover/PLOVER_GSR_CAMEO.txt");
    const names = new Set([...text.matchAll(/"event": "([A-Z]+)"/g)].map((match) => match[1]));
    expect(names.size).toBeGreaterThan(15);
    const unmapped = [...names].filter((name) => name && !normalizePloverName(name));
    expect(unmapped).toEqual(["DOCUMENT"]);
    const older = [...names].filter(
      (name) => name && name !== "DOCUMENT" && normalizePloverName(name) !== name,
    );
    expect(older.sort()).toEqual(["DEMAND", "DISAPPROVE", "FIGHT", "INVESTIGATE"]);
  });
});
