import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ROOT, runCli } from "../helpers/cli.ts";

const env = { DATABASE_URL: "" };

function holdStore(dir: string): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", join(ROOT, "test/fixtures/hold-store.ts"), dir],
      {
        cwd: ROOT,
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    child.stdout?.on("data", (d: Buffer) => {
      if (d.toString().includes("ready")) resolve(child);
    });
    child.on("error", reject);
    child.on("exit", (code) => reject(new Error(`holder exited early with ${code}`)));
  });
}

describe.skipIf(Boolean(process.env.DATABASE_URL))("embedded data directory lock", () => {
  let dir = "";
  let holder: ChildProcess | undefined;
  afterEach(async () => {
    holder?.kill("SIGKILL");
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("a second process gets the owner's pid and exit 1; after SIGKILL the stale lock is taken over", async () => {
    dir = await mkdtemp(join(tmpdir(), "fw-lock-"));
    holder = await holdStore(dir);
    const busy = await runCli(["status", "--data-dir", dir], { env });
    expect(busy.code).toBe(1);
    expect(busy.stderr.trim()).toBe(
      `error: data directory "${dir}" is in use by process ${holder.pid}`,
    );

    const exited = new Promise((resolve) => holder?.once("close", resolve));
    holder.kill("SIGKILL");
    await exited;
    const after = await runCli(["status", "--data-dir", dir, "--json"], { env });
    expect(after.code).toBe(0);
    expect(after.stderr).toContain(`taking over stale lock`);
    expect(after.stderr).toContain(`process ${holder.pid} is gone`);
    const status = JSON.parse(after.stdout) as { kind: string; schemaVersion: number };
    expect(status.kind).toBe("pglite");
    expect(status.schemaVersion).toBeGreaterThanOrEqual(1);
  });
});
