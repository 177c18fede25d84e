/**
 * GDELT event columns, from "GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016" and the 1.0
 * header of the same date. 1.0 is 2.0 without the three `*Geo_ADM2Code` columns (58), and daily
 * files before April 2013 also lack the final SOURCEURL (57).
 */
export const GDELT_V2_COLUMNS = [
  "GLOBALEVENTID",
  "SQLDATE",
  "MonthYear",
  "Year",
  "FractionDate",
  ...actorColumns("Actor1"),
  ...actorColumns("Actor2"),
  "IsRootEvent",
  "EventCode",
  "EventBaseCode",
  "EventRootCode",
  "QuadClass",
  "GoldsteinScale",
  "NumMentions",
  "NumSources",
  "NumArticles",
  "AvgTone",
  ...geoColumns("Actor1Geo"),
  ...geoColumns("Actor2Geo"),
  ...geoColumns("ActionGeo"),
  "DATEADDED",
  "SOURCEURL",
] as const;

function actorColumns<P extends string>(prefix: P) {
  return [
    `${prefix}Code`,
    `${prefix}Name`,
    `${prefix}CountryCode`,
    `${prefix}KnownGroupCode`,
    `${prefix}EthnicCode`,
    `${prefix}Religion1Code`,
    `${prefix}Religion2Code`,
    `${prefix}Type1Code`,
    `${prefix}Type2Code`,
    `${prefix}Type3Code`,
  ] as const;
}

function geoColumns<P extends string>(prefix: P) {
  return [
    `${prefix}_Type`,
    `${prefix}_FullName`,
    `${prefix}_CountryCode`,
    `${prefix}_ADM1Code`,
    `${prefix}_ADM2Code`,
    `${prefix}_Lat`,
    `${prefix}_Long`,
    `${prefix}_FeatureID`,
  ] as const;
}

export type GdeltColumn = (typeof GDELT_V2_COLUMNS)[number];

export const GDELT_V1_COLUMNS: readonly GdeltColumn[] = GDELT_V2_COLUMNS.filter(
  (name) => !name.endsWith("_ADM2Code"),
);

export const GDELT_V1_COLUMNS_NO_URL: readonly GdeltColumn[] = GDELT_V1_COLUMNS.slice(0, -1);

/** Column lists by field count: 61 for 2.0; 58 and 57 for 1.0. */
export const GDELT_LAYOUTS: ReadonlyMap<number, readonly GdeltColumn[]> = new Map([
  [GDELT_V2_COLUMNS.length, GDELT_V2_COLUMNS],
  [GDELT_V1_COLUMNS.length, GDELT_V1_COLUMNS],
  [GDELT_V1_COLUMNS_NO_URL.length, GDELT_V1_COLUMNS_NO_URL],
]);
