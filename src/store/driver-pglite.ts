import { PGlite, type Transaction } from "@electric-sql/pglite";
import { type Db, type Sql, TYPE_PARSERS } from "./db.ts";

function wrap(target: PGlite | Transaction): Sql {
  return {
    async query<T extends object>(text: string, params?: unknown[]) {
      const result = await target.query<T>(text, params);
      return result.rows;
    },
    async exec(text: string) {
      await target.exec(text);
    },
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
    kind: "pglite",
    location: dataDir ?? "memory://",
    query: base.query,
    exec: base.exec,
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    async close() {
      if (!pg.closed) await pg.close();
      options.onClose?.();
    },
  };
}
