import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { FIPS_COUNTRIES, fipsToIso3, iso3ToFips } from "./index.ts";

function readShared(path: string): string {
  return readFileSync(new URL(`../../../../shared/data/${path}`, import.meta.url), "utf8");
}

/** FIPS entities that share an ISO3 with a main territory, and so are not its answer. */
const SECONDARY_FIPS = ["AT", "CR", "BS", "EU", "GO", "JU", "TE", "JN", "RB"];
/** ISO3 codes with no single FIPS code: both halves of Palestine, nine US islands. */
const NO_SINGLE_FIPS = ["PSE", "UMI"];

describe("FIPS_COUNTRIES", () => {
  it("lists about 250 codes, each once, each two capital letters or digits", () => {
    expect(FIPS_COUNTRIES.length).toBeGreaterThan(250);
    const codes = FIPS_COUNTRIES.map(([fips]) => fips);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[A-Z0-9]{2}$/);
    for (const [, iso3] of FIPS_COUNTRIES) if (iso3 !== null) expect(iso3).toMatch(/^[A-Z]{3}$/);
  });
});

describe("fipsToIso3() and iso3ToFips()", () => {
  it.each([
    ["PK", "PAK"],
    ["AF", "AFG"],
    ["IN", "IND"],
    ["IR", "IRN"],
    ["CH", "CHN"],
    ["TX", "TKM"],
    ["TI", "TJK"],
    ["UZ", "UZB"],
    ["UK", "GBR"],
    ["US", "USA"],
    ["GM", "DEU"],
    ["RS", "RUS"],
    ["SF", "ZAF"],
    ["IZ", "IRQ"],
    ["OD", "SSD"],
    ["KV", "XKX"],
    ["RI", "SRB"],
  ])("maps %s to %s and back", (fips, iso3) => {
    expect(fipsToIso3(fips)).toBe(iso3);
    expect(iso3ToFips(iso3)).toBe(fips);
  });

  it("round-trips every entry", () => {
    for (const [fips, iso3] of FIPS_COUNTRIES) {
      if (iso3 === null) {
        expect(fipsToIso3(fips), fips).toBeUndefined();
        continue;
      }
      expect(fipsToIso3(fips), fips).toBe(iso3);
      const back = iso3ToFips(iso3);
      if (NO_SINGLE_FIPS.includes(iso3)) expect(back, iso3).toBeUndefined();
      else if (SECONDARY_FIPS.includes(fips)) expect(fipsToIso3(back ?? ""), fips).toBe(iso3);
      else expect(back, fips).toBe(fips);
    }
  });

  it("answers for shared ISO3 codes with the main territory, or not at all", () => {
    expect(iso3ToFips("AUS")).toBe("AS");
    expect(iso3ToFips("ATF")).toBe("FS");
    expect(iso3ToFips("SJM")).toBe("SV");
    expect(iso3ToFips("SRB")).toBe("RI");
    expect(iso3ToFips("PSE")).toBeUndefined();
    expect(fipsToIso3("WE")).toBe("PSE");
    expect(fipsToIso3("GZ")).toBe("PSE");
  });

  it("accepts any case and surrounding spaces", () => {
    expect(fipsToIso3(" pk ")).toBe("PAK");
    expect(iso3ToFips("afg")).toBe("AF");
  });

  it.each(["XX", "ZZ", "", "P", "PAK", "constructor", "OS"])(
    "fipsToIso3(%j) is undefined",
    (code) => {
      expect(fipsToIso3(code)).toBeUndefined();
    },
  );

  it.each(["XXX", "", "PK", "ROM", "TMP", "toString"])("iso3ToFips(%j) is undefined", (code) => {
    expect(iso3ToFips(code)).toBeUndefined();
  });

  it("knows every country code in the GDELT 2.0 export samples", () => {
    const files = [
      "gdelt/20191024143000.export.CSV",
      "gdelt/20180326044500.export.CSV",
      "gdelt/extra/20151027220000.export.CSV",
    ];
    // Actor1Geo_, Actor2Geo_ and ActionGeo_CountryCode (0-based columns).
    const columns = [37, 45, 53];
    const seen = new Set<string>();
    for (const file of files) {
      for (const row of readShared(file).split("\n")) {
        const fields = row.split("\t");
        for (const column of columns) {
          const code = fields[column];
          if (code) seen.add(code);
        }
      }
    }
    expect(seen.has("PK") && seen.has("AF")).toBe(true);
    const known = new Set(FIPS_COUNTRIES.map(([fips]) => fips));
    expect([...seen].filter((code) => !known.has(code))).toEqual([]);
  });

  it("has a FIPS code for every country in GDELT's CAMEO country list that is an ISO3 code", () => {
    const lines = readShared("gdelt/lookups/CAMEO.country.txt").split("\n");
    const codes = lines.map((line) => line.split("\t")[0] ?? "");
    // Region codes (AFR, SAS, …) come first; countries start at AFG.
    const countries = codes.slice(codes.indexOf("AFG")).filter((code) => /^[A-Z]{3}$/.test(code));
    // CAMEO's own codes for Romania, East Timor, Isle of Man, Montenegro (ISO:
    // ROU, TLS, IMN, MNE), and the Aland Islands, which FIPS counts as Finland.
    const notInFips = ["ALA", "IMY", "MTN", "ROM", "TMP"];
    const missing = countries.filter((code) => iso3ToFips(code) === undefined);
    expect(missing.sort()).toEqual([...notInFips, "PSE"].sort());
  });
});
