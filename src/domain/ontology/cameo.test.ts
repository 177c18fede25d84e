import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { PloverCategory } from "../plover.ts";
import { CAMEO_PLOVER_TABLE } from "./cameo-table.ts";
import { cameoToPlover, isPloverMode, normalizePloverName } from "./index.ts";

function readShared(path: string): string {
  return readFileSync(new URL(`../../../../shared/data/${path}`, import.meta.url), "utf8");
}

/**
 * The codes of GDELT's CAMEO list. In every public copy the line of 1056 ends
 * with the next entry glued on, "…engagement106:[-5.0] Demand withdrawal",
 * so 106 has no line of its own and is cut out of that description.
 */
function readGdeltCameoCodes(): { codes: string[]; glued: string[] } {
  const lines = readShared("gdelt/lookups/CAMEO.eventcodes.txt").split("\r\n").slice(1);
  const codes: string[] = [];
  const glued: string[] = [];
  for (const line of lines) {
    if (line === "") continue;
    const [code = "", description = ""] = line.split("\t");
    codes.push(code);
    const tail = /(\d{2,4}):\[-?\d+(?:\.\d+)?\]/.exec(description);
    if (tail?.[1]) glued.push(tail[1]);
  }
  return { codes: [...codes, ...glued], glued };
}

describe("cameoToPlover() on GDELT's CAMEO code list", () => {
  const { codes, glued } = readGdeltCameoCodes();

  it("finds code 106 glued onto the line of 1056, and only there", () => {
    expect(glued).toEqual(["106"]);
    expect(codes.filter((code) => code === "106")).toHaveLength(1);
  });

  it("reads all 20 roots and keeps leading zeros", () => {
    expect(codes.filter((code) => code.length === 2)).toHaveLength(20);
    expect(codes).toContain("0211");
    expect(codes).not.toContain("211");
  });

  it("has a table entry of its own, with a valid mode, for every code", () => {
    for (const code of codes) {
      expect(Object.hasOwn(CAMEO_PLOVER_TABLE, code), code).toBe(true);
      const mapped = cameoToPlover(code);
      expect(mapped, code).toBeDefined();
      if (mapped?.mode) expect(isPloverMode(mapped.category, mapped.mode), code).toBe(true);
    }
  });

  it("maps every EventCode found in the GDELT 2.0 export samples", () => {
    const files = [
      "gdelt/20191024143000.export.CSV",
      "gdelt/20180326044500.export.CSV",
      "gdelt/extra/20151027220000.export.CSV",
    ];
    const seen = new Set<string>();
    for (const file of files) {
      for (const row of readShared(file).split("\n")) {
        const code = row.split("\t")[26];
        if (code) seen.add(code);
      }
    }
    expect(seen.size).toBeGreaterThan(100);
    expect([...seen].filter((code) => !cameoToPlover(code))).toEqual([]);
  });
});

describe("cameoToPlover() against CAMEO2PLOVER-2021.txt", () => {
  interface Entry {
    code: string;
    category: string;
    mode: string;
  }

  function readConversionTable(): Entry[] {
    const entries: Entry[] = [];
    for (const line of readShared("plover/CAMEO2PLOVER-2021.txt").split("\n")) {
      const match = /^(\d{2,4}):\s*([^#]*)/.exec(line);
      if (!match?.[1] || match[2] === undefined) continue;
      const [category = "", mode = ""] = match[2].split(",").map((part) => part.trim());
      entries.push({ code: match[1], category, mode });
    }
    return entries;
  }

  /** Where this project departs from the table on purpose (see cameo-table.ts). */
  const exceptions: Record<string, { category: PloverCategory; mode: string | null }> = {
    // Mode no longer in the 0.8 manual.
    "085": { category: "RETREAT", mode: null }, // "ease"
    "171": { category: "COERCE", mode: "confiscate" }, // "seize"
    "1711": { category: "COERCE", mode: "confiscate" }, // "seize"
    "1712": { category: "ASSAULT", mode: "destroy" }, // "seize"
    "192": { category: "COERCE", mode: null }, // "seize"
    "1321": { category: "THREATEN", mode: "restrict" }, // "political"
    "175": { category: "ASSAULT", mode: null }, // "pro_autocracy", a context
    // CAMEO 1.1b3 (GDELT) meanings: Demand mediation, withdrawal, ceasefire.
    "105": { category: "REQUEST", mode: "meet" },
    "106": { category: "REQUEST", mode: "yield" },
    "107": { category: "REQUEST", mode: "yield" },
  };
  const entries = readConversionTable();

  it("reads the whole table", () => {
    expect(entries.length).toBeGreaterThan(250);
    expect(entries.filter((entry) => entry.code === "08").map((entry) => entry.category)).toEqual([
      "CONCEDE",
      "RETREAT",
    ]);
  });

  it("agrees on category and mode for every entry but the listed exceptions", () => {
    const disagreements: string[] = [];
    for (const entry of entries) {
      if (Object.hasOwn(exceptions, entry.code)) continue;
      // Root 08 is listed twice; the second line (RETREAT) cannot also hold.
      if (entry.code === "08" && entry.category === "RETREAT") continue;
      const mapped = cameoToPlover(entry.code);
      const category = normalizePloverName(entry.category);
      const mode = entry.mode === "" ? null : entry.mode;
      if (mapped?.category !== category || mapped?.mode !== mode) {
        disagreements.push(`${entry.code}: ${entry.category}/${mode} vs ${JSON.stringify(mapped)}`);
      }
    }
    expect(disagreements).toEqual([]);
  });

  it("departs from the table exactly as the exceptions say, and each one is a real departure", () => {
    for (const [code, expected] of Object.entries(exceptions)) {
      expect(cameoToPlover(code), code).toEqual(expected);
      const entry = entries.find((candidate) => candidate.code === code);
      expect(entry, code).toBeDefined();
      expect(entry?.mode ?? "", code).not.toBe(expected.mode ?? "");
    }
  });
});

describe("cameoToPlover()", () => {
  const cases: [string, PloverCategory, string | null][] = [
    ["195", "ASSAULT", "heavy-weapons"],
    ["193", "ASSAULT", "firearms"],
    ["1831", "ASSAULT", "suicide-attack"],
    ["0871", "RETREAT", "ceasefire"],
    ["043", "CONSULT", "visit"],
    ["106", "REQUEST", "yield"],
    ["0256", "REQUEST", "yield"],
    ["1123", "ACCUSE", "allege"],
    ["163", "COERCE", "restrict"],
    ["19", "ASSAULT", null],
    ["01", "CONSULT", null],
    ["016", "REJECT", null],
  ];
  it.each(cases)("maps %j to %s %s", (code, category, mode) => {
    expect(cameoToPlover(code)).toEqual({ category, mode });
  });

  it.each([
    ["0215", "021", "REQUEST", "assist"],
    ["1099", "10", "REQUEST", null],
    ["1955", "195", "ASSAULT", "heavy-weapons"],
  ] as const)("falls back from %j to %j", (code, _parent, category, mode) => {
    expect(cameoToPlover(code)).toEqual({ category, mode });
  });

  it.each(["", "1", "21", "99", "211", "12345", "abc", "0x1"])("gives undefined for %j", (code) => {
    expect(cameoToPlover(code)).toBeUndefined();
  });
});
