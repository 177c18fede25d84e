/**
 * Reconciliation in the store (docs/reconcile.md, "In the store"): load the records that are new
 * or changed with every record they could link to, cluster them with src/reconcile, and write
 * the clusters as cluster events (`merged_into` on the members). Incremental: only the linked
 * components that hold a new or changed record are recomputed, and the result is the one a
 * full run gives. Analysts' merges and splits are decisions replayed on every run, each with an
 * audit row.
 */
import { AppError } from "../domain/errors.ts";
import {
  type ActorParents,
  assignClusterIds,
  type Cluster,
  type Decision,
  dayNumber,
  familyOf,
  linkedComponents,
  type MatchRules,
  mergeRanges,
  type ReconcileRecord,
  reconcile,
  recordKey,
  withRules,
} from "../reconcile/index.ts";
import type { Db, Sql } from "./db.ts";
import { insertEvents, rowToEvent, type StoredEventColumns, updateEvents } from "./event-rows.ts";

export interface ReconcileStoreOptions {
  actorParents: ActorParents;
  rules?: Partial<MatchRules>;
  /** Only new or changed records whose events end on or after this day (YYYY-MM-DD). */
  since?: string;
  /** Reconsider every record, not only new or changed ones (a re-run changes nothing). */
  isFull?: boolean;
}

/** A cluster event as a run reports it. */
export interface ClusterChange {
  eventId: number;
  keys: string[];
  sources: Record<string, number>;
  date: string;
  place: string | null;
  fatalities: { best: number | null; low: number | null; high: number | null };
  confidence: number;
  minScore: number;
  /** GDELT reports collapsed into it. */
  reports: number;
}

export interface ReconcileReport {
  /** Records new or changed since the last run (or all, for a full run). */
  dirty: number;
  /** Records of the components recomputed. */
  records: number;
  created: ClusterChange[];
  /** Cluster events kept whose members changed. */
  changed: ClusterChange[];
  /** Cluster events deleted: their records stand alone or joined another event. */
  dissolved: number[];
  candidatePairs: number;
  links: number;
}

interface RecordRow extends StoredEventColumns {
  dataset: string;
  native_id: string;
  event_id: number;
  merged_into: number | null;
  simulated: boolean;
  is_dirty: boolean;
  url: string | null;
  mentions: string | null;
}

// Record events with their source record. GDELT rows are stored as field arrays: rows of 61
// (2.0) and 58 fields end in SOURCEURL; NumMentions is field 31 in every layout.
const RECORD_SELECT = `
  SELECT s.dataset, s.native_id, e.id AS event_id, e.merged_into, e.simulated,
    (e.reconciled_at IS DISTINCT FROM e.updated_at) AS is_dirty,
    e.date_start, e.date_end, e.date_precision, e.place, e.admin1, e.admin2, e.country_iso3,
    e.lat, e.lon, e.geo_precision, e.category, e.mode, e.subtype, e.source_code,
    e.fatalities_best, e.fatalities_low, e.fatalities_high, e.cross_border,
    e.cross_border_direction, e.confidence, e.summary,
    coalesce((SELECT json_agg(json_build_object('name', a.name, 'role', a.role, 'actorId', a.actor_id)
                ORDER BY a.position)
              FROM event_actors a WHERE a.event_id = e.id), '[]'::json) AS actors,
    CASE WHEN s.dataset = 'gdelt' AND jsonb_typeof(s.raw) = 'array'
      AND jsonb_array_length(s.raw) IN (58, 61)
      THEN s.raw ->> (jsonb_array_length(s.raw) - 1) END AS url,
    CASE WHEN s.dataset = 'gdelt' AND jsonb_typeof(s.raw) = 'array' THEN s.raw ->> 31 END AS mentions
  FROM source_records s JOIN events e ON e.id = s.event_id`;

function toRecord(row: RecordRow): ReconcileRecord {
  const event = rowToEvent(row);
  const mentions = Number(row.mentions ?? "");
  return {
    key: recordKey(row.dataset, row.native_id),
    dataset: row.dataset as ReconcileRecord["dataset"],
    family: familyOf(row.dataset, row.native_id),
    event,
    url: row.url === "" ? null : row.url,
    mentions: row.mentions !== null && Number.isFinite(mentions) ? mentions : null,
    simulated: row.simulated,
  };
}

