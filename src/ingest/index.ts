/**
 * Ingest: streaming readers for ACLED, UCDP GED and GDELT files, any other CSV table through a
 * mapping, and UCDP/PRIO conflict-years; each row validated and mapped (DESIGN.md, "Data flow"),
 * with a data-quality report collected on the way. Other folders import only from this file.
 */
export { ACLED_COLUMNS } from "./acled.ts";
export { parseColumnRenames } from "./columns.ts";
export { type CsvMapping, parseCsvMapping } from "./csv-mapping.ts";
export { parseEncoding, type TextEncoding } from "./decode-text.ts";
export { detectDataset, detectFileDataset, type FileKind } from "./detect.ts";
export { type FileHash, hashFile } from "./hash-file.ts";
export type { CountRange, FileTotals, OnError, ReadItem, RecordDetails, RowNote } from "./items.ts";
export { createMappingContext, type MappingContext } from "./mapping.ts";
export {
  createQualityCollector,
  type QualityCollector,
  type QualityReport,
} from "./quality.ts";
export { formatQualityMarkdown, formatQualitySummary } from "./quality-format.ts";
export { DEFAULT_MAX_FIELD_BYTES } from "./read-csv.ts";
export {
  type IngestDataset,
  type ParseRecordsOptions,
  parseRecords,
  type ReadRecordsOptions,
  readAcled,
  readConflictYears,
  readGdelt,
  readRecords,
  readUcdp,
} from "./read-records.ts";
export type { RowError } from "./row-error.ts";
export { UCDP_COLUMNS } from "./ucdp.ts";
export { parseUcdpApiPage, type UcdpApiPage } from "./ucdp-api.ts";
export type { ConflictItem, ConflictYear } from "./ucdp-conflicts.ts";
