import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { AppError } from "../errors.ts";
import { parseProfile } from "./index.ts";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** A small valid profile; each case below breaks one thing in a fresh copy. */
function validProfile(): JsonObject {
  const pattern = () => ({ category: ["ASSAULT"], actor: ["ttp"], country: "PAK" });
  return {
    id: "test",
    name: "Test profile",
    parties: [
      { iso3: "PAK", fips: "PK", name: "Pakistan" },
      { iso3: "AFG", fips: "AF", name: "Afghanistan" },
    ],
    region: {
      countries: ["PAK", "AFG"],
      admin1: {
        PAK: [
          { name: "Khyber Pakhtunkhwa", aliases: ["KP"] },
          { name: "FATA", mergedInto: "Khyber Pakhtunkhwa" },
        ],
        AFG: [{ name: "Nangarhar" }],
      },
      admin2: { PAK: [{ name: "Khyber", admin1: "Khyber Pakhtunkhwa" }] },
      crossings: [
        {
          id: "torkham",
          name: "Torkham",
          lat: 34.11,
          lon: 71.08,
          sides: { PAK: { admin1: "Khyber Pakhtunkhwa", admin2: "Khyber" } },
        },
      ],
    },
    actors: [
      {
        id: "pak",
        name: "Government of Pakistan",
        type: "government",
        basedIn: "PAK",
        party: "PAK",
      },
      { id: "afg", name: "Taliban", type: "government", basedIn: "AFG", party: "AFG" },
      { id: "ttp", name: "TTP", type: "armed_group", basedIn: "AFG", party: null },
    ],
    demands: ["one", "two", "three"].map((id) => ({
      id,
      title: `Demand ${id}`,
      by: "PAK",
      of: "AFG",
      description: "Why it matters.",
      evidence: {
        progress: [{ ...pattern(), actor: ["afg"], target: ["ttp"] }],
        breach: [pattern()],
      },
    })),
    watchQuestions: [
      {
        id: "q",
        text: "Will it happen?",
        rule: { pattern: pattern(), count: 1, windowDays: 30 },
        horizonDays: 90,
      },
    ],
    escalationLadder: [
      { rung: 1, id: "statement", name: "Statement", pattern: { category: "ACCUSE" } },
      { rung: 2, id: "clash", name: "Clash", pattern: { category: "ASSAULT", actor: "pak" } },
      {
        rung: 3,
        id: "war",
        name: "War",
        pattern: { category: "ASSAULT", actorParty: "PAK", targetParty: "AFG" },
        threshold: { count: 5, windowDays: 7 },
      },
    ],
    thresholds: {
      escalationIndex: { elevated: 1, high: 2, severe: 3 },
      ladderRung: { elevated: 1, high: 2, severe: 3 },
    },
  };
}

/** The object at `path` in `root`, for a case to edit. */
function at(root: JsonObject, path: Array<string | number>): JsonObject {
  let node: Json | undefined = root;
  for (const part of path) {
    if (Array.isArray(node)) node = node[Number(part)];
    else if (node !== null && typeof node === "object") node = node[String(part)];
    else node = undefined;
  }
  if (node === undefined || node === null || typeof node !== "object" || Array.isArray(node)) {
    throw new Error(`fixture has no object at ${path.join(".")}`);
  }
  return node;
}

function errorOf(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected parseProfile to throw");
}

