/**
 * The audit log's hash chain. Each entry's hash is sha256 over the canonical JSON of its
 * sequence number, time, actor, action, object, change and the previous entry's hash, so an
 * entry edited, deleted or moved breaks the chain at that entry. Truncating the tail (or
 * rewriting the tail and every hash after it) is caught only against a head recorded
 * elsewhere: `verifyChain(entries, { head })`.
 */
import { canonicalJson, sha256Hex } from "./canonical.ts";

export const GENESIS_HASH = "0".repeat(64);

export interface AuditFields {
  seq: number;
  /** ISO 8601 with milliseconds, UTC. */
  at: string;
  actor: string;
  action: string;
  objectType: string;
  objectId: string;
  /** The report the entry belongs to, so its readers can see its history. */
  reportId: string | null;
  /** Canonical JSON of the change. */
  change: string;
  prevHash: string;
}

export interface AuditEntry extends AuditFields {
  hash: string;
}

export function hashEntry(fields: AuditFields): string {
  return sha256Hex(
    canonicalJson({
      v: 1,
      seq: fields.seq,
      at: fields.at,
      actor: fields.actor,
      action: fields.action,
      object: { type: fields.objectType, id: fields.objectId },
      report: fields.reportId,
      change: fields.change,
      prev: fields.prevHash,
    }),
  );
}

export type ChainProblem = "edited" | "deleted" | "reordered";

export type ChainCheck =
  | { ok: true; count: number; head: { seq: number; hash: string } | null }
  | { ok: false; seq: number; problem: ChainProblem; message: string };

function fail(seq: number, problem: ChainProblem, message: string): ChainCheck {
  return { ok: false, seq, problem, message };
}

/** Which sequence number the entry's contents were hashed under, when not its own. */
function originalSeq(entry: AuditEntry, maxSeq: number): number | null {
  for (let seq = 1; seq <= maxSeq; seq++) {
    if (seq !== entry.seq && hashEntry({ ...entry, seq }) === entry.hash) return seq;
  }
  return null;
}

/**
 * Walks the entries in the order the store keeps them (by `seq`) and names the first one
 * that was edited, deleted or reordered.
 */
export function verifyChain(
  entries: readonly AuditEntry[],
  options: { head?: { seq: number; hash: string } } = {},
): ChainCheck {
  const maxSeq = entries.reduce((m, e) => Math.max(m, e.seq), 0);
  let prev = GENESIS_HASH;
  let expected = 1;
  for (const entry of entries) {
    if (entry.seq !== expected) {
      return entry.seq > expected
        ? fail(
            expected,
            "deleted",
            `entry ${expected} was deleted: entry ${entry.seq} follows entry ${expected - 1}`,
          )
        : fail(
            entry.seq,
            "reordered",
            `entry ${entry.seq} appears again after entry ${expected - 1}`,
          );
    }
    if (hashEntry(entry) !== entry.hash) {
      const was = originalSeq(entry, maxSeq);
      return was === null
        ? fail(
            entry.seq,
            "edited",
            `entry ${entry.seq} was edited: its hash does not match its contents`,
          )
        : fail(
            entry.seq,
            "reordered",
            `entry ${entry.seq} was reordered: it holds what was entry ${was}`,
          );
    }
    if (entry.prevHash !== prev) {
      const before = entry.seq - 1;
      return fail(
        before,
        "edited",
        `entry ${before} was edited and its hash recomputed: entry ${entry.seq} chains to another hash`,
      );
    }
    prev = entry.hash;
    expected++;
  }
  const last = entries.at(-1);
  const head = last ? { seq: last.seq, hash: last.hash } : null;
  const known = options.head;
  if (known) {
    const at = entries.find((e) => e.seq === known.seq);
    if (at === undefined) {
      return fail(
        known.seq,
        "deleted",
        `entry ${known.seq} and the ones after it were deleted: the chain ends at entry ${head?.seq ?? 0}`,
      );
    }
    if (at.hash !== known.hash) {
      return fail(
        known.seq,
        "edited",
        `entry ${known.seq} is not the recorded head: the chain up to it was rewritten`,
      );
    }
  }
  return { ok: true, count: entries.length, head };
}
