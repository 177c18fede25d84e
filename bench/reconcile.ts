// bench/reconcile.ts — reconciliation's accuracy on real data and its speed (issue 9).
// Usage: npx tsx bench/reconcile.ts [--records 1000000] [--skip-eval] [--skip-speed] [--months]
// Accuracy: the labelled pairs of test/fixtures/reconcile/labelled-pairs.csv (method in
// docs/reconcile.md), matched over every record of UCDP GED Pakistan 1989–2021, both Pakistan
// Body Count tables and ACLED Balochistan; fatalities per year (--months: per month) before and
// after reconciliation against UCDP alone; GDELT's repeats in the four real slots.
// Speed: records/s of the pure matcher (prepare, block, score, cluster, merge) on simulated
// records, one process, after a warm-up run on 5% of them.
import { parseArgs } from "node:util";
import type { NormalizedEvent } from "../src/domain/event.ts";
import {
  actorParentsOf,
  type Cluster,
  clusterIndex,
  fatalitiesByMonth,
  type PairwiseScores,
  type ReconcileRecord,
  reconcile,
} from "../src/reconcile/index.ts";
import {
  type LabelRow,
  loadProfile,
  readLabels,
  readRealTables,
  readTable,
} from "../test/reconcile/real-data.ts";

const { values } = parseArgs({
  options: {
    records: { type: "string", default: "1000000" },
    "skip-eval": { type: "boolean", default: false },
    "skip-speed": { type: "boolean", default: false },
    months: { type: "boolean", default: false },
  },
});

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

function scoreLine(name: string, s: PairwiseScores): string {
  return `| ${name} | ${s.pairs} | ${s.truePositives} | ${s.falsePositives} | ${s.falseNegatives} | ${s.precision.toFixed(3)} | ${s.recall.toFixed(3)} | ${s.f1.toFixed(3)} |`;
}

/**
 * Labelled "same" pairs no clustering can get: a record said to be the same as two records of
 * one family (a PBC row covering two UCDP events; two ACLED rows of one UCDP event), which one
 * event cannot hold.
 */
function unreachable(labels: readonly LabelRow[]): number {
  const partners = new Map<string, Map<string, number>>();
  const add = (record: string, other: string) => {
    const family = other.slice(0, other.lastIndexOf(":"));
    const byFamily = partners.get(record) ?? new Map<string, number>();
    byFamily.set(family, (byFamily.get(family) ?? 0) + 1);
    partners.set(record, byFamily);
  };
  for (const l of labels.filter((x) => x.isSame)) {
    add(l.a, l.b);
    add(l.b, l.a);
  }
  let n = 0;
  for (const byFamily of partners.values()) for (const count of byFamily.values()) n += count - 1;
  return n;
}

function yearOf(month: string): string {
  return month.slice(0, 4);
}

function byPeriod(months: Map<string, number>, perMonth: boolean): Map<string, number> {
  if (perMonth) return months;
  const out = new Map<string, number>();
  for (const [m, v] of months) out.set(yearOf(m), (out.get(yearOf(m)) ?? 0) + v);
  return out;
}

