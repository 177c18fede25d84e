import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { inflateRawSync } from "node:zlib";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../src/store/db.ts";
import { ROOT, runCli, SHARED_DATA } from "../helpers/cli.ts";
import { type CliStore, createCliStore } from "../helpers/cli-store.ts";

/**
 * Walks every data file SOURCES.md lists: each one is either imported by the command
 * docs/import.md gives for it, or named below with the reason it is not. The documented commands
 * run as they are (files with the same flags in one run) on the embedded store, or on PostgreSQL
 * when DATABASE_URL is set; rows and fatality totals are compared with what a reader written
 * here (csv-parse over whole files, a hand-unzipped GDELT member) finds; a second run changes
 * nothing.
 */
const NOT_IMPORTED: Record<string, string> = {
  "acled/hdx_hapi_conflict_event_2025-01_AFG_PAK_fixture.csv": "a format sample only",
  "gdelt/extra/mentionssamp.csv": "a shape reference only, not the raw format",
  "acled/acledR_acled_event_categories.csv": "ACLED reference table (ontology tests)",
  "acled/acledR_acled_codebook.csv": "ACLED reference table (ontology tests)",
  "acled/acledR_acled_interaction_codes.csv": "ACLED reference table (ontology tests)",
  "gdelt/lastupdate.txt": "a GDELT file list (frontier sync gdelt)",
  "gdelt/masterfilelist.head1000.txt": "a GDELT file list (frontier sync gdelt)",
  "plover/PLOVER_GSR_CAMEO.txt": "labelled sentences (ontology, text coder)",
  "plover/CAMEO2PLOVER-2021.txt": "a code table (ontology)",
  "text/case2021_task2_test_set_final_release_with_labels.tsv": "labelled snippets (text coder)",
};
/** Whole folders of reference data: code tables, places, boundaries. */
const NOT_IMPORTED_FOLDERS: Record<string, string> = {
  "gdelt/lookups/": "CAMEO and GDELT code tables (ontology)",
  "gazetteer/": "GeoNames places (text coder's gazetteer)",
  "geo/": "boundaries (the map)",
};

