import { describe, expect, it } from "vitest";
import { nameOverlap, normalizeName, placeTokens } from "./geo.ts";
import { scoreRecords } from "./index.ts";
import { makeRecord, PARENTS, pbcDrone } from "./test-support.ts";

const options = { actorParents: PARENTS };

describe("scoreRecords()", () => {
  it("links a UCDP drone strike and PBC's record of it (agency point, range, US forces)", () => {
    const s = scoreRecords(makeRecord("ucdp", "166401"), pbcDrone("111"), options);
    expect(s?.isLink).toBe(true);
    expect(s?.actors).toBe(1); // usa and us-military share the root state:USA
    expect(s?.fatalities).toBe(1); // 4 lies in 1–4
  });

  it("is symmetric", () => {
    const a = makeRecord("ucdp", "1");
    const b = pbcDrone("2", { dateStart: "2010-02-19", dateEnd: "2010-02-19" });
    expect(scoreRecords(a, b, options)).toEqual(scoreRecords(b, a, options));
  });

  it.each([
    ["three days apart", { dateStart: "2010-02-21", dateEnd: "2010-02-21" }],
    ["another country", { countryIso3: "AFG" }],
    ["a protest", { category: "PROTEST", mode: "demo", subtype: "Peaceful protest" }],
    [
      "another agency 100 km away",
      {
        admin2: "Kurram",
        place: "Parachinar",
        lat: 33.9,
        lon: 70.1,
        geoPrecision: "near" as const,
      },
    ],
  ])("keeps apart a record %s", (_, change) => {
    expect(scoreRecords(makeRecord("ucdp", "1"), pbcDrone("2", change), options)).toBeNull();
  });

  it("never pairs two records of one family", () => {
    const a = pbcDrone("1");
    const b = pbcDrone("2");
    expect(scoreRecords(a, b, options)).toBeNull();
  });

  it("scores a day's gap lower than the same day", () => {
    const same = scoreRecords(makeRecord("ucdp", "1"), pbcDrone("2"), options);
    const later = scoreRecords(
      makeRecord("ucdp", "1"),
      pbcDrone("2", { dateStart: "2010-02-19", dateEnd: "2010-02-19" }),
      options,
    );
    expect(later?.date).toBeLessThan(same?.date ?? 0);
  });

  it("discounts a month-long date range: it links only on matching name, actors and deaths", () => {
    const month = { dateStart: "2010-02-01", dateEnd: "2010-02-28" };
    const s = scoreRecords(makeRecord("ucdp", "1", month), pbcDrone("2"), options);
    expect(s?.date).toBeLessThan(0.2);
    expect(s?.isLink).toBe(true);
    const vague = makeRecord("ucdp", "1", { ...month, place: "Mir Ali", fatalitiesBest: 9 });
    expect(scoreRecords(vague, pbcDrone("2"), options)?.isLink).toBe(false);
  });

  it("never matches a year-long range", () => {
    const year = makeRecord("ucdp", "1", { dateStart: "2010-01-01", dateEnd: "2010-12-31" });
    expect(scoreRecords(year, pbcDrone("2"), options)).toBeNull();
  });

  it("takes a zero against deaths as weak evidence, not as a contradiction", () => {
    const zero = makeRecord("ucdp", "1", {
      fatalitiesBest: 0,
      fatalitiesLow: 0,
      fatalitiesHigh: 0,
    });
    expect(scoreRecords(zero, pbcDrone("2"), options)?.fatalities).toBe(0.4);
  });
});

describe("place names", () => {
  it("normalizes unit words, accents and punctuation", () => {
    expect(normalizeName("Kurram agency")).toBe("kurram");
    expect(normalizeName("Khyber-Pakhtunkhwa  Province")).toBe("khyber pakhtunkhwa");
    expect(normalizeName("Azad Jammu & Kashmir")).toBe("azad jammu and kashmir");
  });

  it("matches spellings one letter apart, not short words", () => {
    const a = placeTokens("Danday Darpa Khel- 5km from Miran Shah");
    expect(a).toEqual(["danday", "darpa", "khel", "miran", "shah"]);
    expect(nameOverlap(placeTokens("Dandey Darpa Khel"), a)).toBe(1);
    expect(nameOverlap(placeTokens("Darga Mandi"), placeTokens("Darpa Khel"))).toBe(0);
  });
});
