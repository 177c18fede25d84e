/** What the readers yield, and the one place a bad row becomes an item or an exception. */
import type { SourceRecord } from "../domain/event.ts";
import { FieldProblem, fieldError, type RowError, rowErrorToAppError } from "./row-error.ts";

export type ReadItem =
  | { kind: "record"; record: SourceRecord; inRegion: boolean }
  | { kind: "error"; error: RowError }
  | { kind: "deletion"; nativeId: string; deletedAt: string };

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