function fatalityTable(records: ReconcileRecord[], clusters: Cluster[], perMonth: boolean) {
  const inUcdpYears = (d: string) => d <= "2021-12-31";
  const ucdp = records.filter((r) => r.dataset === "ucdp").map((r) => r.event);
  const all = records.map((r) => r.event).filter((e) => inUcdpYears(e.dateStart));
  const after = clusters.map((c) => c.event).filter((e) => inUcdpYears(e.dateStart));
  const onlyOthers = clusters
    .filter((c) => !c.keys.some((k) => k.startsWith("ucdp:")))
    .map((c) => c.event)
    .filter((e) => inUcdpYears(e.dateStart));
  const tables = [ucdp, all, after, onlyOthers].map((events) =>
    byPeriod(fatalitiesByMonth(events), perMonth),
  );
  const [u, b, a, o] = tables;
  const periods = [...new Set(tables.flatMap((t) => [...t.keys()]))].sort();
  console.log(
    "\n| period | UCDP alone | before (sum of all records) | after (reconciled) | after − UCDP | in events UCDP lacks | double-counted |",
  );
  console.log("|---|---|---|---|---|---|---|");
  let totals = [0, 0, 0, 0];
  let doubled = 0;
  for (const p of periods) {
    const row = [u, b, a, o].map((t) => t?.get(p) ?? 0);
    const [ru = 0, rb = 0, ra = 0, ro = 0] = row;
    // After reconciliation every UCDP death is counted once (UCDP's best is the event's best
    // where UCDP reports it) and the rest come from events UCDP has no record of.
    const extra = ra - ru - ro;
    doubled += Math.abs(extra);
    totals = totals.map((t, i) => t + (row[i] ?? 0));
    if (perMonth || periods.length < 40) {
      console.log(`| ${p} | ${ru} | ${rb} | ${ra} | ${ra - ru} | ${ro} | ${extra} |`);
    }
  }
  const [tu = 0, tb = 0, ta = 0, to = 0] = totals;
  console.log(`| **all** | ${tu} | ${tb} | ${ta} | ${ta - tu} | ${to} | ${doubled} |`);
}

async function evaluate(): Promise<void> {
  const profile = await loadProfile();
  const parents = actorParentsOf(profile);
  const t = await readRealTables(profile);
  const records = [...t.ucdp, ...t.drone, ...t.suicide, ...t.acled];
  const started = performance.now();
  const result = reconcile(records, { actorParents: parents });
  const ms = performance.now() - started;
  const merged = result.clusters.filter((c) => c.keys.length > 1);
  console.log(
    "## Reconciliation: real data (UCDP GED Pakistan, PBC drone + suicide, ACLED Balochistan)\n",
  );
  console.log(
    `${records.length} records (UCDP ${t.ucdp.length}, PBC drone ${t.drone.length}, PBC suicide ${t.suicide.length}, ACLED ${t.acled.length}) → ${result.clusters.length} events, ${merged.length} of them from several records; ${result.stats.candidatePairs} candidate pairs, ${result.stats.links} links; ${ms.toFixed(0)} ms`,
  );
  const labels = await readLabels();
  const index = clusterIndex(result.clusters);
  const { pairwiseScores } = await import("../src/reconcile/index.ts");
  console.log(
    `\n${labels.length} labelled pairs (${labels.filter((l) => l.isSame).length} same):\n`,
  );
  console.log(
    "| pairs | n | TP | FP | FN | precision | recall | F1 |\n|---|---|---|---|---|---|---|---|",
  );
  for (const [name, filter] of [
    ["all", () => true],
    ["tune half", (l: LabelRow) => l.split === "tune"],
    ["held-out half", (l: LabelRow) => l.split === "test"],
    ["PBC drone × UCDP", (l: LabelRow) => l.group === "drone"],
    ["PBC suicide × UCDP", (l: LabelRow) => l.group === "suicide"],
    ["ACLED × UCDP", (l: LabelRow) => l.group === "acled"],
  ] as const) {
    console.log(scoreLine(name, pairwiseScores(labels.filter(filter), index)));
  }
  const lost = unreachable(labels);
  console.log(
    `\n${lost} "same" pairs are out of reach of any one-event-per-record clustering (one record labelled the same as two records of one family); recall without them: ${pct(pairwiseScores(labels, index).truePositives / (labels.filter((l) => l.isSame).length - lost))}`,
  );
  fatalityTable(records, result.clusters, values.months === true);
  await gdeltRepeats(profile);
}

