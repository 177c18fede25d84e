/** Building reconciliation's inputs: record keys, source families, the actor hierarchy. */
import type { SourceRecord } from "../domain/event.ts";
import type { Profile } from "../domain/profile/index.ts";
import type { ActorParents } from "./prepare.ts";
import type { ReconcileRecord } from "./types.ts";

/** `<dataset>:<native id>`, the key decisions and labels use. */
export function recordKey(dataset: string, nativeId: string): string {
  return `${dataset}:${nativeId}`;
}

/**
 * The source family of a record: its dataset, except mapped CSV tables, whose native ids are
 * `<mapping>:<key>` (ingest/csv-items.ts) and whose family is the mapping ("pbc-drone-attacks").
 */
export function familyOf(dataset: string, nativeId: string): string {
  if (dataset !== "csv") return dataset;
  const colon = nativeId.indexOf(":");
  return colon > 0 ? nativeId.slice(0, colon) : dataset;
}

/** A SourceRecord as reconciliation's input; GDELT's URL and mentions read from its raw row. */
export function fromSourceRecord(record: SourceRecord, simulated = false): ReconcileRecord {
  const raw = record.raw;
  const isGdelt = record.dataset === "gdelt" && Array.isArray(raw);
  // GDELT 2.0 and 1.0 rows of 58 fields end in SOURCEURL; NumMentions is field 31 in both.
  const url = isGdelt && (raw.length === 61 || raw.length === 58) ? (raw.at(-1) ?? null) : null;
  const mentions = isGdelt ? Number(raw[31] ?? "") : Number.NaN;
  return {
    key: recordKey(record.dataset, record.nativeId),
    dataset: record.dataset,
    family: familyOf(record.dataset, record.nativeId),
    event: record.event,
    url: url === "" ? null : url,
    mentions: Number.isFinite(mentions) ? mentions : null,
    simulated,
  };
}

/**
 * The profile's actor hierarchy: each actor id → its parent. A state's government and forces
 * without a parent hang from one root, `state:<ISO3>` of the country they are based in: UCDP
 * names the state ("Government of United States of America"), PBC its forces ("Military Forces
 * of the United States"), and both are one side.
 */
export function actorParentsOf(profile: Profile): ActorParents {
  const isState = (type: string) => type === "government" || type === "state_force";
  const parents = new Map<string, string | null>();
  for (const a of profile.actors) {
    const root = isState(a.type) && a.basedIn ? `state:${a.basedIn}` : null;
    parents.set(a.id, a.parent ?? root);
  }
  return parents;
}