describe("parseProfile()", () => {
  it("accepts the valid fixture as YAML and as JSON", () => {
    const data = validProfile();
    const fromYaml = parseProfile(stringify(data), { source: "test.yaml" });
    const fromJson = parseProfile(JSON.stringify(data), { source: "test.json" });
    expect(fromYaml).toEqual(fromJson);
    expect(fromYaml.demands.map((d) => d.id)).toEqual(["one", "two", "three"]);
    // A scalar where a list is allowed becomes a one-item list.
    expect(fromYaml.watchQuestions[0]?.rule.pattern.country).toEqual(["PAK"]);
  });

  const cases: Array<{ name: string; edit: (p: JsonObject) => void; message: string }> = [
    {
      name: "an unknown PLOVER category",
      edit: (p) => {
        at(p, ["demands", 2, "evidence", "progress", 0]).category = ["ARRESTS"];
      },
      message: 'demands[2].evidence.progress[0].category: unknown category "ARRESTS"',
    },
    {
      name: "a category in the wrong case, with a hint",
      edit: (p) => {
        at(p, ["escalationLadder", 0, "pattern"]).category = "assault";
      },
      message:
        'escalationLadder[0].pattern.category: unknown category "assault" (did you mean "ASSAULT"?)',
    },
    {
      name: "an unknown ACLED sub-event type",
      edit: (p) => {
        at(p, ["demands", 0, "evidence", "breach", 0]).subtype = "Arrest";
      },
      message: 'demands[0].evidence.breach[0].subtype: unknown ACLED sub-event type "Arrest"',
    },
    {
      name: "a missing required field",
      edit: (p) => {
        delete at(p, ["actors", 1]).type;
      },
      message: "actors[1].type: is required",
    },
    {
      name: "a field of the wrong type",
      edit: (p) => {
        at(p, ["watchQuestions", 0]).horizonDays = "ninety";
      },
      message: 'watchQuestions[0].horizonDays: expected number, got string "ninety"',
    },
    {
      name: "an unknown field",
      edit: (p) => {
        at(p, ["actors", 0]).colour = "green";
      },
      message: "actors[0].colour: unknown field",
    },
    {
      name: "an actor type outside the list",
      edit: (p) => {
        at(p, ["actors", 2]).type = "militia";
      },
      message: 'actors[2].type: must be one of "state_force", "government", "armed_group"',
    },
    {
      name: "a duplicate actor id",
      edit: (p) => {
        at(p, ["actors", 2]).id = "pak";
      },
      message: 'actors[2].id: duplicate id "pak" (first used at index 0)',
    },
    {
      name: "a duplicate demand id",
      edit: (p) => {
        at(p, ["demands", 1]).id = "one";
      },
      message: 'demands[1].id: duplicate id "one" (first used at index 0)',
    },
    {
      name: "an unknown actor reference",
      edit: (p) => {
        at(p, ["demands", 1, "evidence", "breach", 0]).actor = ["tpp"];
      },
      message: 'demands[1].evidence.breach[0].actor: unknown actor "tpp"',
    },
    {
      name: "an unknown parent actor",
      edit: (p) => {
        at(p, ["actors", 2]).parent = "nobody";
      },
      message: 'actors[2].parent: unknown actor "nobody"',
    },
    {
      name: "a parent chain that loops",
      edit: (p) => {
        at(p, ["actors", 1]).parent = "ttp";
        at(p, ["actors", 2]).parent = "afg";
      },
      message: "actors[1].parent: parent chain loops back",
    },
    {
      name: "one alias for two actors at the same time",
      edit: (p) => {
        at(p, ["actors", 2]).aliases = ["Taliban"];
      },
      message: 'actors[2].aliases[0]: alias "Taliban" also names actor "afg"',
    },
    {
      name: "a demand made of a non-party",
      edit: (p) => {
        at(p, ["demands", 0]).of = "IND";
      },
      message: 'demands[0].of: unknown party "IND"',
    },
    {
      name: "ladder rungs out of order",
      edit: (p) => {
        at(p, ["escalationLadder", 1]).rung = 3;
      },
      message: "escalationLadder[1].rung: expected rung 2 here, got 3",
    },
    {
      name: "a pattern with no criteria",
      edit: (p) => {
        at(p, ["escalationLadder", 0]).pattern = { undirected: true };
      },
      message: "escalationLadder[0].pattern: pattern has no criteria",
    },
    {
      name: "a malformed cross-border direction",
      edit: (p) => {
        at(p, ["demands", 0, "evidence", "breach", 0]).crossBorder = "AFG-PAK";
      },
      message: `demands[0].evidence.breach[0].crossBorder: must be true, false or a direction such as "AFG->PAK"`,
    },
    {
      name: "an admin2 unit in an unknown province",
      edit: (p) => {
        at(p, ["region", "admin2", "PAK", 0]).admin1 = "Punjab";
      },
      message: 'region.admin2.PAK[0].admin1: unknown admin1 unit "Punjab"',
    },
    {
      name: "a crossing side in the wrong province",
      edit: (p) => {
        at(p, ["region", "crossings", 0, "sides", "PAK"]).admin1 = "FATA";
      },
      message: 'region.crossings[0].sides.PAK.admin2: "Khyber" is in Khyber Pakhtunkhwa, not FATA',
    },
    {
      name: "a basedInHistory period that ends before it starts",
      edit: (p) => {
        at(p, ["actors", 2]).basedInHistory = [
          { iso3: "PAK", from: "2014-06-15", to: "2007-12-01" },
        ];
      },
      message: 'actors[2].basedInHistory[0]: "from" 2014-06-15 is not before "to" 2007-12-01',
    },
    {
      name: "two basedInHistory periods that share a day",
      edit: (p) => {
        at(p, ["actors", 2]).basedInHistory = [
          { iso3: "PAK", to: "2014-06-16" },
          { iso3: "AFG", from: "2014-06-15" },
        ];
      },
      message: "actors[2].basedInHistory[1]: overlaps basedInHistory[0]",
    },
    {
      name: "a basedInHistory period open to today that contradicts basedIn",
      edit: (p) => {
        at(p, ["actors", 2]).basedInHistory = [{ iso3: "PAK", from: "2007-12-01" }];
      },
      message:
        'actors[2].basedInHistory[0].iso3: the period open to today says "PAK" but basedIn is "AFG"',
    },
    {
      name: "a basedInHistory date that is not YYYY-MM-DD",
      edit: (p) => {
        at(p, ["actors", 2]).basedInHistory = [{ iso3: "PAK", to: "June 2014" }];
      },
      message: "actors[2].basedInHistory[0].to: must be a date written YYYY-MM-DD",
    },
    {
      name: "a misspelt basedInHistory field",
      edit: (p) => {
        at(p, ["actors", 2]).basedInHistory = [{ country: "PAK", to: "2014-06-15" }];
      },
      message: "actors[2].basedInHistory[0].iso3: is required",
    },
    {
      name: "thresholds that do not rise",
      edit: (p) => {
        at(p, ["thresholds", "escalationIndex"]).high = 5;
      },
      message: "thresholds.escalationIndex: levels must rise: elevated < high < severe",
    },
  ];

  for (const { name, edit, message } of cases) {
    for (const format of ["yaml", "json"] as const) {
      it(`rejects ${name} (${format}) naming the path`, () => {
        const data = validProfile();
        edit(data);
        const text = format === "yaml" ? stringify(data) : JSON.stringify(data, null, 2);
        const error = errorOf(() => parseProfile(text, { source: `bad.${format}` }));
        expect(error.code).toBe("INVALID_INPUT");
        const expected = `bad.${format}: ${message}`;
        expect(error.message.slice(0, expected.length)).toBe(expected);
      });
    }
  }

  it("gives the line and column of the bad field in the YAML text", () => {
    const data = validProfile();
    at(data, ["demands", 2, "evidence", "progress", 0]).category = ["ARRESTS"];
    const text = stringify(data);
    const error = errorOf(() => parseProfile(text, { source: "bad.yaml" }));
    const lines = text.split("\n");
    const line = lines.findIndex((l) => l.includes("- ARRESTS")) + 1;
    expect(line).toBeGreaterThan(0);
    expect(error.message).toContain(`(line ${line}, column `);
  });

  it("counts the further problems after the first", () => {
    const data = validProfile();
    at(data, ["actors", 1]).colour = "green";
    at(data, ["actors", 2]).colour = "blue";
    const error = errorOf(() => parseProfile(stringify(data), { source: "bad.yaml" }));
    expect(error.message).toMatch(
      /^bad\.yaml: actors\[1\]\.colour: unknown field .*\(and 1 more problems\)$/,
    );
  });

  it("reports a YAML syntax error with its line and column", () => {
    const text = ["id: test", "name: Test", "parties: [", "  { iso3: PAK", "region: {}"].join("\n");
    const error = errorOf(() => parseProfile(text, { source: "broken.yaml" }));
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toMatch(/^broken\.yaml: YAML syntax error at line [45], column \d+: /);
  });

  it("reports a duplicate YAML key as a syntax error on its line", () => {
    const text = ["id: test", "name: Test", "id: again"].join("\n");
    const error = errorOf(() => parseProfile(text, { source: "dup.yaml" }));
    expect(error.message).toMatch(/^dup\.yaml: YAML syntax error at line 3, column 1: /);
  });

  it("reports a JSON syntax error with its line", () => {
    const text = '{\n  "id": "test",\n  "name": "Test",,\n}';
    const error = errorOf(() => parseProfile(text, { source: "broken.json" }));
    expect(error.message).toMatch(/^broken\.json: JSON syntax error at line 3, column \d+: /);
  });
});

