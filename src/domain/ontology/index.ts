/**
 * The event ontology: PLOVER categories, modes and scores, and the mappings
 * from ACLED, UCDP and CAMEO (GDELT) types into them; FIPS 10-4 ↔ ISO3.
 * Pure data and functions; other folders import only from this file.
 */
export {
  ACLED_EVENT_TYPES,
  ACLED_INTER_CODES,
  ACLED_SUB_EVENT_TYPES,
  type AcledDisorderType,
  type AcledEventType,
  type AcledSubEventType,
  type AcledSubEventTypeInfo,
  acledToPlover,
  parseAcledSubEventType,
} from "./acled.ts";
export { cameoToPlover } from "./cameo.ts";
export { fipsToIso3, iso3ToFips } from "./fips.ts";
export { FIPS_COUNTRIES } from "./fips-table.ts";
export {
  isPloverMode,
  normalizePloverName,
  PLOVER_MODES,
  type PloverMapping,
  type PloverModeOf,
  ploverScore,
} from "./plover-modes.ts";
export { type UcdpViolenceType, ucdpToPlover } from "./ucdp.ts";
