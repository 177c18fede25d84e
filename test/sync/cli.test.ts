import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command } from "commander";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { formatGdeltSummary, registerSync } from "../../src/cli/commands/sync.ts";
import type { Io } from "../../src/cli/context.ts";
import { isAppError } from "../../src/domain/errors.ts";
import type { GdeltSyncSummary } from "../../src/sync/index.ts";
import { SYNC_FIXTURES, serveGdelt, startServer, type TestServer } from "./support.ts";

function capture(): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t), isTty: false };
}

/** `frontier` with only `sync` registered, the way main.ts builds it. */
async function frontier(args: string[], io: Io): Promise<void> {
  const program = new Command("frontier").option("--data-dir <dir>").exitOverride();
  program.configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
  registerSync(program, io);
  const all = (c: Command): Command[] => [c, ...c.commands.flatMap(all)];
  for (const c of all(program)) c.exitOverride();
  await program.parseAsync(args, { from: "user" });
}

async function failure(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!isAppError(error)) throw new Error(`expected an AppError, got ${String(error)}`);
  return { code: error.code, message: error.message };
}

describe.skipIf(Boolean(process.env.DATABASE_URL))("frontier sync", () => {
  let server: TestServer;
  let dataDir: string;
  let zips: Map<string, Buffer>;
  beforeEach(async () => {
    server = await startServer();
    dataDir = await mkdtemp(join(tmpdir(), "fw-sync-cli-"));
    zips = await serveGdelt(server, 2);
  });
  afterEach(async () => {
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const gdelt = (...extra: string[]) => [
    "--data-dir",
    dataDir,
    "sync",
    "gdelt",
    "--since",
    "2024-03-01",
    "--base-url",
    server.url,
    "--all",
    ...extra,
  ];

  it("sync gdelt --json prints the summary with the gap named", async () => {
    const io = capture();
    await frontier(gdelt("--json"), io);
    const summary = JSON.parse(io.stdout.join("")) as GdeltSyncSummary;
    expect(summary.imported).toHaveLength(4);
    expect(summary.gaps).toEqual(["20240301004500"]);
    expect(summary.since).toBe("20240301000000");
  });

  it("sync gdelt names a failed file in its output and fails after importing the rest", async () => {
    const name = "20240301001500.export.CSV.zip";
    server.files.set(`/${name}`, Buffer.alloc(zips.get(name)?.length ?? 0));
    const io = capture();
    const { code, message } = await failure(frontier(gdelt(), io));
    expect(code).toBe("INTERNAL");
    expect(message).toBe(
      `1 GDELT file failed: ${name}; the others were imported — run the same command again to retry them`,
    );
    const out = io.stdout.join("\n");
    expect(out).toMatch(new RegExp(`\\[2/4\\] ${name}: FAILED: md5 is `));
    expect(out).toContain("4 export files listed, 0 already synced, 3 imported, 1 failed");
    expect(out).toContain("gaps: 1 slot with no export file in the list (GDELT published none):");
    expect(out).toContain("  20240301004500.export.CSV.zip");
  });

  it.each([
    [["--since", "2023-02-30"], '--since "2023-02-30" is not a date'],
    [["--until", "soon"], '--until "soon" is not a date'],
    [["--latest"], "--latest cannot be combined with --since or --until"],
    [["--base-url", "ftp://example.org/"], "--base-url is not an http(s) URL"],
  ])("sync gdelt %j is refused: %s", async (extra, expected) => {
    const { code, message } = await failure(frontier(gdelt(...extra), capture()));
    expect(code).toBe("INVALID_INPUT");
    expect(message).toContain(expected);
  });

  it("sync ucdp takes the token from UCDP_TOKEN when --token is not given", async () => {
    const pages = await Promise.all(
      [0, 1].map((i) =>
        readFile(join(SYNC_FIXTURES, `ucdp-gedevents-25.1-page-${i}.json`), "utf8"),
      ),
    );
    server.handle = (path, req) => {
      if (req.headers["x-ucdp-access-token"] !== "from-env") return { status: 403, body: "{}" };
      const page = Number(new URL(req.url ?? "", server.url).searchParams.get("page"));
      return path === "/api/gedevents/25.1" ? { status: 200, body: pages[page] ?? "" } : undefined;
    };
    const saved = process.env.UCDP_TOKEN;
    process.env.UCDP_TOKEN = "from-env";
    try {
      const io = capture();
      await frontier(["--data-dir", dataDir, "sync", "ucdp", "--base-url", `${server.url}api`], io);
      expect(io.stdout.join("\n")).toContain(
        "UCDP GED 25.1: 3 events in 2 pages (TotalCount 3, TotalPages 2)",
      );
      expect(io.stdout.join("\n")).toMatch(/imported: read 3, stored 3, updated 0/);
    } finally {
      if (saved === undefined) delete process.env.UCDP_TOKEN;
      else process.env.UCDP_TOKEN = saved;
    }
  });
});

describe("formatGdeltSummary()", () => {
  it("writes runs of gaps by their ends and lists list problems and failures", () => {
    const summary: GdeltSyncSummary = {
      list: "http://data.gdeltproject.org/gdeltv2/masterfilelist.txt",
      since: "20150219060000",
      until: null,
      listed: 20,
      alreadySynced: 15,
      imported: [],
      failed: [{ name: "20150219061500.export.CSV.zip", reason: "HTTP 404 Not Found" }],
      gaps: ["20150219070000", "20150219071500", "20150219073000"],
      listProblems: ["masterfilelist.txt line 7: expected 3 fields, found 1"],
      retries: 2,
    };
    expect(formatGdeltSummary(summary).split("\n")).toEqual([
      "GDELT sync from http://data.gdeltproject.org/gdeltv2/masterfilelist.txt, slots 20150219060000 … the end of the list: 20 export files listed, 15 already synced, 0 imported, 1 failed (2 retries)",
      "gaps: 3 slots with no export file in the list (GDELT published none):",
      "  20150219070000.export.CSV.zip … 20150219073000.export.CSV.zip (3 slots)",
      "file list problems:",
      "  masterfilelist.txt line 7: expected 3 fields, found 1",
      "failed:",
      "  20150219061500.export.CSV.zip: HTTP 404 Not Found",
    ]);
  });
});
