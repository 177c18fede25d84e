/** The one database interface the rest of the store writes SQL against; two thin drivers implement it. */

export type DbKind = "pglite" | "postgres";

export interface Sql {
  /** One parameterised statement; rows come back as plain objects. */
  query<T extends object = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Several statements without parameters (migrations). */
  exec(text: string): Promise<void>;
  /**
   * Bulk-loads rows into `table (columns)` with `COPY … FROM` in text format: PostgreSQL
   * streams them over the connection (`FROM STDIN`), PGlite reads them from its `/dev/blob`
   * device into a temporary table and moves them on (see driver-pglite.ts). Values are stored
   * exactly as a parameterised INSERT would store them. Resolves to the number of rows written.
   */
  copyFrom(table: string, columns: readonly string[], rows: Iterable<CopyRow>): Promise<number>;
}

/** One value for COPY: text as it is, numbers and booleans in PostgreSQL's text form. */
export type CopyValue = string | number | boolean | null;
export type CopyRow = readonly CopyValue[];

export interface Db extends Sql {
  readonly kind: DbKind;
  /** Where the data lives: a directory for PGlite, the URL without password for PostgreSQL. */
  readonly location: string;
  /** Runs `fn` in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * Value parsers shared by both drivers so a row reads the same on PGlite and PostgreSQL:
 * dates stay `YYYY-MM-DD` strings, int8 and numeric become numbers, timestamps ISO strings.
 */
export const TYPE_PARSERS: Record<number, (value: string) => unknown> = {
  20: (v) => Number(v), // int8: counts and bigserial ids stay far below 2^53
  1700: (v) => Number(v), // numeric
  1082: (v) => v, // date
  1114: (v) => new Date(`${v.replace(" ", "T")}Z`).toISOString(), // timestamp
  1184: (v) => new Date(v).toISOString(), // timestamptz
};

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** The column list `a, b, c` for `copyFrom`; every name is checked, as it is spliced into SQL. */
export function copyColumnList(table: string, columns: readonly string[]): string {
  for (const name of [table, ...columns]) {
    if (!IDENTIFIER.test(name)) throw new Error(`copyFrom: "${name}" is not a plain identifier`);
  }
  return columns.join(", ");
}

// COPY's text format gives a backslash, the delimiter (tab) and line ends a meaning; each is
// written as its backslash escape, and \N alone is NULL, so "" stays an empty string.
const COPY_SPECIAL = /[\\\t\n\r]/;
const COPY_ESCAPES: Record<string, string> = {
  "\\": "\\\\",
  "\t": "\\t",
  "\n": "\\n",
  "\r": "\\r",
};

function copyField(value: CopyValue): string {
  if (value === null) return "\\N";
  if (typeof value === "string") {
    return COPY_SPECIAL.test(value)
      ? value.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c] ?? c)
      : value;
  }
  if (typeof value === "boolean") return value ? "t" : "f";
  // JavaScript prints the shortest text that reads back as the same double; NaN and ±Infinity
  // are spelled as PostgreSQL's float input spells them.
  return String(value);
}

/**
 * Rows in COPY text format, in chunks of about `chunkChars` characters, so a large load is
 * streamed rather than built as one string.
 */
export function* copyTextChunks(rows: Iterable<CopyRow>, chunkChars = 1 << 16): Generator<string> {
  let chunk = "";
  for (const row of rows) {
    let line = "";
    for (let i = 0; i < row.length; i++) {
      if (i > 0) line += "\t";
      line += copyField(row[i] ?? null);
    }
    chunk += `${line}\n`;
    if (chunk.length >= chunkChars) {
      yield chunk;
      chunk = "";
    }
  }
  if (chunk.length > 0) yield chunk;
}

/** Hides the password of a connection URL. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "postgres://(unparsable url)";
  }
}
