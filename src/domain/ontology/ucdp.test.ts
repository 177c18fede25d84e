import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { isPloverMode, type UcdpViolenceType, ucdpToPlover } from "./index.ts";

function readShared(path: string): string {
  return readFileSync(new URL(`../../../../shared/data/${path}`, import.meta.url), "utf8");
}

describe("ucdpToPlover()", () => {
  it.each([
    [1, "ASSAULT", "sideAB"],
    [2, "ASSAULT", "sideAB"],
    [3, "ASSAULT", null],
  ] as const)("maps type_of_violence %d to %s %s", (type, category, mode) => {
    expect(ucdpToPlover(type)).toEqual({ category, mode });
  });

  it("maps every type_of_violence of the UCDP GED Pakistan file to ASSAULT with a valid mode", () => {
    const rows = parse(readShared("ucdp/conflict_data_pak.csv"), {
      columns: true,
      skip_empty_lines: true,
    }) as Record<string, string>[];
    // The HDX copy's second line holds HXL tags, not data.
    const values = new Set(rows.slice(1).map((row) => row.type_of_violence));
    expect([...values].sort()).toEqual(["1", "2", "3"]);
    for (const value of values) {
      const mapped = ucdpToPlover(Number(value) as UcdpViolenceType);
      expect(mapped.category).toBe("ASSAULT");
      if (mapped.mode !== null) expect(isPloverMode(mapped.category, mapped.mode)).toBe(true);
    }
  });
});
