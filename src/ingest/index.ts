/**
 * Ingest: streaming readers for ACLED, UCDP GED and GDELT files, each row validated and mapped to
 * a SourceRecord (DESIGN.md, "Data flow"). Other folders import only from this file.
 */
export { detectDataset, detectFileDataset } from "./detect.ts";
export { type FileHash, hashFile } from "./hash-file.ts";
export type { OnError, ReadItem } from "./items.ts";
export { createMappingContext, type MappingContext } from "./mapping.ts";
export { DEFAULT_MAX_FIELD_BYTES } from "./read-csv.ts";
export {
  type IngestDataset,
  type ParseRecordsOptions,
  parseRecords,
  type ReadRecordsOptions,
  readAcled,
  readGdelt,
  readRecords,
  readUcdp,
} from "./read-records.ts";
export type { RowError } from "./row-error.ts";
export { parseUcdpApiPage, type UcdpApiPage } from "./ucdp-api.ts";
