// bench/import.ts — `frontier import gdelt` against DuckDB's read_csv on the same files.
// Usage: npx tsx bench/import.ts [--rows 2000000] [--shift-days 7] [--pg postgres://…]
// (PostgreSQL also via BENCH_DATABASE_URL). Prints rows/s, peak RSS and the ratio to DuckDB for
// each file and store, twice: the import alone (read, map, quality report, the all-or-nothing
// write: `importFile`, as `frontier import` runs it) and the whole command, which then
// reconciles the new records and refreshes the watch questions. The built file repeats the real
// slots with unique ids, each copy `--shift-days` later (0: the same days, so reconciliation
// merges every copy of an event into one cluster — its worst case, quadratic in the copies).
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { cpus, tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import pg from "pg";
import { ensureProfile } from "../src/cli/profile-file.ts";
import { createResolver } from "../src/domain/profile/resolver.ts";
import { createQualityCollector, hashFile, readRecords } from "../src/ingest/index.ts";
import { type ImportItem, importFile } from "../src/store/importer.ts";
import { openStore } from "../src/store/open.ts";
import { writeBigGdelt } from "./lib/gdelt-big.ts";
import { measure } from "./lib/measure.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const shared = join(root, "..", "shared", "data", "gdelt");
const { values } = parseArgs({
  options: {
    rows: { type: "string", default: "2000000" },
    "shift-days": { type: "string", default: "7" },
    pg: { type: "string" },
    // Internal: the child process that runs the import alone.
    "import-only": { type: "string" },
    "data-dir": { type: "string" },
  },
});
// Reconciliation after an import holds every new record in memory: the whole command on the
// 2,001,149-row file ran out of Node's 4 GB heap after 556 s on PGlite (2026-11-25).
const WHOLE_COMMAND_MAX_ROWS = 250_000;
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

/** The child: `importPath` up to its transaction's commit — no reconciliation, no questions. */
async function importOnly(file: string, dataDir: string) {
  const db = await openStore({ dataDir, databaseUrl: process.env.DATABASE_URL || undefined });
  try {
    const profile = await ensureProfile(db);
    const resolver = createResolver(profile);
    const { sha256, bytes } = await hashFile(file);
    const name = basename(file);
    const quality = createQualityCollector({
      file: name,
      dataset: "gdelt",
      resolver,
      keepOutsideRegion: true,
    });
    async function* items(): AsyncIterable<ImportItem> {
      for await (const item of readRecords("gdelt", file, { profile, resolver })) {
        quality.add(item);
        yield item.kind === "error" ? { kind: "rejected" } : item;
      }
    }
    const result = await importFile(db, { dataset: "gdelt", name, sha256, bytes }, items(), {
      keepOutsideRegion: true,
      finish: () => ({ report: quality.finish() }),
    });
    console.log(JSON.stringify({ rows: result.stored }));
  } finally {
    await db.close();
  }
}

async function importAlone(file: string, env: Record<string, string | undefined>, dataDir: string) {
  const script = fileURLToPath(import.meta.url);
  const args = ["--import", "tsx", script, "--import-only", file, "--data-dir", dataDir];
  const run = await measure(process.execPath, args, env);
  if (run.code !== 0) throw new Error(`the import alone failed with ${run.code}`);
  return { ...run, rows: (JSON.parse(run.stdout) as { rows: number }).rows };
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

async function benchFile(label: string, file: string, work: string, rows: number) {
  console.log(`\n${label}: ${file}`);
  const duck = await duckdb(file, await mkdtemp(join(work, "duck-")));
  line("DuckDB read_csv", duck.rows, duck.seconds, duck.peakRssMb);
  const duckRate = duck.rows / duck.seconds;
  // The store's name and the server URL ("" for PGlite).
  const stores: [string, string][] = [["PGlite", ""]];
  if (pgUrl) stores.push(["PostgreSQL", pgUrl]);
  for (const [store, url] of stores) {
    const env = { DATABASE_URL: url === "" ? "" : await freshPgDatabase(url) };
    const alone = await importAlone(file, env, await mkdtemp(join(work, "fw-")));
    line(`import, ${store}`, alone.rows, alone.seconds, alone.peakRssMb, duckRate);
  }
  if (rows > WHOLE_COMMAND_MAX_ROWS) {
    console.log(`  frontier import (whole command): not run above ${WHOLE_COMMAND_MAX_ROWS} rows`);
    return;
  }
  for (const [store, url] of stores) {
    const env = { DATABASE_URL: url === "" ? "" : await freshPgDatabase(url) };
    const whole = await frontier(file, env, await mkdtemp(join(work, "fw-")));
    line(`frontier, ${store}`, whole.rows, whole.seconds, whole.peakRssMb, duckRate);
  }
}

async function main() {
  const work = await mkdtemp(join(tmpdir(), "fw-bench-"));
  try {
    console.log(`machine: ${cpus()[0]?.model ?? "?"} × ${cpus().length}, node ${process.version}`);
    console.log(
      "seconds are wall time of a child process: start-up, migrations, hashing, reading, mapping, the write; `frontier` also reconciles and refreshes the watch questions",
    );
    for (const file of realFiles) await benchFile("real slot", file, work, 0);
    await mkdir(join(root, "bench/out"), { recursive: true });
    const big = join(root, "bench/out", "big.export.CSV");
    const shiftDays = Number(values["shift-days"]);
    const rows = await writeBigGdelt(realFiles, big, Number(values.rows), { shiftDays });
    const label = `built file (${rows.toLocaleString("en")} rows, ids made unique, each copy ${shiftDays} days later)`;
    await benchFile(label, big, work, rows);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

if (values["import-only"]) await importOnly(values["import-only"], values["data-dir"] ?? ".");
else await main();