/** The records loaded so far, and which date windows of which country are loaded. */
class Loaded {
  readonly rows = new Map<string, RecordRow>();
  readonly records = new Map<string, ReconcileRecord>();
  private readonly windows = new Map<string, [number, number][]>();
  add(rows: readonly RecordRow[]): void {
    for (const row of rows) {
      const key = recordKey(row.dataset, row.native_id);
      if (this.rows.has(key)) continue;
      this.rows.set(key, row);
      this.records.set(key, toRecord(row));
    }
  }
  isCovered(country: string, from: number, to: number): boolean {
    return (this.windows.get(country) ?? []).some(([f, t]) => f <= from && to <= t);
  }
  cover(country: string, from: number, to: number): void {
    const list = this.windows.get(country) ?? [];
    list.push([from, to]);
    this.windows.set(country, list);
  }
}

function isoDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** Loads every record within the date windows of `keys` not loaded yet; false if none needed. */
async function loadWindows(
  tx: Sql,
  loaded: Loaded,
  keys: Iterable<string>,
  rules: MatchRules,
): Promise<boolean> {
  const wanted = new Map<string, [number, number][]>();
  for (const key of keys) {
    const e = loaded.records.get(key)?.event;
    if (e === undefined || e.countryIso3 === null) continue;
    const from = dayNumber(e.dateStart) - rules.maxGapDays;
    const to = dayNumber(e.dateEnd) + rules.maxGapDays;
    if (to - from > rules.maxSpanDays + 2 * rules.maxGapDays) continue; // never matched
    if (loaded.isCovered(e.countryIso3, from, to)) continue;
    const list = wanted.get(e.countryIso3) ?? [];
    list.push([from, to]);
    wanted.set(e.countryIso3, list);
  }
  const countries: string[] = [];
  const froms: string[] = [];
  const tos: string[] = [];
  for (const [country, list] of wanted) {
    for (const [from, to] of mergeRanges(list)) {
      countries.push(country);
      froms.push(isoDay(from));
      tos.push(isoDay(to));
      loaded.cover(country, from, to);
    }
  }
  if (countries.length === 0) return false;
  loaded.add(
    await tx.query<RecordRow>(
      `${RECORD_SELECT}
       JOIN unnest($1::text[], $2::date[], $3::date[]) AS w(country, d_from, d_to)
         ON e.country_iso3 = w.country AND e.date_end >= w.d_from AND e.date_start <= w.d_to`,
      [countries, froms, tos],
    ),
  );
  return true;
}

/** Loads the other members of the clusters of loaded records, and the records decisions name. */
async function loadPartners(tx: Sql, loaded: Loaded, decisions: readonly Decision[]) {
  const clusterIds = new Set<number>();
  for (const row of loaded.rows.values())
    if (row.merged_into !== null) clusterIds.add(row.merged_into);
  const keys = new Set<string>();
  for (const d of decisions) {
    const all = d.kind === "split" ? [...d.keys, ...d.apart] : [...d.keys];
    if (all.some((k) => loaded.rows.has(k))) for (const k of all) keys.add(k);
  }
  const missing = [...keys].filter((k) => !loaded.rows.has(k));
  const before = loaded.rows.size;
  if (clusterIds.size > 0) {
    loaded.add(
      await tx.query<RecordRow>(`${RECORD_SELECT} WHERE e.merged_into = ANY($1::int8[])`, [
        [...clusterIds],
      ]),
    );
  }
  if (missing.length > 0) {
    const split = missing.map((k) => [k.slice(0, k.indexOf(":")), k.slice(k.indexOf(":") + 1)]);
    loaded.add(
      await tx.query<RecordRow>(
        `${RECORD_SELECT}
         JOIN unnest($1::text[], $2::text[]) AS k(dataset, native_id)
           ON s.dataset = k.dataset AND s.native_id = k.native_id`,
        [split.map(([d]) => d), split.map(([, n]) => n)],
      ),
    );
  }
  return loaded.rows.size > before;
}

/**
 * The records of every linked component that holds a dirty record or a member of a cluster
 * such a component touches, loaded until no window or partner is missing.
 */
async function loadAffected(
  tx: Sql,
  loaded: Loaded,
  dirty: ReadonlySet<string>,
  context: { decisions: readonly Decision[]; rules: MatchRules; actorParents: ActorParents },
): Promise<Set<string>> {
  let windowed = new Set<string>();
  for (let round = 0; ; round++) {
    if (round > 1000) throw new AppError("INTERNAL", "reconciliation did not converge");
    const components = linkedComponents([...loaded.records.values()], context);
    const affected = affectedKeys(components, loaded, dirty);
    const todo = [...affected].filter((k) => !windowed.has(k));
    const grew = await loadWindows(tx, loaded, todo, context.rules);
    windowed = new Set([...windowed, ...todo]);
    const grewPartners = await loadPartners(tx, loaded, context.decisions);
    if (!grew && !grewPartners && todo.length === 0) return affected;
  }
}

