import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ensureProfile } from "../../src/cli/profile-file.ts";
import { createResolver } from "../../src/domain/profile/index.ts";
import { openStore } from "../../src/store/open.ts";
import { syncGdelt } from "../../src/sync/index.ts";
import { ROOT } from "../helpers/cli.ts";
import { FIXTURE_SLOTS, serveGdelt, startServer, type TestServer } from "./support.ts";

const SLOTS = FIXTURE_SLOTS;

async function waitFor(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe.skipIf(Boolean(process.env.DATABASE_URL))("a GDELT sync killed with SIGKILL", () => {
  let server: TestServer | undefined;
  let child: ChildProcess | undefined;
  let dataDir = "";
  afterEach(async () => {
    child?.kill("SIGKILL");
    await server?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("resumes on the next run: done files are skipped, the half-written one is fetched again", async () => {
    server = await startServer();
    await serveGdelt(server, 2);
    const stalled = `${SLOTS[2]}.export.CSV.zip`;
    server.faults.set(`/${stalled}`, [{ kind: "stall" }]);
    dataDir = await mkdtemp(join(tmpdir(), "fw-sync-kill-"));

    const running = spawn(
      process.execPath,
      ["--import", "tsx", join(ROOT, "test/fixtures/sync/sync-child.ts"), dataDir, server.url],
      { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] },
    );
    child = running;
    let output = "";
    running.stdout?.on("data", (d: Buffer) => {
      output += d.toString();
    });
    const part = join(dataDir, "sync", "gdelt", `${stalled}.part`);
    await waitFor(
      async () => ((await stat(part).catch(() => null))?.size ?? 0) > 0,
      "the .part file",
    );
    const exited = new Promise((resolve) => running.on("exit", resolve));
    running.kill("SIGKILL");
    await exited;
    expect(output.trim().split("\n")).toEqual([
      `imported ${SLOTS[0]}.export.CSV.zip`,
      `imported ${SLOTS[1]}.export.CSV.zip`,
    ]);

    server.requests.length = 0;
    const db = await openStore({ dataDir, warn: () => undefined });
    try {
      const profile = await ensureProfile(db);
      const summary = await syncGdelt(db, {
        dataDir,
        profile,
        resolver: createResolver(profile),
        baseUrl: server.url,
        keepOutsideRegion: true,
      });
      expect(summary.alreadySynced).toBe(2);
      expect(summary.imported.map((f) => f.name)).toEqual([stalled, `${SLOTS[3]}.export.CSV.zip`]);
      expect(summary.imported.every((f) => !f.result.alreadyImported)).toBe(true);
      const zipsFetched = server.requests.map((r) => r.path).filter((p) => p.endsWith(".zip"));
      expect(zipsFetched).toEqual([`/${stalled}`, `/${SLOTS[3]}.export.CSV.zip`]);
      const [row] = await db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM source_records WHERE dataset = 'gdelt'",
      );
      expect(row?.n).toBe(SLOTS.length * 2);
    } finally {
      await db.close();
    }
  });
});
