import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allAudit, appendAudit } from "../../src/store/audit.ts";
import { type AuditEntry, hashEntry, verifyChain } from "../../src/verify/index.ts";
import {
  type Actor,
  act,
  addActor,
  call,
  fileReport,
  type Harness,
  openHarness,
} from "./support.ts";

let h: Harness;
let admin: Actor;
let count = 0;

async function check() {
  const res = await call(h, admin, "GET", "/api/verify/audit/verify");
  expect(res.statusCode).toBe(200);
  return res.json() as {
    ok: boolean;
    seq?: number;
    problem?: string;
    message?: string;
    count?: number;
  };
}

/** Runs `sql` with the append-only trigger off, as an owner of the database could. */
async function tamper(sql: string, params: unknown[] = []) {
  await h.db.exec("ALTER TABLE audit_log DISABLE TRIGGER USER");
  try {
    await h.db.query(sql, params);
  } finally {
    await h.db.exec("ALTER TABLE audit_log ENABLE TRIGGER USER");
  }
}

async function entries(): Promise<AuditEntry[]> {
  const out: AuditEntry[] = [];
  for await (const e of allAudit(h.db)) out.push(e);
  return out;
}

beforeAll(async () => {
  h = await openHarness();
  admin = await addActor(h, "admin", "admin");
  const mediator = await addActor(h, "med.one", "mediator");
  const pak = await addActor(h, "pak.one", "liaison", "PAK");
  const id = await fileReport(h, pak);
  await act(h, mediator, id, { type: "acknowledge" });
  await act(h, mediator, id, { type: "start_verification" });
  count = (await entries()).length;
});
afterAll(() => h.close());

