import { PGlite, type Transaction } from "@electric-sql/pglite";
import {
  type CopyRow,
  copyColumnList,
  copyTextChunks,
  type Db,
  type Sql,
  TYPE_PARSERS,
} from "./db.ts";

/**
 * COPY through a temporary table. PGlite has no COPY FROM STDIN: the server reads the rows as a
 * file from its /dev/blob device, which serves the Blob passed with the query (encoded as UTF-8).
 * A COPY straight into a large table slows down as the table grows (PostgreSQL's bulk-write
 * buffer ring makes every filled page go out through PGlite's emulated file system: 51 s for
 * 240,000 GDELT-sized rows against 7 s staged, measured); the temporary table lives in local
 * buffers, and `INSERT … SELECT` from it fills the shared buffers as any INSERT does.
 */
async function copyStaged(
  tx: Transaction,
  table: string,
  columns: readonly string[],
  rows: Iterable<CopyRow>,
): Promise<number> {
  const stage = `copy_stage_${table}`;
  const names = copyColumnList(table, columns);
  await tx.exec(
    `CREATE TEMP TABLE ${stage} ON COMMIT DROP AS SELECT ${names} FROM ${table} WITH NO DATA`,
  );
  const blob = new Blob([...copyTextChunks(rows)]);
  try {
    await tx.query(`COPY ${stage} (${names}) FROM '/dev/blob'`, [], { blob });
  } catch (error) {
    throw asCopyInto(table, stage, error);
  }
  const result = await tx.query(`INSERT INTO ${table} (${names}) SELECT ${names} FROM ${stage}`);
  await tx.exec(`DROP TABLE ${stage}`);
  return result.affectedRows ?? 0;
}

/** An error in the staging COPY reads as one in a COPY into the table itself, as on PostgreSQL. */
function asCopyInto(table: string, stage: string, error: unknown): unknown {
  if (error instanceof Error && "where" in error && typeof error.where === "string") {
    error.where = error.where.replaceAll(`COPY ${stage},`, `COPY ${table},`);
  }
  return error;
}

function wrap(target: PGlite | Transaction): Sql {
  return {
    async query<T extends object>(text: string, params?: unknown[]) {
      const result = await target.query<T>(text, params);
      return result.rows;
    },
    async exec(text: string) {
      await target.exec(text);
    },
    copyFrom: (table, columns, rows) =>
      "transaction" in target
        ? target.transaction((tx) => copyStaged(tx, table, columns, rows))
        : copyStaged(target, table, columns, rows),
  };
}

/** PGlite in a directory, or in memory when `dataDir` is undefined (tests). */
export async function openPglite(
  dataDir: string | undefined,
  options: { onClose?: () => void } = {},
): Promise<Db> {
  const pg = await PGlite.create({ dataDir, parsers: TYPE_PARSERS });
  const base = wrap(pg);
  return {
    ...base,
    kind: "pglite",
    location: dataDir ?? "memory://",
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    async close() {
      if (!pg.closed) await pg.close();
      options.onClose?.();
    },
  };
}
