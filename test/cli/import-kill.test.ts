import { spawn } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeBigGdelt } from "../../bench/lib/gdelt-big.ts";
import { CLI, ROOT, SHARED_DATA } from "../helpers/cli.ts";
import { type CliStore, createCliStore } from "../helpers/cli-store.ts";

/** A process killed with SIGKILL in the middle of an import leaves the database as before. */
describe("an import killed midway", () => {
  let store: CliStore;
  let bigFile = "";
  beforeAll(async () => {
    store = await createCliStore();
    bigFile = join(store.dataDir, "..", `${store.dataDir.split("/").pop()}-big.export.CSV`);
    await writeBigGdelt([join(SHARED_DATA, "gdelt/20191024143000.export.CSV")], bigFile, 60_000);
  });
  afterAll(async () => {
    await store.cleanup();
  });

  it("leaves no rows, no file record, and a store that opens", async () => {
    // First a small import that must survive the kill untouched.
    const keep = join(SHARED_DATA, "gdelt/20180326044500.export.CSV");
    const first = spawn(
      process.execPath,
      [CLI, "import", "gdelt", keep, "--data-dir", store.dataDir],
      {
        cwd: ROOT,
        env: { ...process.env, ...store.env },
      },
    );
    expect(await new Promise((resolve) => first.on("close", resolve))).toBe(0);
    const db0 = await store.open();
    const before = await db0.query("SELECT id, native_id FROM source_records ORDER BY id");
    await db0.close();

    const child = spawn(
      process.execPath,
      [CLI, "import", "gdelt", bigFile, "--all", "--progress", "--data-dir", store.dataDir],
      { cwd: ROOT, env: { ...process.env, ...store.env }, stdio: ["ignore", "pipe", "pipe"] },
    );
    let stderr = "";
    // Kill once it reports rows written inside its transaction.
    const killed = new Promise<string>((resolve) => {
      child.stderr.on("data", (d: Buffer) => {
        stderr += d.toString();
        const rows = [...stderr.matchAll(/progress: .*?: ([\d,]+) rows/g)].at(-1)?.[1];
        if (rows && Number(rows.replaceAll(",", "")) >= 5000 && !child.killed) {
          child.kill("SIGKILL");
        }
      });
      child.on("close", (_code, signal) => resolve(String(signal)));
    });
    expect(await killed, stderr).toBe("SIGKILL");
    expect(stderr).toContain("progress:");

    const db = await store.open();
    try {
      const after = await db.query("SELECT id, native_id FROM source_records ORDER BY id");
      expect(after).toEqual(before);
      const files = await db.query<{ name: string }>("SELECT name FROM source_files");
      expect(files.map((f) => f.name)).toEqual(["20180326044500.export.CSV"]);
    } finally {
      await db.close();
    }
  });
});
