import { readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, runCli, SHARED_DATA } from "../helpers/cli.ts";
import { type CliStore, createCliStore } from "../helpers/cli-store.ts";

/**
 * Bad input through the real command: exit 1, one line on stderr naming file, line and field,
 * and the database exactly as it was. Files are built here from one good ACLED row.
 */
const fixture = readFileSync(join(ROOT, "test/fixtures/ingest/acled-bad-values.csv"), "utf8");
const [header = "", good = ""] = fixture.split(/\r?\n/);
const cols = header.split(",");
const goodCells = good.split(",");

function acledRow(changes: Record<string, string>, id: string): string {
  return cols
    .map((c, i) => {
      if (c === "event_id_cnty") return id;
      const value = changes[c] ?? goodCells[i] ?? "";
      return /[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
    })
    .join(",");
}

const CASES: { name: string; file: string; content: () => Buffer | string; error: RegExp }[] = [
  {
    name: "an impossible date",
    file: "date.csv",
    content: () =>
      `${header}\n${acledRow({}, "X1")}\n${acledRow({ event_date: "2023-02-30" }, "X2")}\n`,
    error: /^error: date\.csv line 3, field "event_date": "2023-02-30" is not a/,
  },
  {
    name: 'fatalities "twelve"',
    file: "fatal.csv",
    content: () => `${header}\n${acledRow({ fatalities: "twelve" }, "X1")}\n`,
    error: /^error: fatal\.csv line 2, field "fatalities": "twelve"/,
  },
  {
    name: "latitude 123",
    file: "lat.csv",
    content: () => `${header}\n${acledRow({}, "X1")}\n${acledRow({ latitude: "123" }, "X2")}\n`,
    error: /^error: lat\.csv line 3, field "latitude": "123"/,
  },
  {
    name: "an empty file",
    file: "empty.csv",
    content: () => "",
    error: /^error: .*empty\.csv.*empty/,
  },
  {
    name: "the header of another dataset",
    file: "other.csv",
    content: () =>
      readFileSync(join(SHARED_DATA, "ucdp/GEDEvent_v26_0_7_pak_afg.csv")).subarray(0, 4000),
    error: /^error: other\.csv line 1: .*missing columns/,
  },
  {
    name: "invalid UTF-8",
    file: "utf8.csv",
    content: () =>
      Buffer.concat([
        Buffer.from(`${header}\n${acledRow({}, "X1")}\n`),
        Buffer.from([0xc3, 0x28, 0x0a]),
      ]),
    error: /^error: utf8\.csv line 3.*UTF-8/,
  },
  {
    name: "a file that stops inside a quoted field",
    file: "cut.csv",
    content: () =>
      `${header}\n${acledRow({}, "X1")}\n${acledRow({ notes: "cut, here" }, "X2").slice(0, -40)}`,
    error: /^error: cut\.csv line 3/,
  },
  {
    name: "a 10 MB field",
    file: "huge.csv",
    content: () => `${header}\n${acledRow({ notes: "x".repeat(10 * 1024 * 1024) }, "X1")}\n`,
    error: /^error: huge\.csv line 2.*(notes|field)/,
  },
];

describe("frontier import with bad input", () => {
  let store: CliStore;
  let before: unknown[] = [];
  beforeAll(async () => {
    store = await createCliStore();
    const seed = join(store.dataDir, "..", `${store.dataDir.split("/").pop()}-seed.csv`);
    await writeFile(seed, `${header}\n${acledRow({}, "SEED1")}\n`);
    const result = await runCli(["import", "acled", seed, "--data-dir", store.dataDir], {
      env: store.env,
    });
    expect(result.code).toBe(0);
    const db = await store.open();
    before = await db.query("SELECT * FROM source_records ORDER BY id");
    await db.close();
  });
  afterAll(async () => {
    await store.cleanup();
  });

  it.each(CASES)(
    "$name: exit 1, names the place, store unchanged",
    async ({ file, content, error }) => {
      const path = join(store.dataDir, "..", `${store.dataDir.split("/").pop()}-${file}`);
      await writeFile(path, content());
      const renamed = path.replace(/.*\//, "");
      const result = await runCli(["import", "acled", path, "--data-dir", store.dataDir], {
        env: store.env,
      });
      expect(result.code).toBe(1);
      const lines = result.stderr.trim().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]?.replace(renamed, file)).toMatch(error);
      expect(result.stderr).toContain("nothing from");
      const db = await store.open();
      try {
        expect(await db.query("SELECT * FROM source_records ORDER BY id")).toEqual(before);
        const [files] = await db.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM source_files",
        );
        expect(files?.n).toBe(1);
      } finally {
        await db.close();
      }
    },
  );

  it("--skip-bad --rejects imports good rows and writes each bad one with its reason", async () => {
    const path = join(store.dataDir, "..", "mixed.csv");
    const rejects = join(store.dataDir, "..", "mixed-rejects.csv");
    await writeFile(
      path,
      `${header}\n${acledRow({}, "M1")}\n${acledRow({ event_date: "2023-02-30" }, "M2")}\n${acledRow({ fatalities: "twelve" }, "M3")}\n${acledRow({}, "M4")}\n`,
    );
    const result = await runCli(
      [
        "import",
        "acled",
        path,
        "--skip-bad",
        "--rejects",
        rejects,
        "--json",
        "--data-dir",
        store.dataDir,
      ],
      { env: store.env },
    );
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as { totals: { stored: number; rejected: number } };
    expect(summary.totals).toMatchObject({ stored: 2, rejected: 2 });
    const written = readFileSync(rejects, "utf8").trim().split("\n");
    expect(written[0]).toBe("file,line,field,value,reason");
    expect(written[1]).toMatch(/^mixed\.csv,3,event_date,2023-02-30,/);
    expect(written[2]).toMatch(/^mixed\.csv,4,fatalities,twelve,/);
  });

  it("--skip-bad without --rejects is refused before anything is read", async () => {
    const result = await runCli(
      ["import", "acled", "x.csv", "--skip-bad", "--data-dir", store.dataDir],
      {
        env: store.env,
      },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("--skip-bad needs --rejects");
  });
});