describe("parseProfile() basedInHistory", () => {
  it("reads dated bases, and gives an empty history to actors without one", () => {
    const data = validProfile();
    at(data, ["actors", 2]).basedInHistory = [
      { iso3: "PAK", to: "2014-06-15" },
      { iso3: "AFG", from: "2014-06-15" },
    ];
    const profile = parseProfile(stringify(data), { source: "test.yaml" });
    const [pak, , ttp] = profile.actors;
    expect(ttp?.basedIn).toBe("AFG");
    expect(ttp?.basedInHistory).toEqual([
      { iso3: "PAK", to: "2014-06-15" },
      { iso3: "AFG", from: "2014-06-15" },
    ]);
    expect(pak?.basedInHistory).toEqual([]);
  });

  it("accepts a null base in a period (global or unknown then)", () => {
    const data = validProfile();
    at(data, ["actors", 2]).basedInHistory = [{ iso3: null, to: "2007-12-01" }];
    const profile = parseProfile(JSON.stringify(data), { source: "test.json" });
    expect(profile.actors[2]?.basedInHistory).toEqual([{ iso3: null, to: "2007-12-01" }]);
  });

  it("lets factions share a history through a YAML anchor", () => {
    const data = validProfile();
    const actors = data.actors;
    if (!Array.isArray(actors)) throw new Error("fixture has no actors");
    at(data, ["actors", 2]).basedInHistory = "ANCHOR";
    actors.push({
      id: "faction",
      name: "Faction",
      type: "armed_group",
      basedIn: "AFG",
      party: null,
      parent: "ttp",
      basedInHistory: "ALIAS",
    });
    const text = stringify(data)
      .replace("basedInHistory: ANCHOR", "basedInHistory: &fata [{ iso3: PAK, to: 2014-06-15 }]")
      .replace("basedInHistory: ALIAS", "basedInHistory: *fata");
    const profile = parseProfile(text, { source: "anchors.yaml" });
    const history = (id: string) => profile.actors.find((a) => a.id === id)?.basedInHistory;
    expect(history("faction")).toEqual([{ iso3: "PAK", to: "2014-06-15" }]);
    expect(history("ttp")).toEqual(history("faction"));
  });

  it("reports an alias to an anchor that does not exist as invalid input", () => {
    const data = validProfile();
    at(data, ["actors", 2]).basedInHistory = "ALIAS";
    const text = stringify(data).replace("basedInHistory: ALIAS", "basedInHistory: *nowhere");
    const error = errorOf(() => parseProfile(text, { source: "alias.yaml" }));
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toMatch(/^alias\.yaml: YAML error: .*nowhere/);
  });
});

describe("parseProfile() result", () => {
  it("is frozen, so no consumer can change the shared profile", () => {
    const profile = parseProfile(stringify(validProfile()), { source: "test.yaml" });
    const [first] = profile.actors;
    if (first === undefined) throw new Error("fixture has no actors");
    expect(Object.isFrozen(first)).toBe(true);
    expect(() => profile.actors.push(first)).toThrow(TypeError);
    expect(() => {
      first.name = "Renamed";
    }).toThrow(TypeError);
  });
});
