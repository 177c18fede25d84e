import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.ts";
import { type CliStore, createCliStore } from "../helpers/cli-store.ts";

const ARTICLE = `Militants killed in North Waziristan

Security forces killed 12 militants of the TTP in an intelligence-based operation in North Waziristan on 14 March 2026, officials said.
`;

describe("frontier code --store", () => {
  let store: CliStore;
  let file = "";
  beforeAll(async () => {
    store = await createCliStore();
    file = join(store.dataDir, "..", `${store.dataDir.split("/").pop()}-article.txt`);
    await writeFile(file, ARTICLE);
  });
  afterAll(async () => {
    await store.cleanup();
  });

  it("stores the dated event once, and it counts in trends like imported events", async () => {
    const args = ["code", file, "--store", "--date", "2026-03-15", "--data-dir", store.dataDir];
    const first = await runCli(args, { env: store.env });
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/stored 1 events/);
    const second = await runCli(args, { env: store.env });
    expect(second.stdout).toMatch(/already stored .* nothing changed/);

    const db = await store.open();
    try {
      const rows = await db.query<{
        date_start: string;
        fatalities_best: number;
        country_iso3: string;
      }>(
        `SELECT e.date_start, e.fatalities_best, e.country_iso3 FROM source_records s
         JOIN events e ON e.id = s.event_id WHERE s.dataset = 'text'`,
      );
      expect(rows).toEqual([
        { date_start: "2026-03-14", fatalities_best: 12, country_iso3: "PAK" },
      ]);
    } finally {
      await db.close();
    }
    const trends = await runCli(
      ["trends", "--from", "2026-03", "--to", "2026-03", "--json", "--data-dir", store.dataDir],
      {
        env: store.env,
      },
    );
    expect(trends.code).toBe(0);
    expect(trends.stdout).toContain('"2026-03');
    const body = JSON.parse(trends.stdout) as {
      rows: { events: number; fatalities: { best: number } }[];
    };
    expect(body.rows[0]?.events).toBe(1);
  });
});
