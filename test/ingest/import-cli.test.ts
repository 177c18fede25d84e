import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, runCli } from "../helpers/cli.ts";
import { type CliStore, createCliStore } from "../helpers/cli-store.ts";

/**
 * `frontier import csv|acled` through the real command: the bad cases exit 1 with one line naming
 * file, line and field and leave the store as it was; --preview stores nothing; --report writes
 * Markdown or JSON; --columns renames.
 */
const fixture = (name: string) => join(ROOT, "test/fixtures/ingest", name);

describe("frontier import csv and --columns, --preview, --report", () => {
  let store: CliStore;
  const cli = (args: string[]) =>
    runCli([...args, "--data-dir", store.dataDir], { env: store.env });
  const counts = async () => {
    const db = await store.open();
    try {
      const [row] = await db.query<{ files: number; records: number }>(
        `SELECT (SELECT count(*)::int FROM source_files) AS files,
                (SELECT count(*)::int FROM source_records) AS records`,
      );
      return row;
    } finally {
      await db.close();
    }
  };
  beforeAll(async () => {
    store = await createCliStore();
  });
  afterAll(async () => {
    await store.cleanup();
  });

  it.each([
    {
      name: "a mapping that names a missing column",
      args: ["--mapping", fixture("mapping-missing-column.yaml"), fixture("mapped-attacks.csv")],
      error:
        /^error: mapped-attacks\.csv line 1: the mapping mapping-missing-column\.yaml names column "Killed max" \(at fatalities\.max\), which the file does not have/,
    },
    {
      name: "a date that does not fit the format",
      args: ["--mapping", fixture("mapped-attacks.yaml"), fixture("mapped-attacks-bad-date.csv")],
      error:
        /^error: mapped-attacks-bad-date\.csv line 3, field "Date": "2018-03-06" does not fit the date format ddd D\/M\/YYYY/,
    },
    {
      name: "a Latin-1 file read as UTF-8",
      args: [
        "--mapping",
        fixture("mapped-attacks.yaml"),
        "--encoding",
        "utf8",
        fixture("mapped-attacks.csv"),
      ],
      error:
        /^error: mapped-attacks\.csv line 2, field "Notes": "Firing on a bus, the caf\uFFFD owner hurt" is not valid UTF-8 \(a Latin-1 or Windows-1252 file\? read it with --encoding latin1\)/,
    },
  ])("$name: exit 1, one line naming file, line and field, store unchanged", async (c) => {
    const result = await cli(["import", "csv", ...c.args]);
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(c.error);
    expect(lines[0]).toContain("nothing from");
    expect(await counts()).toEqual({ files: 0, records: 0 });
  });

  it("--preview shows the mapped rows and the report, stores nothing, and --report writes JSON", async () => {
    const report = join(store.dataDir, "..", `${store.dataDir.split("/").pop()}-preview.json`);
    const result = await cli([
      "import",
      "csv",
      "--mapping",
      fixture("mapped-attacks.yaml"),
      fixture("mapped-attacks.csv"),
      "--preview",
      "2",
      "--report",
      report,
    ]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const lines = result.stdout.split("\n");
    expect(lines[0]).toBe("mapped-attacks.csv: preview (csv), nothing stored");
    expect(lines.filter((line) => line.startsWith("  line "))).toHaveLength(2);
    expect(lines[1]).toMatch(
      /^ {2}line 2 test-attacks:1: 2018-03-05 Turbat, Kech, Balochistan, PAK/,
    );
    expect(result.stdout).toContain("  errors: none");
    expect(await counts()).toEqual({ files: 0, records: 0 });
    const written = JSON.parse(readFileSync(report, "utf8")) as {
      reports: { file: string; rows: { read: number; skipped: number } }[];
    };
    expect(written.reports.map((r) => [r.file, r.rows.read, r.rows.skipped])).toEqual([
      ["mapped-attacks.csv", 3, 1],
    ]);
  });

  it("imports through a mapping, prints the quality report and writes it as Markdown", async () => {
    const report = join(store.dataDir, "..", `${store.dataDir.split("/").pop()}-report.md`);
    const result = await cli([
      "import",
      "csv",
      "--mapping",
      fixture("mapped-attacks.yaml"),
      fixture("mapped-attacks.csv"),
      "--report",
      report,
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^mapped-attacks\.csv: read 3, stored 3, updated 0, unchanged 0, skipped by region 0, rejected 0, not events 1 \(/,
    );
    expect(result.stdout).toContain("\n  rows: 3 kept of 3 valid");
    expect(result.stdout).toContain("\n  notes: 2 ");
    const markdown = readFileSync(report, "utf8");
    expect(markdown).toContain("## mapped-attacks.csv (csv)");
    expect(markdown).toContain("| 2018 | 3 | 3 | 2 | 4 | 3 | 3 | 1 |");
    expect(await counts()).toEqual({ files: 1, records: 3 });
  });

  it("imports an ACLED file whose columns are named otherwise with --columns", async () => {
    const result = await cli([
      "import",
      "acled",
      fixture("acled-renamed.csv"),
      "--columns",
      "Date=event_date,Kind=event_type,Sub kind=sub_event_type,Province=admin1,Deaths=fatalities",
      "--json",
    ]);
    expect(result.stderr).toBe("");
    const summary = JSON.parse(result.stdout) as {
      files: { stored: number; report: { fatalitiesByYear: { best: number }[] } }[];
    };
    expect(summary.files[0]?.stored).toBe(2);
    expect(summary.files[0]?.report.fatalitiesByYear).toMatchObject([{ year: 2024, best: 4 }]);
  });
});
