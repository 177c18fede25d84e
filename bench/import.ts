// bench/import.ts — `frontier import gdelt` against DuckDB's read_csv on the same files.
// Usage: npx tsx bench/import.ts [--rows 2000000] [--pg postgres://…]   (PostgreSQL also via
// BENCH_DATABASE_URL). Prints rows/s, peak RSS and the ratio to DuckDB for each file and store.
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import pg from "pg";
import { writeBigGdelt } from "./lib/gdelt-big.ts";
import { measure } from "./lib/measure.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const shared = join(root, "..", "shared", "data", "gdelt");
const { values } = parseArgs({
  options: { rows: { type: "string", default: "2000000" }, pg: { type: "string" } },
});
const pgUrl = values.pg ?? process.env.BENCH_DATABASE_URL;
const realFiles = [
  join(shared, "20180326044500.export.CSV"),
  join(shared, "20191024143000.export.CSV"),
  join(shared, "extra", "20151027220000.export.CSV"),
];

async function freshPgDatabase(url: string): Promise<string> {
  const name = `fw_bench_${Date.now()}`;
  const client = new pg.Client(url);
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  return target.toString();
}

async function frontier(file: string, env: Record<string, string | undefined>, dataDir: string) {
  const run = await measure(
    process.execPath,
    [
      join(root, "bin/frontier.js"),
      "import",
      "gdelt",
      file,
      "--all",
      "--json",
      "--data-dir",
      dataDir,
    ],
    env,
  );
  if (run.code !== 0) throw new Error(`frontier import failed with ${run.code}`);
  const summary = JSON.parse(run.stdout) as { totals: { stored: number; seconds: number } };
  return { rows: summary.totals.stored, ...run };
}

async function duckdb(file: string, dir: string) {
  const run = await measure(process.execPath, [
    "--import",
    "tsx",
    join(root, "bench/lib/duckdb-load.ts"),
    file,
    join(dir, "bench.duckdb"),
  ]);
  const result = JSON.parse(run.stdout) as { rows: number; seconds: number };
  return { ...run, rows: result.rows };
}

function line(label: string, rows: number, seconds: number, rss: number, peerRate?: number) {
  const rate = rows / seconds;
  const ratio = peerRate ? `  ${(rate / peerRate).toFixed(3)}× DuckDB` : "";
  console.log(
    `  ${label.padEnd(22)} ${rows.toLocaleString("en").padStart(10)} rows  ${seconds.toFixed(2).padStart(8)} s  ${Math.round(rate).toLocaleString("en").padStart(10)} rows/s  peak RSS ${Math.round(rss).toString().padStart(5)} MB${ratio}`,
  );
}

async function benchFile(label: string, file: string, work: string) {
  console.log(`\n${label}: ${file}`);
  const duck = await duckdb(file, await mkdtemp(join(work, "duck-")));
  line("DuckDB read_csv", duck.rows, duck.seconds, duck.peakRssMb);
  const duckRate = duck.rows / duck.seconds;
  const embedded = await frontier(file, { DATABASE_URL: "" }, await mkdtemp(join(work, "fw-")));
  line("frontier, PGlite", embedded.rows, embedded.seconds, embedded.peakRssMb, duckRate);
  if (pgUrl) {
    const url = await freshPgDatabase(pgUrl);
    const server = await frontier(file, { DATABASE_URL: url }, await mkdtemp(join(work, "fw-")));
    line("frontier, PostgreSQL", server.rows, server.seconds, server.peakRssMb, duckRate);
  }
}

const work = await mkdtemp(join(tmpdir(), "fw-bench-"));
try {
  console.log(`machine: ${cpus()[0]?.model ?? "?"} × ${cpus().length}, node ${process.version}`);
  console.log(
    "seconds are wall time of the whole command (start-up, migrations, hashing included)",
  );
  for (const file of realFiles) await benchFile("real slot", file, work);
  await mkdir(join(root, "bench/out"), { recursive: true });
  const big = join(root, "bench/out", "big.export.CSV");
  const rows = await writeBigGdelt(realFiles, big, Number(values.rows));
  await benchFile(`built file (${rows.toLocaleString("en")} rows, ids made unique)`, big, work);
} finally {
  await rm(work, { recursive: true, force: true });
}
