-- Frontier Watch schema, version 1. Runs on PGlite (Postgres 18) and PostgreSQL 15:
-- keep to SQL both accept, and never name a schema (tests run each suite in its own).

CREATE TABLE meta (
  key text PRIMARY KEY,
  value jsonb NOT NULL
);

CREATE TABLE profiles (
  id text PRIMARY KEY,
  name text NOT NULL,
  source text NOT NULL,
  body jsonb NOT NULL,
  loaded_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE import_runs (
  id bigserial PRIMARY KEY,
  dataset text NOT NULL,
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  summary jsonb
);

CREATE TABLE source_files (
  id bigserial PRIMARY KEY,
  dataset text NOT NULL,
  sha256 text NOT NULL,
  name text NOT NULL,
  bytes bigint NOT NULL,
  rows integer NOT NULL,
  import_run_id bigint NOT NULL REFERENCES import_runs (id),
  imported_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (dataset, sha256)
);

CREATE TABLE events (
  id bigserial PRIMARY KEY,
  date_start date NOT NULL,
  date_end date NOT NULL,
  date_precision text NOT NULL
    CHECK (date_precision IN ('day', 'week', 'month', 'year', 'range')),
  place text,
  admin1 text,
  admin2 text,
  country_iso3 text,
  lat double precision CHECK (lat BETWEEN -90 AND 90),
  lon double precision CHECK (lon BETWEEN -180 AND 180),
  geo_precision text NOT NULL
    CHECK (geo_precision IN ('exact', 'near', 'admin2', 'admin1', 'country', 'unknown')),
  category text,
  mode text,
  subtype text,
  source_code text,
  fatalities_best integer CHECK (fatalities_best >= 0),
  fatalities_low integer CHECK (fatalities_low >= 0),
  fatalities_high integer CHECK (fatalities_high >= 0),
  cross_border boolean NOT NULL DEFAULT false,
  cross_border_direction text,
  confidence real NOT NULL CHECK (confidence BETWEEN 0 AND 1),
  summary text,
  -- Synthetic rows from `frontier simulate` are never mixed silently with real data.
  simulated boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX events_date_idx ON events (date_start);
CREATE INDEX events_country_date_idx ON events (country_iso3, date_start);
CREATE INDEX events_category_idx ON events (category);

-- Actor ids come from the profile; names a profile does not know stay with actor_id NULL.
-- No foreign key to actors: a profile edit that drops an id must not fail an old import.
CREATE TABLE event_actors (
  event_id bigint NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  position smallint NOT NULL,
  role text NOT NULL,
  name text NOT NULL,
  actor_id text,
  PRIMARY KEY (event_id, position)
);
CREATE INDEX event_actors_actor_idx ON event_actors (actor_id);

CREATE TABLE source_records (
  id bigserial PRIMARY KEY,
  dataset text NOT NULL,
  native_id text NOT NULL,
  source_file_id bigint REFERENCES source_files (id),
  line integer,
  version text,
  raw jsonb NOT NULL,
  raw_sha256 text NOT NULL,
  event_id bigint REFERENCES events (id) ON DELETE SET NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- native_id leads: inside one long import transaction the table has no statistics, and with
  -- dataset first the planner scanned every row of the dataset for each batch lookup
  -- (quadratic: 1.4 s a batch at 2 M rows). With native_id first every key is an index probe.
  UNIQUE (native_id, dataset)
);
CREATE INDEX source_records_event_idx ON source_records (event_id);

CREATE TABLE actors (
  id text PRIMARY KEY,
  name text NOT NULL,
  type text NOT NULL,
  based_in text,
  party text,
  parent text
);

CREATE TABLE actor_aliases (
  actor_id text NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
  alias text NOT NULL,
  PRIMARY KEY (actor_id, alias)
);

CREATE TABLE demands (
  id text PRIMARY KEY,
  title text NOT NULL,
  by_party text NOT NULL,
  of_party text NOT NULL,
  description text NOT NULL DEFAULT '',
  rules jsonb NOT NULL
);

CREATE TABLE evidence_links (
  id bigserial PRIMARY KEY,
  demand_id text NOT NULL REFERENCES demands (id) ON DELETE CASCADE,
  event_id bigint NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('progress', 'breach')),
  period text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (demand_id, event_id, kind)
);

-- An analyst's override is a new row with overridden = true; the computed score stays beside it.
CREATE TABLE demand_assessments (
  id bigserial PRIMARY KEY,
  demand_id text NOT NULL REFERENCES demands (id) ON DELETE CASCADE,
  period text NOT NULL,
  score smallint NOT NULL CHECK (score BETWEEN 0 AND 3),
  computed_score smallint CHECK (computed_score BETWEEN 0 AND 3),
  reason text NOT NULL,
  author text NOT NULL,
  overridden boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX demand_assessments_idx ON demand_assessments (demand_id, period);

CREATE TABLE watch_questions (
  id text PRIMARY KEY,
  text text NOT NULL,
  rule jsonb NOT NULL,
  horizon_days integer NOT NULL CHECK (horizon_days > 0),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved_yes', 'resolved_no')),
  resolved_at timestamptz,
  resolution jsonb,
  created_by text NOT NULL DEFAULT 'profile',
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE forecasts (
  id bigserial PRIMARY KEY,
  question_id text REFERENCES watch_questions (id) ON DELETE CASCADE,
  target text NOT NULL,
  model text NOT NULL,
  issued_at timestamptz NOT NULL DEFAULT now(),
  horizon_days integer,
  probability double precision CHECK (probability BETWEEN 0 AND 1),
  point double precision,
  quantiles jsonb,
  details jsonb
);
CREATE INDEX forecasts_question_idx ON forecasts (question_id, issued_at);
