-- Reconciliation (issue 9): source records clustered into shared events. Runs on PGlite and
-- PostgreSQL 15, like 001.
--
-- Import keeps writing one event per source record (its "record event", with the record's own
-- fields). Reconciliation adds, for each cluster of two or more records, one "cluster event"
-- built from them, and points the members at it with `merged_into`. Counting events means
-- counting `WHERE merged_into IS NULL` (cluster events and unmerged record events); counting by
-- source means counting record events, merged or not, through source_records.

-- The cluster event a record event was merged into; NULL for cluster events and for records
-- that stand alone. Deleting a cluster event frees its members.
ALTER TABLE events ADD COLUMN merged_into bigint REFERENCES events (id) ON DELETE SET NULL;
-- The `updated_at` a record event had when reconciliation last looked at it: a record event is
-- new or changed (to be reconciled) while the two differ.
ALTER TABLE events ADD COLUMN reconciled_at timestamptz;
CREATE INDEX events_merged_into_idx ON events (merged_into) WHERE merged_into IS NOT NULL;
CREATE INDEX events_unreconciled_idx ON events (id) WHERE reconciled_at IS NULL;

-- One row per cluster event: its provenance.
CREATE TABLE event_clusters (
  event_id bigint PRIMARY KEY REFERENCES events (id) ON DELETE CASCADE,
  -- Member count when written: a smaller live count means a member was deleted since.
  members integer NOT NULL CHECK (members >= 2),
  -- Record keys (`<dataset>:<native id>`), sorted.
  record_keys text[] NOT NULL,
  -- Records per source family, e.g. {"ucdp": 1, "pbc-drone-attacks": 1, "gdelt": 12}.
  sources jsonb NOT NULL,
  -- GDELT: reports collapsed, their distinct URLs and the mentions GDELT counted.
  reports integer NOT NULL DEFAULT 0,
  urls integer NOT NULL DEFAULT 0,
  mentions integer NOT NULL DEFAULT 0,
  -- The weakest link that built the cluster (1 for an analyst's merge).
  min_score real NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Analysts' merges and splits, replayed by every run. Append-only: a later decision on the same
-- records wins.
CREATE TABLE reconcile_decisions (
  id bigserial PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('merge', 'split')),
  -- merge: these records are one event; split: these records are one event apart from
  -- `apart_keys`.
  record_keys text[] NOT NULL,
  apart_keys text[] NOT NULL DEFAULT '{}',
  author text NOT NULL,
  reason text NOT NULL CHECK (reason <> ''),
  created_at timestamptz NOT NULL DEFAULT now()
);

-- One row per analyst change: who, when, why, and the events before and after.
CREATE TABLE reconcile_audit (
  id bigserial PRIMARY KEY,
  decision_id bigint NOT NULL REFERENCES reconcile_decisions (id),
  action text NOT NULL CHECK (action IN ('merge', 'split')),
  author text NOT NULL,
  reason text NOT NULL,
  events_before bigint[] NOT NULL,
  events_after bigint[] NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX reconcile_audit_created_idx ON reconcile_audit (created_at);

-- The source records behind each event as it is counted: a cluster event's members' records,
-- or an unmerged record event's own.
CREATE VIEW event_sources AS
  SELECT s.event_id AS event_id, s.event_id AS record_event_id, s.id AS source_record_id,
    s.dataset, s.native_id
  FROM source_records s JOIN events e ON e.id = s.event_id
  WHERE e.merged_into IS NULL
  UNION ALL
  SELECT e.merged_into AS event_id, s.event_id AS record_event_id, s.id AS source_record_id,
    s.dataset, s.native_id
  FROM source_records s JOIN events e ON e.id = s.event_id
  WHERE e.merged_into IS NOT NULL;
