import { describe, expect, it } from "vitest";
import { type AuditEntry, GENESIS_HASH, hashEntry, verifyChain } from "./chain.ts";

function chain(n: number): AuditEntry[] {
  const out: AuditEntry[] = [];
  for (let seq = 1; seq <= n; seq++) {
    const fields = {
      seq,
      at: `2026-03-0${seq}T00:00:00.000Z`,
      actor: "med.one",
      action: "report.acknowledged",
      objectType: "report",
      objectId: `r${seq}`,
      reportId: `r${seq}`,
      change: `{"n":${seq}}`,
      prevHash: out.at(-1)?.hash ?? GENESIS_HASH,
    };
    out.push({ ...fields, hash: hashEntry(fields) });
  }
  return out;
}

describe("verifyChain()", () => {
  it("accepts an intact chain and gives its head", () => {
    const entries = chain(5);
    expect(verifyChain(entries)).toEqual({
      ok: true,
      count: 5,
      head: { seq: 5, hash: entries[4]?.hash },
    });
    expect(verifyChain([])).toEqual({ ok: true, count: 0, head: null });
  });

  it("names the first edited, deleted and reordered entry", () => {
    const edited = chain(5).map((e) => (e.seq === 3 ? { ...e, actor: "x" } : e));
    expect(verifyChain(edited)).toMatchObject({ ok: false, seq: 3, problem: "edited" });
    const deleted = chain(5).filter((e) => e.seq !== 2);
    expect(verifyChain(deleted)).toMatchObject({ ok: false, seq: 2, problem: "deleted" });
    const first = chain(5).filter((e) => e.seq !== 1);
    expect(verifyChain(first)).toMatchObject({ ok: false, seq: 1, problem: "deleted" });
    const swapped = chain(5).map((e) =>
      e.seq === 2 ? { ...e, seq: 4 } : e.seq === 4 ? { ...e, seq: 2 } : e,
    );
    swapped.sort((a, b) => a.seq - b.seq);
    expect(verifyChain(swapped)).toMatchObject({
      ok: false,
      seq: 2,
      problem: "reordered",
      message: "entry 2 was reordered: it holds what was entry 4",
    });
  });

  it("catches a rewritten tail only against a recorded head", () => {
    const entries = chain(4);
    const head = { seq: 4, hash: entries[3]?.hash ?? "" };
    const forged = chain(3);
    const fields = {
      ...entries[3],
      seq: 4,
      actor: "forger",
      prevHash: forged[2]?.hash ?? "",
    } as AuditEntry;
    forged.push({ ...fields, hash: hashEntry(fields) });
    expect(verifyChain(forged).ok).toBe(true);
    expect(verifyChain(forged, { head })).toMatchObject({ ok: false, seq: 4, problem: "edited" });
    expect(verifyChain(chain(3), { head })).toMatchObject({
      ok: false,
      seq: 4,
      problem: "deleted",
    });
  });
});