function affectedKeys(
  components: readonly string[][],
  loaded: Loaded,
  dirty: ReadonlySet<string>,
): Set<string> {
  const clusterOf = (k: string) => loaded.rows.get(k)?.merged_into ?? null;
  const touched = new Set<number>();
  const affected = new Set<string>();
  let changed = true;
  while (changed) {
    changed = false;
    for (const component of components) {
      if (affected.has(component[0] ?? "")) continue;
      const hit = component.some((k) => dirty.has(k) || touched.has(clusterOf(k) ?? -1));
      if (!hit) continue;
      changed = true;
      for (const k of component) {
        affected.add(k);
        const c = clusterOf(k);
        if (c !== null) touched.add(c);
      }
    }
  }
  return affected;
}

async function loadDecisions(tx: Sql): Promise<Decision[]> {
  const rows = await tx.query<{
    id: number;
    kind: "merge" | "split";
    record_keys: string[];
    apart_keys: string[];
  }>("SELECT id, kind, record_keys, apart_keys FROM reconcile_decisions ORDER BY id");
  return rows.map((r) =>
    r.kind === "merge"
      ? { id: r.id, kind: "merge", keys: r.record_keys }
      : { id: r.id, kind: "split", keys: r.record_keys, apart: r.apart_keys },
  );
}

/**
 * Members of cluster events that lost a member (its record was deleted) are reconsidered; a
 * cluster event with no member left is deleted. Returns the deleted ids.
 */
async function releaseStaleClusters(tx: Sql): Promise<number[]> {
  await tx.query(
    `UPDATE events SET reconciled_at = NULL
     WHERE merged_into IN (
       SELECT c.event_id FROM event_clusters c
       WHERE c.members <> (SELECT count(*) FROM events m WHERE m.merged_into = c.event_id))`,
  );
  const gone = await tx.query<{ id: number }>(
    `DELETE FROM events e USING event_clusters c
     WHERE c.event_id = e.id AND NOT EXISTS (SELECT 1 FROM events m WHERE m.merged_into = e.id)
     RETURNING e.id`,
  );
  return gone.map((g) => g.id);
}

function changeOf(eventId: number, c: Cluster): ClusterChange {
  return {
    eventId,
    keys: c.keys,
    sources: c.sources,
    date: c.event.dateStart,
    place: c.event.place,
    fatalities: c.fatalities,
    confidence: c.event.confidence,
    minScore: Math.round(c.minScore * 1000) / 1000,
    reports: c.reports,
  };
}