async function gdeltRepeats(profile: Awaited<ReturnType<typeof loadProfile>>): Promise<void> {
  const files = [
    "gdelt/20180326044500.export.CSV",
    "gdelt/20190121220000.export.CSV.zip",
    "gdelt/20191024143000.export.CSV",
    "gdelt/extra/20151027220000.export.CSV",
  ];
  const records = (await Promise.all(files.map((f) => readTable("gdelt", f, profile)))).flat();
  const result = reconcile(records, { actorParents: actorParentsOf(profile) });
  const repeats = result.clusters.filter((c) => c.keys.length > 1);
  const largest = Math.max(0, ...repeats.map((c) => c.keys.length));
  const pakAfg = (e: NormalizedEvent) => e.countryIso3 === "PAK" || e.countryIso3 === "AFG";
  const pa = records.filter((r) => pakAfg(r.event)).length;
  const paEvents = result.clusters.filter((c) => pakAfg(c.event)).length;
  console.log(
    `\nGDELT, four real 15-minute slots: ${records.length} reports → ${result.clusters.length} events (${repeats.length} collapsed from ${repeats.reduce((s, c) => s + c.keys.length, 0)} reports; largest ${largest}); Pakistan/Afghanistan ${pa} → ${paEvents}`,
  );
}

// ---- speed on simulated records ------------------------------------------------------------

/** mulberry32: a small seeded generator, so every run simulates the same records. */
function rng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const ACTORS = ["ttp", "bla", "blf", "iskp", "afg-taliban", "pak-military", "us-military"];
const SUBTYPES: [string, string][] = [
  ["Armed clash", "sideAB"],
  ["Suicide bomb", "suicide-attack"],
  ["Air/drone strike", "heavy-weapons"],
  ["Remote explosive/landmine/IED", "explosives"],
  ["Attack", "firearms"],
];
const FAMILIES: [ReconcileRecord["dataset"], string][] = [
  ["ucdp", "ucdp"],
  ["acled", "acled"],
  ["csv", "pbc-suicide-attacks"],
];

/**
 * `n` records of twenty years of conflict over a 14° × 18° box around Pakistan and Afghanistan
 * (about 50 true events a day for 1 million records, ten times UCDP's densest year anywhere):
 * true events reported by one to three of UCDP, ACLED and a mapped table, with a day's jitter,
 * a few km's, different death counts, and in 30% of events one to five GDELT repeats. Returns
 * the records and each record's true event.
 */
function simulate(n: number, seed = 1): { records: ReconcileRecord[]; truth: Int32Array } {
  const r = rng(seed);
  const records: ReconcileRecord[] = [];
  const truth: number[] = [];
  const start = Date.parse("2006-01-01T00:00:00Z");
  for (let event = 0; records.length < n; event++) {
    const day = new Date(start + Math.floor(r() * 7300) * 86_400_000).toISOString().slice(0, 10);
    const lat = 24 + r() * 14;
    const lon = 60 + r() * 18;
    const country = lon < 69 && lat > 30 ? "AFG" : "PAK";
    const [subtype, mode] = SUBTYPES[Math.floor(r() * SUBTYPES.length)] ?? ["Attack", "firearms"];
    const deaths = Math.floor(r() ** 3 * 40);
    const actor = ACTORS[Math.floor(r() * ACTORS.length)] ?? "ttp";
    const reporters = FAMILIES.filter(() => r() < 0.55);
    if (reporters.length === 0) reporters.push(FAMILIES[0] ?? ["ucdp", "ucdp"]);
    const gdelt = r() < 0.3 ? 1 + Math.floor(r() * 5) : 0;
    const reports: [ReconcileRecord["dataset"], string][] = [
      ...reporters,
      ...Array.from(
        { length: gdelt },
        () => ["gdelt", "gdelt"] as [ReconcileRecord["dataset"], string],
      ),
    ];
    for (const [dataset, family] of reports) {
      if (records.length >= n) break;
      const jitterDay = r() < 0.2 ? 1 : 0;
      const date = jitterDay
        ? new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
        : day;
      const id = `${family === dataset ? "" : `${family}:`}${records.length}`;
      const isGdelt = dataset === "gdelt";
      const e: NormalizedEvent = {
        dateStart: isGdelt ? day : date,
        dateEnd: isGdelt ? day : date,
        datePrecision: "day",
        place: `Place ${Math.floor(lat * 10)}-${Math.floor(lon * 10)}`,
        admin1: `Province ${Math.floor(lat / 3)}`,
        admin2: `District ${Math.floor(lat)}-${Math.floor(lon)}`,
        countryIso3: country,
        lat: lat + (r() - 0.5) * (isGdelt ? 0.02 : 0.12),
        lon: lon + (r() - 0.5) * (isGdelt ? 0.02 : 0.12),
        geoPrecision: isGdelt ? "exact" : r() < 0.7 ? "exact" : "near",
        category: "ASSAULT",
        mode: dataset === "ucdp" ? "sideAB" : mode,
        subtype: dataset === "acled" ? subtype : null,
        sourceCode: isGdelt ? "190" : null,
        fatalitiesBest: isGdelt ? null : Math.max(0, deaths + Math.floor((r() - 0.5) * 4)),
        fatalitiesLow: null,
        fatalitiesHigh: null,
        actors: [{ name: actor, role: "actor1", actorId: isGdelt ? null : actor }],
        crossBorder: { isCrossBorder: false, direction: null },
        confidence: isGdelt ? 0.3 : 0.8,
        summary: null,
      };
      records.push({
        key: `${dataset}:${id}`,
        dataset,
        family,
        event: e,
        url: isGdelt ? `https://news.example/${event}/${records.length}` : null,
        mentions: isGdelt ? 1 + Math.floor(r() * 10) : null,
      });
      truth.push(event);
    }
  }
  return { records, truth: Int32Array.from(truth) };
}