describe("the audit hash chain", () => {
  it("is intact after normal use and links every entry to the one before", async () => {
    expect(count).toBeGreaterThanOrEqual(9);
    expect(await check()).toMatchObject({ ok: true, count });
    const all = await entries();
    all.forEach((e, i) => {
      expect(e.seq).toBe(i + 1);
      expect(e.prevHash).toBe(i === 0 ? "0".repeat(64) : all[i - 1]?.hash);
    });
  });

  it("refuses UPDATE, DELETE and TRUNCATE through its trigger", async () => {
    await expect(h.db.query("UPDATE audit_log SET actor = 'x' WHERE seq = 1")).rejects.toThrow(
      /append-only/,
    );
    await expect(h.db.query("DELETE FROM audit_log WHERE seq = 1")).rejects.toThrow(/append-only/);
    await expect(h.db.exec("TRUNCATE audit_log")).rejects.toThrow(/append-only/);
  });

  it("names the entry whose change was edited by hand, for every entry", async () => {
    for (let seq = 1; seq <= count; seq++) {
      const [row] = await h.db.query<{ change: string }>(
        "SELECT change FROM audit_log WHERE seq = $1",
        [seq],
      );
      await tamper("UPDATE audit_log SET change = $2 WHERE seq = $1", [
        seq,
        `${row?.change.slice(0, -1)},"x":1}`,
      ]);
      expect(await check(), `entry ${seq}`).toMatchObject({
        ok: false,
        seq,
        problem: "edited",
        message: `entry ${seq} was edited: its hash does not match its contents`,
      });
      await tamper("UPDATE audit_log SET change = $2 WHERE seq = $1", [seq, row?.change]);
    }
    expect((await check()).ok).toBe(true);
  });

  it("catches an edit of any column", async () => {
    const edits: Record<string, string> = {
      at: "'2020-01-01T00:00:00Z'",
      actor: "'someone.else'",
      action: "'report.withdrawn'",
      object_type: "'account'",
      object_id: "'0000'",
      report_id: "'ffff'",
      prev_hash: "repeat('a', 64)",
      hash: "repeat('b', 64)",
    };
    const seq = 4;
    const [original] = await h.db.query<Record<string, unknown>>(
      "SELECT * FROM audit_log WHERE seq = $1",
      [seq],
    );
    for (const [column, value] of Object.entries(edits)) {
      await tamper(`UPDATE audit_log SET ${column} = ${value} WHERE seq = ${seq}`);
      expect(await check(), column).toMatchObject({ ok: false, seq, problem: "edited" });
      await tamper(`UPDATE audit_log SET ${column} = $1 WHERE seq = ${seq}`, [original?.[column]]);
    }
    expect((await check()).ok).toBe(true);
  });

  it("names a deleted entry and a reordered one", async () => {
    const all = await entries();
    const victim = all[4];
    await tamper("DELETE FROM audit_log WHERE seq = 5");
    expect(await check()).toMatchObject({
      ok: false,
      seq: 5,
      problem: "deleted",
      message: "entry 5 was deleted: entry 6 follows entry 4",
    });
    await tamper(
      "INSERT INTO audit_log (seq, at, actor, action, object_type, object_id, report_id, change, prev_hash, hash) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)",
      [
        victim?.seq,
        victim?.at,
        victim?.actor,
        victim?.action,
        victim?.objectType,
        victim?.objectId,
        victim?.reportId,
        victim?.change,
        victim?.prevHash,
        victim?.hash,
      ],
    );
    expect((await check()).ok).toBe(true);

    // Swap entries 3 and 6 by their sequence numbers.
    await tamper("UPDATE audit_log SET seq = -3 WHERE seq = 3");
    await tamper("UPDATE audit_log SET seq = 3 WHERE seq = 6");
    await tamper("UPDATE audit_log SET seq = 6 WHERE seq = -3");
    expect(await check()).toMatchObject({
      ok: false,
      seq: 3,
      problem: "reordered",
      message: "entry 3 was reordered: it holds what was entry 6",
    });
    await tamper("UPDATE audit_log SET seq = -3 WHERE seq = 3");
    await tamper("UPDATE audit_log SET seq = 3 WHERE seq = 6");
    await tamper("UPDATE audit_log SET seq = 6 WHERE seq = -3");
    expect((await check()).ok).toBe(true);
  });

  it("catches an entry rewritten with its own hash recomputed, by the next entry's link", async () => {
    const [row] = (await entries()).filter((e) => e.seq === 2);
    if (!row) throw new Error("no entry 2");
    const forged = { ...row, actor: "forger" };
    const hash = hashEntry(forged);
    await tamper("UPDATE audit_log SET actor = 'forger', hash = $2 WHERE seq = $1", [2, hash]);
    expect(await check()).toMatchObject({
      ok: false,
      seq: 2,
      problem: "edited",
      message: "entry 2 was edited and its hash recomputed: entry 3 chains to another hash",
    });
    await tamper("UPDATE audit_log SET actor = $2, hash = $3 WHERE seq = $1", [
      2,
      row.actor,
      row.hash,
    ]);
    expect((await check()).ok).toBe(true);
  });

  it("catches a cut tail only against a head recorded elsewhere", async () => {
    const all = await entries();
    const head = all.at(-1);
    if (!head) throw new Error("empty chain");
    await tamper("DELETE FROM audit_log WHERE seq = $1", [head.seq]);
    const cut = await entries();
    expect(verifyChain(cut).ok).toBe(true);
    expect(verifyChain(cut, { head: { seq: head.seq, hash: head.hash } })).toMatchObject({
      ok: false,
      seq: head.seq,
      problem: "deleted",
    });
    await h.db.transaction((tx) =>
      appendAudit(tx, { actor: "x", action: "y", object: { type: "t", id: "i" }, change: {} }),
    );
    expect(
      verifyChain(await entries(), { head: { seq: head.seq, hash: head.hash } }),
    ).toMatchObject({ ok: false, seq: head.seq, problem: "edited" });
  });

  it("writes no entry when the change's transaction rolls back", async () => {
    const before = (await entries()).length;
    await expect(
      h.db.transaction(async (tx) => {
        await appendAudit(tx, {
          actor: "x",
          action: "doomed",
          object: { type: "t", id: "i" },
          change: { a: 1 },
        });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect((await entries()).length).toBe(before);
  });

  it("is the admin's alone: others get 403, the public 401", async () => {
    const pak = await addActor(h, "pak.two", "liaison", "PAK");
    expect((await call(h, pak, "GET", "/api/verify/audit")).statusCode).toBe(403);
    expect((await call(h, pak, "GET", "/api/verify/audit/verify")).statusCode).toBe(403);
    expect((await call(h, null, "GET", "/api/verify/audit")).statusCode).toBe(401);
    const page = await call(h, admin, "GET", "/api/verify/audit?after=2&limit=3");
    expect((page.json().items as { seq: number }[]).map((e) => e.seq)).toEqual([3, 4, 5]);
  });
});
