import { Command } from "commander";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerAudit } from "../../src/cli/commands/audit.ts";
import { registerReports } from "../../src/cli/commands/reports.ts";
import { registerToken } from "../../src/cli/commands/token.ts";
import { registerUser } from "../../src/cli/commands/user.ts";
import type { Io } from "../../src/cli/context.ts";
import { findToken } from "../../src/store/verify-accounts.ts";
import { secretHash } from "../../src/verify/index.ts";
import { type CliStore, createCliStore } from "../helpers/cli-store.ts";

let store: CliStore;
let savedUrl: string | undefined;

beforeAll(async () => {
  store = await createCliStore();
  // The commands read DATABASE_URL as `frontier` does: point it at this test's own store.
  savedUrl = process.env.DATABASE_URL;
  process.env.DATABASE_URL = store.env.DATABASE_URL;
});
afterAll(async () => {
  process.env.DATABASE_URL = savedUrl;
  await store.cleanup();
});

/** Runs one command in process; returns what it printed, or throws what it threw. */
async function run(args: string[], password = "a long enough password") {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (s) => out.push(s), err: (s) => err.push(s), isTty: false };
  const program = new Command("frontier").option("--data-dir <dir>").exitOverride();
  registerUser(program, io, { readPassword: async () => password });
  registerToken(program, io);
  registerAudit(program, io);
  registerReports(program, io);
  await program.parseAsync(["--data-dir", store.dataDir, ...args], { from: "user" });
  return { out: out.join("\n"), err: err.join("\n") };
}

describe("frontier user, token, audit and reports", () => {
  it("adds accounts, refuses a liaison without a party and a short password", async () => {
    const added = await run(["user", "add", "pak.one", "--role", "liaison", "--party", "PAK"]);
    expect(added.out).toMatch(/^created liaison pak\.one \(PAK\), id [0-9a-f]{32}$/);
    await run(["user", "add", "med.one", "--role", "mediator"]);
    await expect(run(["user", "add", "x.y", "--role", "liaison"])).rejects.toThrow(
      "a liaison must be bound to one party",
    );
    await expect(run(["user", "add", "x.z", "--role", "mediator"], "short")).rejects.toThrow(
      "password: must be at least 12 characters",
    );
    await expect(
      run(["user", "add", "x.w", "--role", "liaison", "--party", "IND"]),
    ).rejects.toThrow('party "IND" is not one of PAK, AFG');
    await expect(run(["user", "add", "pak.one", "--role", "analyst"])).rejects.toThrow(
      'an account named "pak.one" exists',
    );
    const list = await run(["user", "list", "--json"]);
    expect((JSON.parse(list.out) as { name: string }[]).map((a) => a.name)).toEqual([
      "med.one",
      "pak.one",
    ]);
  });

  it("creates a token shown once and stored hashed, and revokes it", async () => {
    const created = await run(["token", "create", "--user", "pak.one", "--expires", "30d"]);
    const token = created.out.trim();
    expect(token).toMatch(/^fwt_[A-Za-z0-9_-]{43}$/);
    expect(created.err).toContain("it is not shown again");
    const db = await store.open();
    try {
      const cred = await findToken(db, secretHash(token));
      expect(cred?.account.name).toBe("pak.one");
      const days = (Date.parse(cred?.expiresAt ?? "") - Date.now()) / 86_400_000;
      expect(days).toBeGreaterThan(29.9);
      expect(days).toBeLessThan(30.1);
      const rows = await db.query("SELECT * FROM api_tokens");
      expect(JSON.stringify(rows)).not.toContain(token);
    } finally {
      await db.close();
    }
    const list = JSON.parse((await run(["token", "list", "--user", "pak.one", "--json"])).out) as {
      id: string;
    }[];
    expect(list).toHaveLength(1);
    await run(["token", "revoke", list[0]?.id ?? ""]);
    const after = JSON.parse((await run(["token", "list", "--user", "pak.one", "--json"])).out) as {
      revokedAt: string | null;
    }[];
    expect(after[0]?.revokedAt).not.toBeNull();
    await expect(
      run(["token", "create", "--user", "pak.one", "--expires", "2001-01-01"]),
    ).rejects.toThrow("--expires");
    await expect(run(["token", "create", "--user", "nobody"])).rejects.toThrow(
      'no account named "nobody"',
    );
  });

  it("verifies the chain, exports it, and names the entry edited by hand", async () => {
    const ok = await run(["audit", "verify"]);
    expect(ok.out).toMatch(/^audit chain intact: 4 entries, head 4:[0-9a-f]{64}$/);
    const head = ok.out.split("head ")[1] ?? "";
    const lines = (await run(["audit", "export"])).out.split("\n");
    const exported = lines.map((l) => JSON.parse(l) as { seq: number; action: string });
    expect(exported.map((e) => e.action)).toEqual([
      "account.created",
      "account.created",
      "token.created",
      "token.revoked",
    ]);
    const db = await store.open();
    try {
      await db.exec("ALTER TABLE audit_log DISABLE TRIGGER USER");
      await db.query("UPDATE audit_log SET change = replace(change, 'PAK', 'AFG') WHERE seq = 1");
    } finally {
      await db.close();
    }
    await expect(run(["audit", "verify"])).rejects.toThrow(
      "audit chain broken: entry 1 was edited: its hash does not match its contents",
    );
    await expect(run(["audit", "verify", "--head", head])).rejects.toThrow("entry 1 was edited");
  });

  it("lists reports without content and prints the figures", async () => {
    const list = await run(["reports", "list", "--json"]);
    expect(JSON.parse(list.out)).toEqual([]);
    const figures = await run(["reports", "figures", "--as-of", "2026-03-31"]);
    expect(figures.out).toContain("Mechanism figures as of 2026-03-31");
    expect(figures.out).toMatch(/PAK\s+0/);
  });
});
