-- Forecasting: when a watch question opens, and series forecasts found by target.
-- Runs on PGlite and PostgreSQL 15, like 001.

-- The day a question's horizon starts. NULL (profile questions) means the day it was stored.
ALTER TABLE watch_questions ADD COLUMN opens_on date;

CREATE INDEX forecasts_target_idx ON forecasts (target, issued_at);
