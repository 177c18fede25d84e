import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Command } from "commander";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Io } from "../../src/cli/context.ts";
import { buildProgram, run } from "../../src/cli/main.ts";

function capture(): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: (t) => stdout.push(t),
    err: (t) => stderr.push(t),
    isTty: false,
  };
}

function commandPaths(command: Command, prefix: string[] = []): string[][] {
  return command.commands
    .filter((c) => c.name() !== "help")
    .flatMap((c) => [[...prefix, c.name()], ...commandPaths(c, [...prefix, c.name()])]);
}

describe("frontier CLI conventions", () => {
  const paths = commandPaths(buildProgram(capture()));

  it("has the foundation commands", () => {
    expect(paths.map((p) => p.join(" "))).toEqual(expect.arrayContaining(["status"]));
  });

  it.each(paths.map((p) => [p.join(" "), p]))(
    "`%s --help` exits 0 and prints usage",
    async (_, path) => {
      const io = capture();
      expect(await run([...(path as string[]), "--help"], io)).toBe(0);
      expect(io.stdout.join("")).toContain(`Usage: frontier ${(path as string[]).join(" ")}`);
    },
  );

  it.each(paths.map((p) => [p.join(" "), p]))("`%s --no-such-flag` exits 2", async (_, path) => {
    const io = capture();
    expect(await run([...(path as string[]), "--no-such-flag"], io)).toBe(2);
    expect(io.stderr.join("")).toContain("unknown option");
  });

  it("an unknown command exits 2", async () => {
    const io = capture();
    expect(await run(["frobnicate"], io)).toBe(2);
  });
});

describe.skipIf(Boolean(process.env.DATABASE_URL))("frontier status", () => {
  let dir = "";
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "fw-status-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("--json reports an embedded store with every table counted at zero", async () => {
    const io = capture();
    const saved = process.env.DATABASE_URL;
    expect(await run(["status", "--data-dir", dir, "--json"], io)).toBe(0);
    process.env.DATABASE_URL = saved;
    const status = JSON.parse(io.stdout.join("")) as {
      kind: string;
      counts: Record<string, number>;
      lastImport: unknown;
    };
    expect(status.kind).toBe("pglite");
    expect(status.counts.events).toBe(0);
    expect(Object.keys(status.counts)).toContain("watch_questions");
    expect(status.lastImport).toBeNull();
  });
});
