import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFromStdin } from "pg-copy-streams";
import {
  type CopyRow,
  copyColumnList,
  copyTextChunks,
  type Db,
  redactUrl,
  type Sql,
  TYPE_PARSERS,
} from "./db.ts";

const types = {
  getTypeParser(oid: number, format?: string) {
    const parse = TYPE_PARSERS[oid];
    if (parse && format !== "binary") return parse;
    return pg.types.getTypeParser(oid, format === "binary" ? "binary" : "text");
  },
};

/** Streams the rows into `COPY … FROM STDIN`, waiting for the socket when it is full. */
async function copyIn(
  client: pg.PoolClient,
  table: string,
  columns: readonly string[],
  rows: Iterable<CopyRow>,
): Promise<number> {
  const names = copyColumnList(table, columns);
  const stream = client.query(copyFromStdin(`COPY ${table} (${names}) FROM STDIN`));
  await pipeline(Readable.from(copyTextChunks(rows)), stream);
  return stream.rowCount;
}

function wrap(client: pg.Pool | pg.PoolClient): Sql {
  return {
    async query<T extends object>(text: string, params?: unknown[]) {
      const result = await client.query<T>(text, params);
      return result.rows;
    },
    async exec(text: string) {
      await client.query(text);
    },
    async copyFrom(table, columns, rows) {
      if (!(client instanceof pg.Pool)) return copyIn(client, table, columns, rows);
      const own = await client.connect();
      try {
        return await copyIn(own, table, columns, rows);
      } finally {
        own.release();
      }
    },
  };
}

/**
 * A PostgreSQL server through `pg`. `searchPath` puts every table in one schema
 * (the test suite gives each file its own, so suites run side by side on one server).
 */
export async function openPostgres(
  url: string,
  options: { searchPath?: string } = {},
): Promise<Db> {
  const pool = new pg.Pool({
    connectionString: url,
    max: 4,
    types,
    options: options.searchPath ? `-c search_path=${options.searchPath}` : undefined,
  });
  // An idle connection the server ends (a restart, an administrator, a dropped database) is
  // reported here; without a listener it would end the process. The pool replaces it, and a
  // query on a server that is gone fails with its own error.
  pool.on("error", () => undefined);
  // Fail now, with the reason, rather than on the first query.
  const probe = await pool.connect();
  probe.release();
  const base = wrap(pool);
  return {
    ...base,
    kind: "postgres",
    location: redactUrl(url),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await fn(wrap(client));
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
