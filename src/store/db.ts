/** The one database interface the rest of the store writes SQL against; two thin drivers implement it. */

export type DbKind = "pglite" | "postgres";

export interface Sql {
  /** One parameterised statement; rows come back as plain objects. */
  query<T extends object = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Several statements without parameters (migrations). */
  exec(text: string): Promise<void>;
}

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
