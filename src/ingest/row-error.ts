import { AppError } from "../domain/errors.ts";

/** One bad row: where it is and what is wrong, in words a user can act on. */
export interface RowError {
  /** Basename of the file, as it appears in messages. */
  file: string;
  /** 1-based physical line where the row starts (for JSON pages: the 1-based item number). */
  line: number;
  /** Column name, or null when the problem is the row as a whole. */
  field: string | null;
  value: string | null;
  /** e.g. `acled.csv line 1234, field "event_date": "2023-02-30" is not a date`. */
  message: string;
}

/** Longest value quoted in a message; a 10 MB field must not become a 10 MB message. */
const MAX_QUOTED_VALUE = 80;

export function quoteValue(value: string): string {
  const shown = value.length > MAX_QUOTED_VALUE ? `${value.slice(0, MAX_QUOTED_VALUE)}…` : value;
  return JSON.stringify(shown);
}

/** `file line N, field "f": ` or `file line N: ` — the prefix every ingest message shares. */
export function wherePrefix(
  file: string,
  line: number,
  field: string | null,
  unit = "line",
): string {
  return field === null
    ? `${file} ${unit} ${line}: `
    : `${file} ${unit} ${line}, field "${field}": `;
}

export function fieldError(
  file: string,
  line: number,
  problem: FieldProblem,
  unit = "line",
): RowError {
  const { field, value, reason } = problem;
  const quoted = value === null ? "" : `${quoteValue(value)} `;
  return {
    file,
    line,
    field,
    value,
    message: `${wherePrefix(file, line, field, unit)}${quoted}${reason}`,
  };
}

/**
 * Thrown by the row mappers for a bad value and caught by the readers, which add file and line.
 * `field: null` is a problem with the row as a whole (e.g. its column count).
 */
export class FieldProblem extends Error {
  readonly field: string | null;
  readonly value: string | null;
  readonly reason: string;
  constructor(field: string | null, value: string | null, reason: string) {
    super(reason);
    this.name = "FieldProblem";
    this.field = field;
    this.value = value;
    this.reason = reason;
  }
}

/** A problem with the file as a whole (empty, truncated, not UTF-8, wrong dataset). */
export function fileError(message: string, cause?: unknown): AppError {
  return new AppError("INVALID_INPUT", message, cause === undefined ? undefined : { cause });
}

export function rowErrorToAppError(error: RowError): AppError {
  return new AppError("INVALID_INPUT", error.message);
}
