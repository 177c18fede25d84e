import { describe, expect, it } from "vitest";
import { buildPublicSummary, redactText, type SummarySource } from "./redact.ts";

describe("redactText()", () => {
  it("withholds the listed names in any case and spacing, but not other words", () => {
    const persons = ["Gul Khan", "Zarmina"];
    expect(
      redactText("GUL  KHAN met zarmina; Khanpur is a town; Zarminas is not her.", persons),
    ).toBe("[name withheld] met [name withheld]; Khanpur is a town; Zarminas is not her.");
    expect(redactText("no names here", [])).toBe("no names here");
    // A name is matched literally: "." is a dot, not any character.
    expect(redactText("a.b axb", ["a.b"])).toBe("[name withheld] axb");
  });

  it("withholds e-mail addresses", () => {
    expect(redactText("write to gul.khan+tip@mail.example.pk today", [])).toBe(
      "write to [email withheld] today",
    );
  });

  it("withholds phone numbers but keeps dates, years and counts", () => {
    const cases: [string, string][] = [
      ["call +92 300 1234567", "call [phone withheld]"],
      ["call 0092-300-1234567", "call [phone withheld]"],
      ["call 0300-1234567.", "call [phone withheld]."],
      ["call (051) 926 1234", "call [phone withheld]"],
      ["him (0300-1234567) too", "him ([phone withheld]) too"],
      ["call +93 70 123 4567 or 0799123456", "call [phone withheld] or [phone withheld]"],
      ["on 2025-10-19 at 06:10", "on 2025-10-19 at 06:10"],
      ["between 2020-2024", "between 2020-2024"],
      ["killed 12 and wounded 1,200", "killed 12 and wounded 1,200"],
      ["at 33.6844, 73.0479", "at 33.6844, 73.0479"],
      ["report 19.10.2025", "report 19.10.2025"],
    ];
    for (const [text, expected] of cases) expect(redactText(text, []), text).toBe(expected);
  });
});

const SOURCE: SummarySource = {
  id: "r1",
  marking: "CLEAR",
  commitment: "ceasefire",
  filerParty: "PAK",
  against: "AFG",
  occurredOn: "2026-03-20",
  place: { name: "Torkham", lat: 34.1, lon: 71.1 },
  title: "Shelling seen by Gul Khan",
  description: "Gul Khan (0300-1234567) saw it.",
  persons: ["Gul Khan"],
  outcome: "verified",
  finding: {
    facts: "Gul Khan was right",
    attribution: "Unit X",
    breachedCommitment: "ceasefire",
    measure: "Patrol",
  },
};

describe("buildPublicSummary()", () => {
  it("lets out more the more open the marking", () => {
    const keys = (marking: SummarySource["marking"]) =>
      Object.keys(buildPublicSummary({ ...SOURCE, marking }, "2026-04-02")).sort();
    const base = [
      "breachedCommitment",
      "commitment",
      "id",
      "marking",
      "occurred",
      "outcome",
      "publishedOn",
    ];
    const amber = [...base, "attribution", "measure", "parties"];
    const green = [...amber, "facts", "place"];
    expect(keys("RED")).toEqual(base.sort());
    expect(keys("AMBER")).toEqual(amber.sort());
    expect(keys("GREEN")).toEqual(green.sort());
    expect(keys("CLEAR")).toEqual([...green, "coordinates", "description", "title"].sort());
  });

  it("gives the month only below GREEN and redacts every text it keeps", () => {
    expect(buildPublicSummary({ ...SOURCE, marking: "AMBER" }, "2026-04-02").occurred).toBe(
      "2026-03",
    );
    const clear = buildPublicSummary(SOURCE, "2026-04-02");
    expect(clear).toMatchObject({
      occurred: "2026-03-20",
      title: "Shelling seen by [name withheld]",
      description: "[name withheld] ([phone withheld]) saw it.",
      facts: "[name withheld] was right",
      coordinates: { lat: 34.1, lon: 71.1 },
    });
  });
});
