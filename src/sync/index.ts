/**
 * Sync: keep the store up to date from the publishers' servers (GDELT 2.0 file lists, the UCDP
 * GED API). Downloads and checks files, then imports them through the same path as
 * `frontier import`. Other folders import only from this file.
 */

export {
  type FileOutcome,
  type GdeltSyncOptions,
  type GdeltSyncSummary,
  syncGdelt,
} from "./gdelt.ts";
export { describeGaps, exportName, GDELT_BASE_URL, parseSlotBound } from "./gdelt-list.ts";
export type { RetryOptions } from "./http.ts";
export {
  syncUcdp,
  UCDP_BASE_URL,
  UCDP_DEFAULT_VERSION,
  type UcdpSyncOptions,
  type UcdpSyncSummary,
} from "./ucdp.ts";
