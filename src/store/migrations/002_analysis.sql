-- Situation analysis: evidence per period, escalation alerts and their webhook deliveries.
-- Runs on PGlite and PostgreSQL 15, like 001.

-- One event can be evidence for a demand in a month and in the quarter holding it, so a link
-- is unique per period too. The constraint name is the one PostgreSQL gave 001's UNIQUE.
ALTER TABLE evidence_links DROP CONSTRAINT IF EXISTS evidence_links_demand_id_event_id_kind_key;
ALTER TABLE evidence_links
  ADD CONSTRAINT evidence_links_demand_period_event_kind_key UNIQUE (demand_id, period, event_id, kind);
-- Which of the demand's progress or breach rules (0-based, profile order) the event matched.
ALTER TABLE evidence_links ADD COLUMN rules smallint[] NOT NULL DEFAULT '{}';
CREATE INDEX evidence_links_period_idx ON evidence_links (demand_id, period);

-- An alert is stored once per profile, kind, day and level; re-running `frontier escalation`
-- over the same days finds it already there and neither stores nor posts it again.
CREATE TABLE alerts (
  id bigserial PRIMARY KEY,
  profile_id text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('index-level', 'rung-rise')),
  day date NOT NULL,
  level text NOT NULL CHECK (level IN ('elevated', 'high', 'severe')),
  value double precision NOT NULL,
  previous double precision NOT NULL,
  message text NOT NULL,
  -- The events behind the alert and, for a rung rise, the rung.
  details jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (profile_id, kind, day, level)
);
CREATE INDEX alerts_day_idx ON alerts (profile_id, day);

-- Every POST of an alert to a webhook. The URL may carry a secret token (Slack-style paths),
-- so only its origin is kept in clear, beside a sha256 of the whole URL to find earlier
-- attempts to the same hook.
CREATE TABLE webhook_deliveries (
  id bigserial PRIMARY KEY,
  alert_id bigint NOT NULL REFERENCES alerts (id) ON DELETE CASCADE,
  url_origin text NOT NULL,
  url_sha256 text NOT NULL,
  ok boolean NOT NULL,
  status integer,
  error text,
  attempted_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX webhook_deliveries_alert_idx ON webhook_deliveries (alert_id, url_sha256);
