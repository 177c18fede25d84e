import { describe, expect, it } from "vitest";
import { findPlaces, pickPlace } from "./places.ts";
import { loadTestContext } from "./test-support.ts";

const { gazetteer } = loadTestContext();

function placesIn(text: string) {
  return findPlaces(text, 0, { gazetteer, actors: [] }).map((p) => [
    p.text,
    p.admin1,
    p.countryIso3,
    p.precision,
  ]);
}

describe("findPlaces()", () => {
  it.each([
    ["Militants attacked a post in Bannu.", [["Bannu", "Khyber Pakhtunkhwa", "PAK", "exact"]]],
    [
      "A blast hit Quetta, Balochistan.",
      [
        ["Quetta", "Balochistan", "PAK", "exact"],
        ["Balochistan", "Balochistan", "PAK", "admin1"],
      ],
    ],
    [
      "Fighting in North Waziristan.",
      [["North Waziristan", "Khyber Pakhtunkhwa", "PAK", "admin2"]],
    ],
    ["Trucks queued at Torkham.", [["Torkham", "Khyber Pakhtunkhwa", "PAK", "exact"]]],
    ["Taliban fighters attacked Ghazni city.", [["Ghazni", "Ghazni", "AFG", "exact"]]],
    ["Groups based inside Afghanistan.", [["Afghanistan", null, "AFG", "country"]]],
  ])("%s", (text, expected) => {
    expect(placesIn(text)).toEqual(expected);
  });

  it.each([
    ["In March the talks resumed."],
    ["The tank rolled on."],
    ["Afghanistan rejected it."],
    ["along the Afghanistan border"],
  ])("finds no place in %j", (text) => {
    expect(placesIn(text)).toEqual([]);
  });

  it("gives city coordinates from the gazetteer", () => {
    const [place] = findPlaces("a blast in Peshawar", 0, { gazetteer, actors: [] });
    expect(place?.lat).toBeCloseTo(34.0, 0);
    expect(place?.lon).toBeCloseTo(71.5, 0);
  });

  it("picks the finest place within the province the sentence names", () => {
    // GeoNames has a Dandar in Parwan (Afghanistan); the note names Balochistan.
    const text =
      "BLF militants fired rockets at a military outpost in Dandar town (Kech district, Balochistan).";
    const places = findPlaces(text, 0, { gazetteer, actors: [] });
    expect(places.map((p) => p.admin1)).toContain("Parwan");
    expect(pickPlace(places)).toMatchObject({ name: "Kech", admin1: "Balochistan" });
  });

  it("picks the finest place of a sentence", () => {
    const places = findPlaces("in Balochistan's Kech district", 0, { gazetteer, actors: [] });
    expect(pickPlace(places)?.name).toBe("Kech");
  });
});
