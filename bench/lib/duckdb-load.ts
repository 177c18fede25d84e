// Child process for bench/import.ts: loads one GDELT export file into a DuckDB table with
// read_csv (the peer), prints {rows, seconds}.
import { DuckDBInstance } from "@duckdb/node-api";

const [file, dbPath] = process.argv.slice(2);
if (!file || !dbPath) throw new Error("usage: duckdb-load.ts FILE DBPATH");
const instance = await DuckDBInstance.create(dbPath);
const connection = await instance.connect();
const started = performance.now();
await connection.run(
  `CREATE TABLE gdelt AS SELECT * FROM read_csv('${file.replaceAll("'", "''")}', delim = '\t', header = false, quote = '', all_varchar = true)`,
);
const result = await connection.runAndReadAll("SELECT count(*) FROM gdelt");
const rows = Number(result.getRows()[0]?.[0] ?? 0);
process.stdout.write(
  `${JSON.stringify({ rows, seconds: (performance.now() - started) / 1000 })}\n`,
);
