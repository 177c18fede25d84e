import { FIPS_COUNTRIES } from "./fips-table.ts";

/**
 * The FIPS code `iso3ToFips` answers for an ISO3 that several FIPS entities
 * share: the main territory's. PSE (West Bank WE, Gaza Strip GZ) and UMI
 * (nine islands) have no main territory, so they get no answer rather than
 * half of one; a caller filtering GDELT by FIPS must list those codes itself.
 */
const MAIN_FIPS_OF_SHARED_ISO3: Readonly<Record<string, string | null>> = {
  ATF: "FS",
  AUS: "AS",
  PSE: null,
  SJM: "SV",
  SRB: "RI",
  UMI: null,
};

const ISO3_BY_FIPS: ReadonlyMap<string, string> = new Map(
  FIPS_COUNTRIES.flatMap(([fips, iso3]): [string, string][] =>
    iso3 === null ? [] : [[fips, iso3]],
  ),
);

const FIPS_BY_ISO3: ReadonlyMap<string, string> = new Map(
  FIPS_COUNTRIES.flatMap(([fips, iso3]): [string, string][] => {
    if (iso3 === null) return [];
    const main = Object.hasOwn(MAIN_FIPS_OF_SHARED_ISO3, iso3)
      ? MAIN_FIPS_OF_SHARED_ISO3[iso3]
      : fips;
    return main === fips ? [[iso3, fips]] : [];
  }),
);

/** ISO 3166-1 alpha-3 of a FIPS 10-4 country code ("PK" → "PAK"); undefined if unknown or none. */
export function fipsToIso3(code: string): string | undefined {
  return ISO3_BY_FIPS.get(code.trim().toUpperCase());
}

/** FIPS 10-4 country code of an ISO3 ("PAK" → "PK"); undefined if unknown or shared (PSE, UMI). */
export function iso3ToFips(code: string): string | undefined {
  return FIPS_BY_ISO3.get(code.trim().toUpperCase());
}
