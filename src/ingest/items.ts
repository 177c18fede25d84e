/** What the readers yield, and the one place a bad row becomes an item or an exception. */
import type { SourceRecord } from "../domain/event.ts";
import { FieldProblem, fieldError, type RowError, rowErrorToAppError } from "./row-error.ts";

export type ReadItem =
  | {
      kind: "record";
      record: SourceRecord;
      inRegion: boolean;
      /** What the row says beyond the event schema (mapped CSV files). */
      details?: RecordDetails;
      /** Doubts about a row that is still imported (a weekday that is not the date's). */
      notes?: RowNote[];
    }
  | { kind: "error"; error: RowError }
  | { kind: "deletion"; nativeId: string; deletedAt: string }
  | { kind: "skipped"; line: number; reason: string; totals: FileTotals | null };

/** A range of counts as a file gives it: best, min, max (null where the file has none). */
export interface CountRange {
  best: number | null;
  low: number | null;
  high: number | null;
}

/** Present only when the mapping names them. */
export interface RecordDetails {
  injured?: CountRange;
  sourceUrl?: string | null;
}

/** A file's own totals line (the Pakistan Body Count drone file ends with one). */
export interface FileTotals {
  line: number;
  fatalities: CountRange | null;
  injured: CountRange | null;
}

export interface RowNote {
  line: number;
  field: string | null;
  value: string | null;
  /** e.g. `weekday: 2016-03-07 was a Monday`. */
  message: string;
}

/** "throw": the first bad row ends the read with an AppError INVALID_INPUT; "yield": it is an item. */
export type OnError = "throw" | "yield";

/**
 * A FieldProblem from a row mapper as an error item (or thrown, per `onError`). Anything else is
 * a bug or an I/O failure and is rethrown untouched.
 */
export function problemItem(
  error: unknown,
  where: { file: string; line: number; unit?: string },
  onError: OnError,
): ReadItem {
  if (!(error instanceof FieldProblem)) throw error;
  const rowError = fieldError(where.file, where.line, error, where.unit);
  if (onError === "throw") throw rowErrorToAppError(rowError);
  return { kind: "error", error: rowError };
}