/** Pairwise precision/recall against the simulated truth, from the contingency counts. */
function simulatedScores(records: ReconcileRecord[], truth: Int32Array, clusters: Cluster[]) {
  const index = clusterIndex(clusters);
  const pairs = (counts: Map<string | number, number>) =>
    [...counts.values()].reduce((s, c) => s + (c * (c - 1)) / 2, 0);
  const byTruth = new Map<number, number>();
  const byCluster = new Map<number, number>();
  const byBoth = new Map<string, number>();
  records.forEach((rec, i) => {
    const t = truth[i] ?? -1;
    const c = index.get(rec.key) ?? -1;
    byTruth.set(t, (byTruth.get(t) ?? 0) + 1);
    byCluster.set(c, (byCluster.get(c) ?? 0) + 1);
    byBoth.set(`${t}|${c}`, (byBoth.get(`${t}|${c}`) ?? 0) + 1);
  });
  const tp = pairs(byBoth);
  const precision = tp / pairs(byCluster);
  const recall = tp / pairs(byTruth);
  return { precision, recall, f1: (2 * precision * recall) / (precision + recall) };
}

function speed(n: number): void {
  const profileParents = new Map(ACTORS.map((a) => [a, null]));
  const { records, truth } = simulate(n);
  const warm = records.slice(0, Math.max(1000, Math.floor(n / 20)));
  reconcile(warm, { actorParents: profileParents });
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = reconcile(records, { actorParents: profileParents });
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const rss = process.memoryUsage().rss / 1024 / 1024;
  const cpuSeconds = (used.user + used.system) / 1e6;
  const s = simulatedScores(records, truth, result.clusters);
  console.log(`\n## Reconciliation speed: ${n.toLocaleString("en")} simulated records\n`);
  console.log(
    `${(n / seconds).toFixed(0)} records/s wall, ${(n / cpuSeconds).toFixed(0)} per CPU-second (${seconds.toFixed(1)} s wall, ${cpuSeconds.toFixed(1)} s CPU on a shared 2-core machine, RSS ${rss.toFixed(0)} MB); ${result.stats.candidatePairs.toLocaleString("en")} candidate pairs, ${result.stats.links.toLocaleString("en")} links → ${result.clusters.length.toLocaleString("en")} events (${new Set(truth).size.toLocaleString("en")} simulated); pairwise against the simulation: precision ${s.precision.toFixed(3)}, recall ${s.recall.toFixed(3)}, F1 ${s.f1.toFixed(3)}`,
  );
}

if (!values["skip-eval"]) await evaluate();
if (!values["skip-speed"]) speed(Number(values.records));
