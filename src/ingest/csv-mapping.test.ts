import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { AppError } from "../domain/errors.ts";
import { parseCsvMapping } from "./csv-mapping.ts";
import { fixture } from "./test-support.ts";

const MINIMAL = `
date: { column: Date, format: "D-M-YYYY" }
place: { country: { value: PAK } }
eventType: { value: Suicide bomb }
`;

function errorOf(text: string): AppError {
  try {
    parseCsvMapping(text, "m.yaml");
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected the mapping to be rejected");
}

describe("parseCsvMapping()", () => {
  it("reads a minimal mapping with its defaults", () => {
    const mapping = parseCsvMapping(MINIMAL, "m.yaml");
    expect(mapping.dataset).toBe("csv");
    expect(mapping.encoding).toBeNull();
    expect(mapping.spec.confidence).toBe(0.5);
    expect(mapping.types.value).toEqual({
      category: "ASSAULT",
      mode: "suicide-attack",
      subtype: "Suicide bomb",
    });
    expect(mapping.columns).toEqual([{ column: "Date", path: "date.column" }]);
  });

  it("reads the test mapping: value maps onto ACLED sub-event types and PLOVER", () => {
    const mapping = parseCsvMapping(
      readFileSync(fixture("mapped-attacks.yaml"), "utf8"),
      "mapped-attacks.yaml",
    );
    expect(mapping.encoding).toBe("latin1");
    expect(mapping.types.values.get("rally")).toEqual({
      category: "PROTEST",
      mode: "demo",
      subtype: null,
    });
    expect(mapping.types.values.get("drone")?.subtype).toBe("Air/drone strike");
    expect(mapping.columns.map((c) => c.path)).toContain("fatalities.max");
  });

  it.each(["pbc-drone-attacks", "pbc-suicide-attacks"])("reads the shipped mapping %s", (name) => {
    const path = resolve(import.meta.dirname, `../../mappings/${name}.yaml`);
    const mapping = parseCsvMapping(readFileSync(path, "utf8"), `${name}.yaml`);
    expect(mapping.dataset).toBe(name);
    expect(mapping.encoding).toBe("latin1");
  });

  it.each([
    ["date: [", /^m\.yaml: YAML syntax error at line 1, column \d+: /],
    [`${MINIMAL}colour: red\n`, /^m\.yaml: colour: unknown field \(line 5\)$/],
    [
      MINIMAL.replace("Suicide bomb", "Drone attack"),
      /^m\.yaml: eventType\.value: "Drone attack" is not an ACLED sub-event type \(line 4\)$/,
    ],
    [
      MINIMAL.replace('"D-M-YYYY"', '"D-M"'),
      /^m\.yaml: date\.format: needs a year \(YYYY\), a month \(MM or MMMM\) and a day \(DD\) \(line 2\)$/,
    ],
    [
      `${MINIMAL}fatalities: { min: Killed Min, max: Killed Max }\n`,
      /^m\.yaml: fatalities: without a best column, say which estimate is best: bestIs: min, max or mean \(line 5\)$/,
    ],
    [
      `${MINIMAL}fatalities: { best: Killed, bestIs: most }\n`,
      /^m\.yaml: fatalities\.bestIs: must be one of "min", "max", "mean"; got "most" \(line 5\)$/,
    ],
    [
      MINIMAL.replace(
        "{ value: Suicide bomb }",
        "{ column: Type, values: { Rally: { category: PROTEST, mode: march } } }",
      ),
      /^m\.yaml: eventType\.values\.Rally\.mode: "march" is not a mode of PROTEST \(demo, riot, /,
    ],
    [
      MINIMAL.replace("{ country: { value: PAK } }", "{ name: Place }"),
      /^m\.yaml: place: needs country, admin1 or latitude and longitude \(line 3\)$/,
    ],
    [
      MINIMAL.replace("{ country: { value: PAK } }", "{ country: { column: C, value: PAK } }"),
      /^m\.yaml: place\.country: give either column or value \(line 3\)$/,
    ],
    [`${MINIMAL}encoding: ebcdic\n`, /^m\.yaml: encoding: must be "utf8" or "latin1" \(line 5\)$/],
    [
      `${MINIMAL}fixes: [{ column: Lon, match: "(", replace: "" }]\n`,
      /^m\.yaml: fixes\[0\]\.match: "\(" is not a regular expression \(line 5\)$/,
    ],
    [
      `${MINIMAL}dataset: PBC Drones\n`,
      /^m\.yaml: dataset: must be lower-case letters, digits and dashes/,
    ],
  ])("names the path and line of a bad entry: %#", (text, expected) => {
    const error = errorOf(text);
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toMatch(expected);
  });
});