/** Existing files named in SOURCES.md, as paths under ../shared/data; a named folder's files too. */
function listedFiles(): string[] {
  const text = readFileSync(join(SHARED_DATA, "SOURCES.md"), "utf8");
  const files = new Set<string>();
  let folder: string | null = null;
  for (const line of text.split("\n")) {
    if (line.startsWith("## ")) {
      folder = /^## (\w+)\/ /.exec(line)?.[1] ?? null;
      continue;
    }
    if (folder === null) continue;
    for (const [, token = ""] of line.matchAll(/`([^`\s]+)`/g)) {
      const path = `${folder}/${token}`;
      const full = join(SHARED_DATA, path);
      if (!existsSync(full)) continue;
      if (statSync(full).isFile()) files.add(path);
      else for (const name of readdirSync(full)) files.add(`${path.replace(/\/$/, "")}/${name}`);
    }
  }
  return [...files].sort();
}

interface Command {
  dataset: string;
  flags: string[];
  file: string;
}

/** The `npx frontier import …` lines of docs/import.md's list of real files. */
function documentedCommands(): Command[] {
  const text = readFileSync(join(ROOT, "docs/import.md"), "utf8");
  const section = text.split("## The real files in `../shared/data`, one command each")[1] ?? "";
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1] ?? "";
  return block
    .split("\n")
    .filter((line) => line.startsWith("npx frontier import "))
    .map((line) => {
      const words = (line.split(" #")[0] ?? "").trim().split(/\s+/).slice(3);
      const [dataset = "", ...rest] = words;
      const file = rest.find((word) => word.startsWith("../shared/data/")) ?? "";
      const flags = rest.filter((word) => word !== file);
      return { dataset, flags, file: file.replace("../shared/data/", "") };
    });
}

const commands = documentedCommands();

/** Commands with the same dataset and flags run as one, over all their files. */
function groups(): { args: string[]; files: string[] }[] {
  const byKey = new Map<string, { args: string[]; files: string[] }>();
  for (const command of commands) {
    const args = ["import", command.dataset, ...command.flags];
    const key = args.join(" ");
    const group = byKey.get(key) ?? { args, files: [] };
    group.files.push(command.file);
    byKey.set(key, group);
  }
  return [...byKey.values()];
}

type CsvRow = Record<string, string>;

function readCsv(path: string, options: { delimiter?: string; latin1?: boolean } = {}): CsvRow[] {
  const buffer = readFileSync(join(SHARED_DATA, path));
  return parse(options.latin1 ? buffer.toString("latin1") : buffer, {
    columns: true,
    bom: true,
    delimiter: options.delimiter ?? ",",
    relax_column_count: true,
  }) as CsvRow[];
}

const sum = (rows: CsvRow[], column: string) =>
  rows.reduce((total, row) => total + (Number(row[column]) || 0), 0);

/** GDELT rows: tab-separated lines; a .zip is one deflated member after a local file header. */
function gdeltRows(path: string): string[][] {
  let bytes = readFileSync(join(SHARED_DATA, path));
  if (path.endsWith(".zip")) {
    const start = 30 + bytes.readUInt16LE(26) + bytes.readUInt16LE(28);
    bytes = inflateRawSync(bytes.subarray(start));
  }
  return bytes
    .toString("utf8")
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => line.split("\t"));
}

/** SOURCES.md's rule: an actor of Pakistan or Afghanistan (CAMEO), or the place (FIPS PK, AF). */
function gdeltInRegion(path: string): number {
  const names = readCsv("gdelt/lookups/GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv").map(
    (row) => row.tableId,
  );
  const at = (name: string) => names.indexOf(name);
  const [a1, a2, geo] = [
    at("Actor1CountryCode"),
    at("Actor2CountryCode"),
    at("ActionGeo_CountryCode"),
  ];
  return gdeltRows(path).filter(
    (f) =>
      ["PAK", "AFG"].includes(f[a1] ?? "") ||
      ["PAK", "AFG"].includes(f[a2] ?? "") ||
      ["PK", "AF"].includes(f[geo] ?? ""),
  ).length;
}

async function snapshot(db: Db) {
  const events = await db.query("SELECT id, raw_sha256, event_id FROM source_records ORDER BY id");
  const conflicts = await db.query(
    "SELECT conflict_id, year, raw_sha256, updated_at FROM conflicts ORDER BY 1, 2",
  );
  const files = await db.query("SELECT id, name, sha256 FROM source_files ORDER BY id");
  return { events, conflicts, files };
}

describe.skipIf(!existsSync(SHARED_DATA))(
  `every real file in ../shared/data on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`,
  () => {
    let store: CliStore;
    let db: Db;
    beforeAll(async () => {
      store = await createCliStore();
    });
    afterAll(async () => {
      await db?.close();
      await store.cleanup();
    });

    it("names each listed file: imported by a documented command, or not and why", () => {
      const listed = listedFiles();
      const documented = commands.map((c) => c.file);
      const skipped = (file: string) =>
        file in NOT_IMPORTED ||
        Object.keys(NOT_IMPORTED_FOLDERS).some((folder) => file.startsWith(folder));
      expect(listed.filter((file) => !documented.includes(file) && !skipped(file))).toEqual([]);
      expect(documented.filter((file) => skipped(file) || !listed.includes(file))).toEqual([]);
      expect(Object.keys(NOT_IMPORTED).filter((file) => !listed.includes(file))).toEqual([]);
      expect(new Set(documented).size).toBe(documented.length);
      expect(documented.length).toBe(13);
    });

    it("imports each with its documented command", { timeout: 240_000 }, async () => {
      for (const group of groups()) {
        const files = group.files.map((file) => join(SHARED_DATA, file));
        const result = await runCli(
          [...group.args, ...files, "--json", "--data-dir", store.dataDir],
          {
            env: store.env,
          },
        );
        expect(result.stderr).toBe("");
        expect(result.code).toBe(0);
      }
      db = await store.open();
    });

    it("stores every UCDP event once, with the files' fatalities per country", async () => {
      const byId = new Map<string, { country: string; best: number }>();
      for (const file of commands.filter((c) => c.dataset === "ucdp").map((c) => c.file)) {
        const rows = readCsv(file, { delimiter: file.includes("UcdpPrio") ? ";" : "," });
        for (const row of rows) {
          if (row.id === undefined || (row.year ?? "").startsWith("#")) continue; // HXL tags
          byId.set(row.id, { country: row.country ?? "", best: Number(row.best) });
        }
      }
      const expected = (country: string) => {
        const rows = [...byId.values()].filter((r) => r.country === country);
        return { n: rows.length, best: rows.reduce((s, r) => s + r.best, 0) };
      };
      const stored = await db.query<{ country: string; n: number; best: number }>(
        `SELECT e.country_iso3 AS country, count(*)::int AS n, sum(e.fatalities_best)::int AS best
         FROM source_records s JOIN events e ON e.id = s.event_id
         WHERE s.dataset = 'ucdp' GROUP BY 1 ORDER BY 1`,
      );
      expect(stored).toEqual([
        { country: "AFG", ...expected("Afghanistan") },
        { country: "PAK", ...expected("Pakistan") },
      ]);
    });

    it("stores the 138 UCDP/PRIO conflict-years, wars included", async () => {
      const rows = readCsv("ucdp/UcdpPrioConflict_v25_1_pak_afg_excel-resaved.csv", {
        delimiter: ";",
      });
      const [stored] = await db.query<{ n: number; wars: number }>(
        "SELECT count(*)::int AS n, count(*) FILTER (WHERE intensity_level = 2)::int AS wars FROM conflicts",
      );
      expect(stored).toEqual({
        n: rows.length,
        wars: rows.filter((row) => row.intensity_level === "2").length,
      });
    });

    it("stores each ACLED file's rows and fatalities", async () => {
      for (const command of commands.filter((c) => c.dataset === "acled")) {
        const rows = readCsv(command.file);
        const name = command.file.split("/").at(-1);
        const [stored] = await db.query<{ n: number; deaths: number }>(
          `SELECT count(*)::int AS n, coalesce(sum(e.fatalities_best), 0)::int AS deaths
           FROM source_records s JOIN events e ON e.id = s.event_id
           JOIN source_files f ON f.id = s.source_file_id WHERE f.name = $1`,
          [name],
        );
        const deaths = sum(rows, rows[0] && "Fatalities" in rows[0] ? "Fatalities" : "fatalities");
        expect({ name, ...stored }).toEqual({ name, n: rows.length, deaths });
      }
    });

    it("stores each GDELT file's rows about Pakistan or Afghanistan", async () => {
      for (const command of commands.filter((c) => c.dataset === "gdelt")) {
        const name = command.file.split("/").at(-1);
        const [stored] = await db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM source_records s
           JOIN source_files f ON f.id = s.source_file_id WHERE f.name = $1`,
          [name],
        );
        expect({ name, n: stored?.n }).toEqual({ name, n: gdeltInRegion(command.file) });
      }
    });

    it("stores the Pakistan Body Count rows with their killed min and max totals", async () => {
      const tables = [
        ["pbc/PakistanDroneAttacks.csv", "pbc-drone-attacks", "Total Died Min", "Total Died Mix"],
        ["pbc/PakistanSuicideAttacks.csv", "pbc-suicide-attacks", "Killed Min", "Killed Max"],
      ] as const;
      for (const [file, dataset, min, max] of tables) {
        // The drone table ends with its own totals line, which has no S#.
        const rows = readCsv(file, { latin1: true }).filter((row) => (row["S#"] ?? "") !== "");
        const [stored] = await db.query<{ n: number; low: number; high: number }>(
          `SELECT count(*)::int AS n, sum(e.fatalities_low)::int AS low, sum(e.fatalities_high)::int AS high
           FROM source_records s JOIN events e ON e.id = s.event_id
           WHERE s.dataset = 'csv' AND s.native_id LIKE $1`,
          [`${dataset}:%`],
        );
        expect({ dataset, ...stored }).toEqual({
          dataset,
          n: rows.length,
          low: sum(rows, min),
          high: sum(rows, max),
        });
      }
    });

    it("changes nothing when every command runs again", { timeout: 120_000 }, async () => {
      const before = await snapshot(db);
      await db.close();
      for (const group of groups()) {
        const files = group.files.map((file) => join(SHARED_DATA, file));
        const result = await runCli([...group.args, ...files, "--data-dir", store.dataDir], {
          env: store.env,
        });
        expect(result.code).toBe(0);
        for (const file of group.files) {
          expect(result.stdout).toContain(`${file.split("/").at(-1)}: already imported`);
        }
      }
      db = await store.open();
      expect(await snapshot(db)).toEqual(before);
    });
  },
);
