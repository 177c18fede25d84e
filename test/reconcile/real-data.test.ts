/**
 * The matcher on real data: the labelled pair set (docs/reconcile.md, "Evaluation") and the
 * incremental store run against one pure run over the same records.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  actorParentsOf,
  clusterIndex,
  pairwiseScores,
  type ReconcileRecord,
  reconcile,
} from "../../src/reconcile/index.ts";
import type { Db } from "../../src/store/db.ts";
import { reconcileStore } from "../../src/store/reconcile-queries.ts";
import { openTestDb } from "../helpers/store.ts";
import { loadProfile, readLabels, readRealTables } from "./real-data.ts";
import { clustersInStore, importRecords } from "./support.ts";

const STORE = process.env.DATABASE_URL ? "PostgreSQL" : "PGlite";

describe("reconciliation of UCDP, Pakistan Body Count and ACLED", () => {
  let records: ReconcileRecord[];
  let parents: ReturnType<typeof actorParentsOf>;
  beforeAll(async () => {
    const profile = await loadProfile();
    parents = actorParentsOf(profile);
    const t = await readRealTables(profile);
    records = [...t.ucdp, ...t.drone, ...t.suicide, ...t.acled];
  });

  it("reaches pairwise F1 ≥ 0.90 on the labelled pairs, every key found", async () => {
    const labels = await readLabels();
    expect(labels.length).toBeGreaterThanOrEqual(300);
    const index = clusterIndex(reconcile(records, { actorParents: parents }).clusters);
    const all = pairwiseScores(labels, index);
    expect(all.missing).toBe(0);
    expect(all.f1).toBeGreaterThanOrEqual(0.9);
    const heldOut = pairwiseScores(
      labels.filter((l) => l.split === "test"),
      index,
    );
    expect(heldOut.f1).toBeGreaterThanOrEqual(0.88);
  });

  describe(`in the store (${STORE})`, () => {
    let db: Db;
    beforeAll(async () => {
      db = await openTestDb();
    });
    afterAll(async () => {
      await db.close();
    });

    it("reaches by two incremental runs the clusters of one pure run", async () => {
      // Half a year of 2010: dense drone strikes and suicide attacks, ~700 records.
      const slice = records.filter(
        (r) => r.event.dateStart >= "2010-01-01" && r.event.dateStart < "2010-07-01",
      );
      const expected = reconcile(slice, { actorParents: parents })
        .clusters.filter((c) => c.keys.length > 1)
        .map((c) => c.keys);
      await importRecords(
        db,
        slice.filter((_, i) => i % 2 === 0),
      );
      await reconcileStore(db, { actorParents: parents });
      await importRecords(
        db,
        slice.filter((_, i) => i % 2 === 1),
      );
      const second = await reconcileStore(db, { actorParents: parents });
      expect(second.records).toBeLessThan(slice.length);
      const sortKeys = (list: string[][]) => list.map((k) => k.join(" ")).sort();
      expect(sortKeys([...(await clustersInStore(db)).values()])).toEqual(sortKeys(expected));
      const full = await reconcileStore(db, { actorParents: parents, isFull: true });
      expect(full).toMatchObject({ created: [], changed: [], dissolved: [] });
    });
  });
});