async function writeClusterRows(tx: Sql, rows: { id: number; c: Cluster }[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.query(
    `INSERT INTO event_clusters
       (event_id, members, record_keys, sources, reports, urls, mentions, min_score, updated_at)
     SELECT u.id, u.members, string_to_array(u.keys, ' '), u.sources::jsonb, u.reports, u.urls,
       u.mentions, u.min_score, now()
     FROM unnest($1::int8[], $2::int4[], $3::text[], $4::text[], $5::int4[], $6::int4[],
       $7::int4[], $8::float4[]) AS u(id, members, keys, sources, reports, urls, mentions, min_score)
     ON CONFLICT (event_id) DO UPDATE SET members = excluded.members,
       record_keys = excluded.record_keys, sources = excluded.sources,
       reports = excluded.reports, urls = excluded.urls, mentions = excluded.mentions,
       min_score = excluded.min_score, updated_at = now()`,
    [
      rows.map((r) => r.id),
      rows.map((r) => r.c.keys.length),
      rows.map((r) => r.c.keys.join(" ")),
      rows.map((r) => JSON.stringify(r.c.sources)),
      rows.map((r) => r.c.reports),
      rows.map((r) => r.c.urls),
      rows.map((r) => Math.min(r.c.mentions, 2_000_000_000)),
      rows.map((r) => r.c.minScore),
    ],
  );
}

/** Inserts cluster events, simulated and real apart (insertEvents marks a whole batch). */
async function insertClusterEvents(tx: Sql, clusters: readonly Cluster[], loaded: Loaded) {
  const isSimulated = (c: Cluster) => loaded.rows.get(c.keys[0] ?? "")?.simulated === true;
  const ids = new Map<Cluster, number>();
  for (const simulated of [false, true]) {
    const batch = clusters.filter((c) => isSimulated(c) === simulated);
    const newIds = await insertEvents(
      tx,
      batch.map((c) => c.event),
      { simulated },
    );
    batch.forEach((c, i) => {
      ids.set(c, newIds[i] ?? 0);
    });
  }
  return ids;
}

/** Writes the clusters of the affected records; returns what changed. */
async function writeClusters(
  tx: Sql,
  clusters: readonly Cluster[],
  loaded: Loaded,
  affected: ReadonlySet<string>,
) {
  const oldOf = (k: string) => loaded.rows.get(k)?.merged_into ?? null;
  const multi = clusters.filter((c) => c.keys.length >= 2);
  const ids = assignClusterIds(multi, oldOf);
  const taken = new Set([...ids.values()].flatMap((id) => (id === null ? [] : [id])));
  const oldIds = new Set([...affected].flatMap((k) => (oldOf(k) === null ? [] : [oldOf(k) ?? 0])));
  const dissolved = [...oldIds].filter((id) => !taken.has(id)).sort((a, b) => a - b);
  await tx.query("DELETE FROM events WHERE id = ANY($1::int8[])", [dissolved]);
  const kept = multi.filter((c) => ids.get(c) !== null);
  await updateEvents(
    tx,
    kept.map((c) => ids.get(c) ?? 0),
    kept.map((c) => c.event),
  );
  const createdIds = await insertClusterEvents(
    tx,
    multi.filter((c) => ids.get(c) === null),
    loaded,
  );
  const idOf = (c: Cluster) => ids.get(c) ?? createdIds.get(c) ?? 0;
  await writeClusterRows(
    tx,
    multi.map((c) => ({ id: idOf(c), c })),
  );
  await pointMembers(tx, clusters, loaded, idOf);
  const created = [...createdIds].map(([c, id]) => changeOf(id, c));
  const oldSize = new Map<number, number>();
  for (const row of loaded.rows.values()) {
    if (row.merged_into !== null)
      oldSize.set(row.merged_into, (oldSize.get(row.merged_into) ?? 0) + 1);
  }
  const changed = kept
    .filter((c) => {
      const id = ids.get(c) ?? 0;
      return c.keys.some((k) => oldOf(k) !== id) || oldSize.get(id) !== c.keys.length;
    })
    .map((c) => changeOf(idOf(c), c));
  return { created, changed, dissolved };
}

/** Sets `merged_into` on the affected record events and marks them reconciled. */
async function pointMembers(
  tx: Sql,
  clusters: readonly Cluster[],
  loaded: Loaded,
  idOf: (c: Cluster) => number,
) {
  const eventIds: number[] = [];
  const into: (number | null)[] = [];
  for (const c of clusters) {
    for (const k of c.keys) {
      const row = loaded.rows.get(k);
      if (row === undefined) continue;
      eventIds.push(row.event_id);
      into.push(c.keys.length >= 2 ? idOf(c) : null);
    }
  }
  await tx.query(
    `UPDATE events AS e SET merged_into = u.m, reconciled_at = e.updated_at
     FROM unnest($1::int8[], $2::int8[]) AS u(id, m) WHERE e.id = u.id`,
    [eventIds, into],
  );
}

/** One reconciliation run inside the caller's transaction. */
export async function runReconcile(
  tx: Sql,
  options: ReconcileStoreOptions,
): Promise<ReconcileReport> {
  await tx.query("SELECT pg_advisory_xact_lock(hashtext('frontier-reconcile'))");
  const released = await releaseStaleClusters(tx);
  const rules = withRules(options.rules);
  const decisions = await loadDecisions(tx);
  const loaded = new Loaded();
  const where = options.isFull
    ? "WHERE ($1::date IS NULL OR e.date_end >= $1::date)"
    : `WHERE e.reconciled_at IS DISTINCT FROM e.updated_at
         AND ($1::date IS NULL OR e.date_end >= $1::date)`;
  loaded.add(await tx.query<RecordRow>(`${RECORD_SELECT} ${where}`, [options.since ?? null]));
  const dirty = new Set(loaded.rows.keys());
  const empty = { created: [], changed: [], dissolved: released, candidatePairs: 0, links: 0 };
  if (dirty.size === 0) return { dirty: 0, records: 0, ...empty };
  const context = { decisions, rules, actorParents: options.actorParents };
  const affected =
    options.isFull && options.since === undefined
      ? dirty
      : await loadAffected(tx, loaded, dirty, context);
  const records = [...affected].flatMap((k) => {
    const r = loaded.records.get(k);
    return r === undefined ? [] : [r];
  });
  const result = reconcile(records, { ...context, rules: options.rules });
  const written = await writeClusters(tx, result.clusters, loaded, affected);
  return {
    dirty: dirty.size,
    records: records.length,
    created: written.created,
    changed: written.changed,
    dissolved: [...released, ...written.dissolved],
    candidatePairs: result.stats.candidatePairs,
    links: result.stats.links,
  };
}

/** Reconciles new and changed records (all of them with `isFull`) in one transaction. */
export function reconcileStore(db: Db, options: ReconcileStoreOptions): Promise<ReconcileReport> {
  return db.transaction((tx) => runReconcile(tx, options));
}

/** An analyst's merge or split, as the CLI or API gives it. */
export type DecisionInput =
  /** These events (cluster or record events) are one event. */
  | { kind: "merge"; eventIds: number[]; author: string; reason: string }
  /** These records of the cluster event leave it, as one event of their own. */
  | { kind: "split"; eventId: number; keys: string[]; author: string; reason: string };

export interface DecisionResult {
  decisionId: number;
  eventsBefore: number[];
  eventsAfter: number[];
  report: ReconcileReport;
}

/** The record keys behind an event: a cluster event's members, or a record event's own. */
async function keysOfEvent(tx: Sql, eventId: number): Promise<string[]> {
  const rows = await tx.query<{ dataset: string; native_id: string }>(
    `SELECT s.dataset, s.native_id FROM source_records s JOIN events e ON e.id = s.event_id
     WHERE e.id = $1 OR e.merged_into = $1 ORDER BY s.dataset, s.native_id`,
    [eventId],
  );
  if (rows.length === 0) throw new AppError("NOT_FOUND", `event ${eventId} has no source records`);
  return rows.map((r) => recordKey(r.dataset, r.native_id));
}

/** The events (cluster events or unmerged record events) that now hold these keys. */
async function eventsOfKeys(tx: Sql, keys: readonly string[]): Promise<number[]> {
  const split = keys.map((k) => [k.slice(0, k.indexOf(":")), k.slice(k.indexOf(":") + 1)]);
  const rows = await tx.query<{ id: number }>(
    `SELECT DISTINCT coalesce(e.merged_into, e.id) AS id
     FROM unnest($1::text[], $2::text[]) AS k(dataset, native_id)
     JOIN source_records s ON s.dataset = k.dataset AND s.native_id = k.native_id
     JOIN events e ON e.id = s.event_id ORDER BY 1`,
    [split.map(([d]) => d), split.map(([, n]) => n)],
  );
  return rows.map((r) => r.id);
}

async function decisionKeys(
  tx: Sql,
  input: DecisionInput,
): Promise<{ keys: string[]; apart: string[]; before: number[] }> {
  if (input.kind === "merge") {
    const before = [...new Set(input.eventIds)].sort((a, b) => a - b);
    if (before.length < 2) throw new AppError("INVALID_INPUT", "a merge needs two or more events");
    const keys = (await Promise.all(before.map((id) => keysOfEvent(tx, id)))).flat();
    return { keys: [...new Set(keys)].sort(), apart: [], before };
  }
  const members = await keysOfEvent(tx, input.eventId);
  const keys = [...new Set(input.keys)].sort();
  const unknown = keys.filter((k) => !members.includes(k));
  if (unknown.length > 0) {
    throw new AppError(
      "INVALID_INPUT",
      `event ${input.eventId} has no record ${unknown.join(", ")}`,
    );
  }
  const apart = members.filter((k) => !keys.includes(k));
  if (keys.length === 0 || apart.length === 0) {
    throw new AppError(
      "INVALID_INPUT",
      `a split moves some, not all, of event ${input.eventId}'s ${members.length} records`,
    );
  }
  return { keys, apart, before: [input.eventId] };
}

/**
 * Stores an analyst's merge or split, re-runs reconciliation over the records concerned and
 * writes the audit row, all in one transaction.
 */
export function recordDecision(
  db: Db,
  input: DecisionInput,
  options: ReconcileStoreOptions,
): Promise<DecisionResult> {
  const author = input.author.trim();
  const reason = input.reason.trim();
  if (author === "") throw new AppError("INVALID_INPUT", "--author must not be empty");
  if (reason === "") throw new AppError("INVALID_INPUT", "--reason must not be empty");
  return db.transaction(async (tx) => {
    const { keys, apart, before } = await decisionKeys(tx, input);
    const [decision] = await tx.query<{ id: number }>(
      `INSERT INTO reconcile_decisions (kind, record_keys, apart_keys, author, reason)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [input.kind, keys, apart, author, reason],
    );
    if (decision === undefined) throw new AppError("INTERNAL", "decision insert returned no id");
    const all = [...keys, ...apart];
    await tx.query(
      `UPDATE events e SET reconciled_at = NULL FROM source_records s
       WHERE s.event_id = e.id AND s.dataset || ':' || s.native_id = ANY($1::text[])`,
      [all],
    );
    const report = await runReconcile(tx, { ...options, since: undefined, isFull: false });
    const after = await eventsOfKeys(tx, all);
    await tx.query(
      `INSERT INTO reconcile_audit (decision_id, action, author, reason, events_before, events_after)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [decision.id, input.kind, author, reason, before, after],
    );
    return { decisionId: decision.id, eventsBefore: before, eventsAfter: after, report };
  });
}

export interface AuditEntry {
  id: number;
  decisionId: number;
  action: "merge" | "split";
  author: string;
  reason: string;
  eventsBefore: number[];
  eventsAfter: number[];
  recordKeys: string[];
  apartKeys: string[];
  createdAt: string;
}

/** The analysts' changes, newest first. */
export async function listReconcileAudit(db: Sql, limit = 50): Promise<AuditEntry[]> {
  const rows = await db.query<{
    id: number;
    decision_id: number;
    action: "merge" | "split";
    author: string;
    reason: string;
    events_before: number[];
    events_after: number[];
    record_keys: string[];
    apart_keys: string[];
    created_at: string;
  }>(
    `SELECT a.id, a.decision_id, a.action, a.author, a.reason, a.events_before, a.events_after,
       d.record_keys, d.apart_keys, a.created_at
     FROM reconcile_audit a JOIN reconcile_decisions d ON d.id = a.decision_id
     ORDER BY a.id DESC LIMIT $1`,
    [limit],
  );
  return rows.map((r) => ({
    id: r.id,
    decisionId: r.decision_id,
    action: r.action,
    author: r.author,
    reason: r.reason,
    eventsBefore: r.events_before.map(Number),
    eventsAfter: r.events_after.map(Number),
    recordKeys: r.record_keys,
    apartKeys: r.apart_keys,
    createdAt: r.created_at,
  }));
}

export interface EventSource {
  dataset: string;
  nativeId: string;
  recordEventId: number;
  date: string;
  place: string | null;
  fatalitiesBest: number | null;
}

/** The source records behind an event as counted (a cluster event's members, or its own). */
export async function loadEventSources(db: Sql, eventId: number): Promise<EventSource[]> {
  const rows = await db.query<{
    dataset: string;
    native_id: string;
    record_event_id: number;
    date_start: string;
    place: string | null;
    fatalities_best: number | null;
  }>(
    `SELECT v.dataset, v.native_id, v.record_event_id, e.date_start, e.place, e.fatalities_best
     FROM event_sources v JOIN events e ON e.id = v.record_event_id
     WHERE v.event_id = $1 ORDER BY v.dataset, v.native_id`,
    [eventId],
  );
  return rows.map((r) => ({
    dataset: r.dataset,
    nativeId: r.native_id,
    recordEventId: r.record_event_id,
    date: r.date_start,
    place: r.place,
    fatalitiesBest: r.fatalities_best,
  }));
}

export interface SourceTotals {
  /** Source records per dataset. */
  records: Record<string, number>;
  /** Events as counted (cluster events and unmerged record events), real only. */
  events: number;
  clusters: number;
}

/** Per-source record counts beside the reconciled event count. */
export async function reconcileTotals(db: Sql): Promise<SourceTotals> {
  const perSource = await db.query<{ dataset: string; n: number }>(
    "SELECT dataset, count(*)::int AS n FROM source_records GROUP BY dataset ORDER BY dataset",
  );
  const [counts] = await db.query<{ events: number; clusters: number }>(
    `SELECT count(*) FILTER (WHERE merged_into IS NULL AND NOT simulated)::int AS events,
       (SELECT count(*)::int FROM event_clusters) AS clusters
     FROM events`,
  );
  return {
    records: Object.fromEntries(perSource.map((r) => [r.dataset, r.n])),
    events: counts?.events ?? 0,
    clusters: counts?.clusters ?? 0,
  };
}
