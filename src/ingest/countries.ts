/**
 * Country codes the sources use, mapped to ISO 3166-1 alpha-3. The tables cover the Pakistan–
 * Afghanistan region and its neighbours, plus the countries of the real sample files; a code not
 * listed maps to null (the record keeps its raw value and counts as outside the region).
 */

/**
 * Gleditsch & Ward state numbers, which UCDP uses for `country_id`, `gwnoa`, `gwnob`
 * (Gleditsch & Ward 1999, "A revised list of independent states since 1816").
 */
const GLEDITSCH_WARD: Readonly<Record<string, string>> = {
  "2": "USA",
  "200": "GBR",
  "365": "RUS",
  "630": "IRN",
  "640": "TUR",
  "645": "IRQ",
  "652": "SYR",
  "670": "SAU",
  "700": "AFG",
  "701": "TKM",
  "702": "TJK",
  "703": "KGZ",
  "704": "UZB",
  "705": "KAZ",
  "710": "CHN",
  "750": "IND",
  "760": "BTN",
  "770": "PAK",
  "771": "BGD",
  "780": "LKA",
  "790": "NPL",
};

/** ISO 3166-1 numeric (ACLED's `iso` column) → alpha-3. */
const ISO_NUMERIC: Readonly<Record<string, string>> = {
  "4": "AFG",
  "32": "ARG",
  "50": "BGD",
  "64": "BTN",
  "144": "LKA",
  "156": "CHN",
  "356": "IND",
  "364": "IRN",
  "368": "IRQ",
  "398": "KAZ",
  "417": "KGZ",
  "524": "NPL",
  "586": "PAK",
  "643": "RUS",
  "682": "SAU",
  "760": "SYR",
  "762": "TJK",
  "792": "TUR",
  "795": "TKM",
  "826": "GBR",
  "840": "USA",
  "860": "UZB",
};

/** English country names as ACLED and UCDP spell them (lower case) → alpha-3. */
const NAMES: Readonly<Record<string, string>> = {
  afghanistan: "AFG",
  argentina: "ARG",
  bangladesh: "BGD",
  bhutan: "BTN",
  china: "CHN",
  india: "IND",
  iran: "IRN",
  iraq: "IRQ",
  kazakhstan: "KAZ",
  kyrgyzstan: "KGZ",
  nepal: "NPL",
  pakistan: "PAK",
  russia: "RUS",
  "saudi arabia": "SAU",
  "sri lanka": "LKA",
  syria: "SYR",
  tajikistan: "TJK",
  turkey: "TUR",
  turkmenistan: "TKM",
  "united kingdom": "GBR",
  "united states": "USA",
  uzbekistan: "UZB",
};

export function gleditschWardToIso3(code: string): string | null {
  return GLEDITSCH_WARD[code.trim()] ?? null;
}

export function isoNumericToIso3(code: string): string | null {
  // ACLED writes some numeric codes zero-padded ("004").
  const trimmed = code.trim().replace(/^0+(?=\d)/, "");
  return ISO_NUMERIC[trimmed] ?? null;
}

export function countryNameToIso3(name: string): string | null {
  return NAMES[name.trim().toLowerCase()] ?? null;
}

/** A three-letter upper-case code such as UCDP's `iso3` or a relid prefix, else null. */
export function asIso3(code: string): string | null {
  const trimmed = code.trim().toUpperCase();
  return /^[A-Z]{3}$/.test(trimmed) ? trimmed : null;
}
