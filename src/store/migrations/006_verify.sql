-- The verification mechanism (issue 7): accounts, sessions, API tokens, login attempts,
-- incident reports, requests for information, evidence files and the hash-chained audit log.
-- Runs on PGlite and PostgreSQL 15, like 001. Ids are random 128-bit hex made by the app.

CREATE TABLE accounts (
  id text PRIMARY KEY,
  name text NOT NULL UNIQUE,
  role text NOT NULL CHECK (role IN ('admin', 'mediator', 'liaison', 'analyst')),
  -- A liaison speaks for exactly one party (an ISO 3166 alpha-3 code of the profile).
  party text CHECK ((role = 'liaison') = (party IS NOT NULL)),
  password_hash text NOT NULL,
  disabled boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Secrets are kept as their sha256 only: a copy of these tables opens nothing.
CREATE TABLE sessions (
  id_hash text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts (id),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz
);

CREATE TABLE api_tokens (
  id text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts (id),
  token_hash text NOT NULL UNIQUE,
  label text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz
);
CREATE INDEX api_tokens_account_idx ON api_tokens (account_id);

-- The name typed is kept as a sha256 (people type passwords into name fields).
CREATE TABLE login_attempts (
  id bigserial PRIMARY KEY,
  name_hash text NOT NULL,
  address text NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('ok', 'failed', 'refused')),
  at timestamptz NOT NULL
);
CREATE INDEX login_attempts_name_idx ON login_attempts (name_hash, at);
CREATE INDEX login_attempts_address_idx ON login_attempts (address, at);

CREATE TABLE reports (
  id text PRIMARY KEY,
  filer_id text NOT NULL REFERENCES accounts (id),
  -- NULL when a mediator filed as a monitor.
  filer_party text,
  against text,
  marking text NOT NULL CHECK (marking IN ('RED', 'AMBER', 'GREEN', 'CLEAR')),
  -- Account ids of the named recipients of a TLP:RED report.
  recipients text[] NOT NULL DEFAULT '{}',
  status text NOT NULL CHECK (status IN ('submitted', 'acknowledged', 'under_verification',
    'verified', 'partly_verified', 'not_verified', 'inconclusive', 'published')),
  outcome text CHECK (outcome IN ('verified', 'partly_verified', 'not_verified', 'inconclusive')),
  title text NOT NULL,
  description text NOT NULL,
  occurred_on date NOT NULL,
  place_name text,
  lat double precision CHECK (lat BETWEEN -90 AND 90),
  lon double precision CHECK (lon BETWEEN -180 AND 180),
  event_ids bigint[] NOT NULL DEFAULT '{}',
  commitment text NOT NULL,
  -- Names of private persons in the report, redacted from the public summary.
  persons text[] NOT NULL DEFAULT '{}',
  finding jsonb,
  -- Frozen when published: later edits of the report do not change what the public read.
  summary jsonb,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  concluded_at timestamptz,
  published_at timestamptz
);
CREATE INDEX reports_status_idx ON reports (status);

CREATE TABLE information_requests (
  id text PRIMARY KEY,
  report_id text NOT NULL REFERENCES reports (id),
  party text NOT NULL,
  question text NOT NULL,
  due_on date NOT NULL,
  asked_by text NOT NULL REFERENCES accounts (id),
  asked_at timestamptz NOT NULL,
  response text,
  responded_by text REFERENCES accounts (id),
  responded_at timestamptz
);
CREATE INDEX information_requests_report_idx ON information_requests (report_id);
CREATE INDEX information_requests_party_idx ON information_requests (party);

-- Content-addressed: the same file attached twice is stored once.
CREATE TABLE evidence_blobs (
  sha256 text PRIMARY KEY,
  size integer NOT NULL,
  bytes bytea NOT NULL
);

CREATE TABLE evidence_files (
  id text PRIMARY KEY,
  report_id text NOT NULL REFERENCES reports (id),
  sha256 text NOT NULL REFERENCES evidence_blobs (sha256),
  filename text NOT NULL,
  media_type text NOT NULL,
  size integer NOT NULL,
  added_by text NOT NULL REFERENCES accounts (id),
  added_at timestamptz NOT NULL
);
CREATE INDEX evidence_files_report_idx ON evidence_files (report_id);

-- Append-only, hash-chained (src/domain/audit/chain.ts). `change` is canonical JSON kept as text,
-- byte for byte as hashed (jsonb would reorder keys). The trigger stops casual edits; a
-- determined owner can drop it, which is what `frontier audit verify` is for.
CREATE TABLE audit_log (
  seq bigint PRIMARY KEY,
  at timestamptz NOT NULL,
  actor text NOT NULL,
  action text NOT NULL,
  object_type text NOT NULL,
  object_id text NOT NULL,
  report_id text,
  change text NOT NULL,
  prev_hash text NOT NULL,
  hash text NOT NULL
);
CREATE INDEX audit_log_report_idx ON audit_log (report_id, seq);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
