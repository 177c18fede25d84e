/** `frontier reconcile` and its subcommands, registered on a bare program as main.ts will. */
import { Command } from "commander";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerReconcile } from "../../src/cli/commands/reconcile.ts";
import type { Io } from "../../src/cli/context.ts";
import { gdeltReport, makeRecord, pbcDrone } from "../../src/reconcile/test-support.ts";
import { type CliStore, createCliStore } from "../helpers/cli-store.ts";
import { importRecords } from "./support.ts";

function captureIo(): Io & { lines: string[] } {
  const lines: string[] = [];
  return { lines, out: (t) => lines.push(t), err: (t) => lines.push(t), isTty: false };
}

describe("frontier reconcile", () => {
  let store: CliStore;
  const saved = process.env.DATABASE_URL;
  beforeAll(async () => {
    store = await createCliStore();
    const db = await store.open();
    await importRecords(db, [
      makeRecord("ucdp", "1", { place: "Danday Darpakhel village" }),
      pbcDrone("10"),
      makeRecord("ucdp", "3", { dateStart: "2010-03-30", dateEnd: "2010-03-30" }),
      gdeltReport("901", "https://a.example/1"),
      gdeltReport("902", "https://b.example/2"),
    ]);
    await db.close();
  });
  afterAll(async () => {
    if (saved === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = saved;
    await store.cleanup();
  });

  async function cli(args: string[]): Promise<string> {
    const io = captureIo();
    const program = new Command("frontier").option("--data-dir <dir>").exitOverride();
    registerReconcile(program, io);
    process.env.DATABASE_URL = store.env.DATABASE_URL;
    await program.parseAsync([...args, "--data-dir", store.dataDir], { from: "user" });
    return io.lines.join("\n");
  }

  it("prints what merged, then nothing on a re-run", async () => {
    const out = await cli(["reconcile"]);
    expect(out).toMatch(/^reconciled 5 records \(5 new or changed\): 2 events merged, 0 changed/);
    expect(out).toContain("csv:pbc-drone-attacks:10  ucdp:1");
    expect(out).toContain("2 GDELT reports");
    expect(out).toMatch(
      /store: 3 events \(2 from several records\); source records: csv 1, gdelt 2, ucdp 2/,
    );
    const again = JSON.parse(await cli(["reconcile", "--json"]));
    expect(again).toMatchObject({ dirty: 0, created: [], totals: { events: 3 } });
  });

  it("merges by hand, lists the sources and the audit log", async () => {
    const run = JSON.parse(await cli(["reconcile", "--all", "--json"]));
    expect(run.created).toEqual([]);
    // Event 1 is UCDP 1's own event, merged away: it is no longer counted, nor listed.
    await expect(cli(["reconcile", "sources", "1"])).rejects.toMatchObject({ code: "NOT_FOUND" });
    const db = await store.open();
    const rows = await db.query<{ native_id: string; id: number }>(
      `SELECT s.native_id, coalesce(e.merged_into, e.id) AS id FROM source_records s
       JOIN events e ON e.id = s.event_id ORDER BY s.native_id`,
    );
    await db.close();
    const id = (n: string) => String(rows.find((r) => r.native_id === n)?.id);
    const out = await cli([
      "reconcile",
      "merge",
      id("1"),
      id("3"),
      "--reason",
      "one strike, misdated",
      "--author",
      "ana",
    ]);
    expect(out).toMatch(/^merge stored \(decision 1\): events \d+, \d+ → \d+$/);
    const log = await cli(["reconcile", "log"]);
    expect(log).toContain('merge by ana: "one strike, misdated"');
    const merged = out.split("→ ")[1] ?? "";
    const listed = await cli(["reconcile", "sources", merged]);
    expect(listed.split("\n").map((l) => l.split("  ")[0])).toEqual([
      "csv:pbc-drone-attacks:10",
      "ucdp:1",
      "ucdp:3",
    ]);
  });

  it("rejects a bad --since and a merge without a reason", async () => {
    await expect(cli(["reconcile", "--since", "2020-13-01"])).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: '--since "2020-13-01" is not a date (YYYY-MM-DD)',
    });
    await expect(cli(["reconcile", "merge", "1", "2"])).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
  });
});
