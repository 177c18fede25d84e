/**
 * The real tables of the evaluation (docs/reconcile.md, "Evaluation"), read through the ingest
 * readers into reconciliation records, and the labelled pair set.
 */
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { type Profile, parseProfile } from "../../src/domain/profile/index.ts";
import { type IngestDataset, parseCsvMapping, readRecords } from "../../src/ingest/index.ts";
import {
  fromSourceRecord,
  type LabelledPair,
  type ReconcileRecord,
} from "../../src/reconcile/index.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const SHARED_DATA = fileURLToPath(new URL("../../../shared/data/", import.meta.url));
const LABELS = fileURLToPath(new URL("../fixtures/reconcile/labelled-pairs.csv", import.meta.url));

export async function loadProfile(): Promise<Profile> {
  const text = await readFile(`${ROOT}profiles/pak-afg.yaml`, "utf8");
  return parseProfile(text, { source: "profiles/pak-afg.yaml" });
}

export async function readTable(
  dataset: IngestDataset,
  file: string,
  profile: Profile,
  mapping?: string,
): Promise<ReconcileRecord[]> {
  const options = {
    profile,
    onError: "yield" as const,
    mapping:
      mapping === undefined
        ? undefined
        : parseCsvMapping(await readFile(`${ROOT}mappings/${mapping}.yaml`, "utf8"), mapping),
  };
  const out: ReconcileRecord[] = [];
  for await (const item of readRecords(dataset, `${SHARED_DATA}${file}`, options)) {
    if (item.kind === "record") out.push(fromSourceRecord(item.record));
  }
  return out;
}

export interface RealTables {
  ucdp: ReconcileRecord[];
  drone: ReconcileRecord[];
  suicide: ReconcileRecord[];
  acled: ReconcileRecord[];
}

/** UCDP GED Pakistan 1989–2021, the two Pakistan Body Count tables, ACLED Balochistan. */
export async function readRealTables(profile: Profile): Promise<RealTables> {
  const [ucdp, drone, suicide, acled] = await Promise.all([
    readTable("ucdp", "ucdp/conflict_data_pak.csv", profile),
    readTable("csv", "pbc/PakistanDroneAttacks.csv", profile, "pbc-drone-attacks"),
    readTable("csv", "pbc/PakistanSuicideAttacks.csv", profile, "pbc-suicide-attacks"),
    readTable("acled", "acled/pakistan_balochistan_2020-2024_acled_subset.csv", profile),
  ]);
  return { ucdp, drone, suicide, acled };
}

export interface LabelRow extends LabelledPair {
  group: string;
  split: "tune" | "test";
}

/** The labelled pairs; `unsure` ones (the reviewer could not decide) are left out. */
export async function readLabels(): Promise<LabelRow[]> {
  const lines = (await readFile(LABELS, "utf8")).trim().split("\n").slice(1);
  return lines.flatMap((line) => {
    const [, a, b, label, group, split] = line.split(",");
    if (a === undefined || b === undefined || group === undefined) return [];
    if (label !== "same" && label !== "different") return [];
    if (split !== "tune" && split !== "test") return [];
    return [{ a, b, isSame: label === "same", group, split }];
  });
}
