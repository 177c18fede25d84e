/** Storing reconciliation fixtures through the real importer. */
import { randomBytes } from "node:crypto";
import type { Dataset, SourceRecord } from "../../src/domain/event.ts";
import type { ReconcileRecord } from "../../src/reconcile/index.ts";
import type { Db } from "../../src/store/db.ts";
import { importFile } from "../../src/store/importer.ts";

/** A fixture record as the importer receives it; GDELT's raw row carries URL and mentions. */
export function toSourceRecord(r: ReconcileRecord, line = 2): SourceRecord {
  const nativeId = r.key.slice(r.dataset.length + 1);
  let raw: SourceRecord["raw"] = {
    id: nativeId,
    date: r.event.dateStart,
    place: r.event.place ?? "",
  };
  if (r.dataset === "gdelt") {
    const fields = Array.from({ length: 61 }, () => "");
    fields[0] = nativeId;
    fields[31] = String(r.mentions ?? 1);
    fields[60] = r.url ?? "";
    raw = fields;
  }
  return { dataset: r.dataset, nativeId, line, raw, version: null, event: r.event };
}

/** Imports the records, one file per dataset, as `frontier import` would. */
export async function importRecords(db: Db, records: readonly ReconcileRecord[]): Promise<void> {
  const byDataset = new Map<Dataset, SourceRecord[]>();
  records.forEach((r, i) => {
    const list = byDataset.get(r.dataset) ?? [];
    list.push(toSourceRecord(r, i + 2));
    byDataset.set(r.dataset, list);
  });
  for (const [dataset, list] of byDataset) {
    async function* items() {
      for (const record of list) yield { kind: "record" as const, record, inRegion: true };
    }
    const meta = {
      dataset,
      name: `${dataset}.csv`,
      sha256: randomBytes(16).toString("hex"),
      bytes: 1,
    };
    await importFile(db, meta, items());
  }
}

/** Events as trends count them once reconciliation has run. */
export async function countedEvents(db: Db): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM events WHERE merged_into IS NULL AND NOT simulated",
  );
  return row?.n ?? 0;
}

/** Cluster event id → sorted member keys. */
export async function clustersInStore(db: Db): Promise<Map<number, string[]>> {
  const rows = await db.query<{ id: number; keys: string[] }>(
    `SELECT e.merged_into AS id, array_agg(s.dataset || ':' || s.native_id ORDER BY s.dataset, s.native_id) AS keys
     FROM events e JOIN source_records s ON s.event_id = e.id
     WHERE e.merged_into IS NOT NULL GROUP BY e.merged_into ORDER BY e.merged_into`,
  );
  return new Map(rows.map((r) => [r.id, r.keys]));
}
