import { readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, runCli } from "../helpers/cli.ts";
import { type CliStore, createCliStore } from "../helpers/cli-store.ts";

const shipped = readFileSync(join(ROOT, "profiles/pak-afg.yaml"), "utf8");

describe("frontier profile check", () => {
  let dir = "";
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "fw-profile-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("accepts the shipped pak-afg profile with its five demands", async () => {
    const result = await runCli(["profile", "check", "pak-afg", "--json"]);
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as { demands: string[]; parties: string[] };
    expect(summary.parties).toEqual(["PAK", "AFG"]);
    expect(summary.demands).toHaveLength(5);
  });

  it("names the path of a wrong field and exits 1", async () => {
    // Break the first progress pattern's category of the third demand.
    const lines = shipped.split("\n");
    const demands = lines.findIndex((l) => /^demands:/.test(l));
    let seen = 0;
    let target = -1;
    for (let i = demands; i < lines.length; i++) {
      if (/^ {2}- id: /.test(lines[i] ?? "")) seen++;
      if (seen === 3 && /category:/.test(lines[i] ?? "")) {
        target = i;
        break;
      }
    }
    expect(target).toBeGreaterThan(0);
    lines[target] = (lines[target] ?? "").replace(/category:.*/, "category: ARRESTS");
    const file = join(dir, "bad.yaml");
    await writeFile(file, lines.join("\n"));
    const result = await runCli(["profile", "check", file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^error: .*bad\.yaml: demands\[2\]\.evidence\.progress\[0\]\.category: unknown category "ARRESTS"/,
    );
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("a missing file is exit 1 with the reason, a missing argument exit 2", async () => {
    const missing = await runCli(["profile", "check", join(dir, "nope.yaml")]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("no such file");
    const usage = await runCli(["profile", "check"]);
    expect(usage.code).toBe(2);
  });
});

describe("frontier init and npm start's command", () => {
  let store: CliStore;
  beforeAll(async () => {
    store = await createCliStore();
  });
  afterAll(async () => {
    await store.cleanup();
  });

  it("start loads the default profile into a fresh store and prints its status", async () => {
    const result = await runCli(["start", "--json", "--data-dir", store.dataDir], {
      env: store.env,
    });
    expect(result.code).toBe(0);
    const status = JSON.parse(result.stdout) as {
      profile: { id: string };
      counts: Record<string, number>;
    };
    expect(status.profile.id).toBe("pak-afg");
    expect(status.counts.demands).toBe(5);
    expect(status.counts.watch_questions).toBe(4);
    expect(status.counts.actors).toBeGreaterThan(20);
  });

  it("init with a bad profile leaves the store's profile as it was", async () => {
    const bad = join(store.dataDir, "..", "bad-init.yaml");
    await writeFile(bad, shipped.replace(/^id: .*$/m, "id: Not An Id"));
    const result = await runCli(["init", "--profile", bad, "--data-dir", store.dataDir], {
      env: store.env,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/bad-init\.yaml: id: /);
    const status = await runCli(["status", "--json", "--data-dir", store.dataDir], {
      env: store.env,
    });
    expect((JSON.parse(status.stdout) as { profile: { id: string } }).profile.id).toBe("pak-afg");
  });
});
