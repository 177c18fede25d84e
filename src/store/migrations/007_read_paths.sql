-- Read paths of the API with a large simulation in the store (issue 6). Runs on PGlite and
-- PostgreSQL 15, like 001.

-- Analysis reads real, counted events only (`NOT simulated AND merged_into IS NULL`): trends,
-- the cross-border view, demand evidence, the escalation index, the stored date range. On the
-- date and category indexes each of them walked every simulated row of its range (a million
-- synthetic rows share them); these two hold the real rows only.
CREATE INDEX events_real_date_idx ON events (date_start)
  WHERE NOT simulated AND merged_into IS NULL;
CREATE INDEX events_real_category_date_idx ON events (category, date_start)
  WHERE NOT simulated AND merged_into IS NULL;

-- Counted events (`merged_into IS NULL`, simulated ones included, as the events list shows
-- them) per day, country and category: `/api/events/count` adds up these rows when it filters
-- on nothing else, instead of visiting every matching event (100,000 rows for a year of one
-- country's ASSAULTs with a simulation). The triggers below keep it in step with `events` in
-- the statement that changes them, whatever that is (import, reconciliation, an analyst's
-- merge or split, a simulation, a delete), so it cannot go stale. A key whose events all went
-- away keeps a row with 0.
CREATE TABLE event_day_counts (
  day date NOT NULL,
  country_iso3 text,
  category text,
  events integer NOT NULL,
  CONSTRAINT event_day_counts_key UNIQUE NULLS NOT DISTINCT (day, country_iso3, category)
);

INSERT INTO event_day_counts (day, country_iso3, category, events)
  SELECT date_start, country_iso3, category, count(*) FROM events
  WHERE merged_into IS NULL GROUP BY 1, 2, 3;

-- Statement-level, over the statement's transition tables: one aggregate per statement, not a
-- write per row, so bulk imports stay bulk. Keys are written in order, so two transactions
-- adding to the same days lock them in the same order.
CREATE FUNCTION event_day_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO event_day_counts AS c (day, country_iso3, category, events)
      SELECT date_start, country_iso3, category, count(*) FROM new_rows
      WHERE merged_into IS NULL GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT (day, country_iso3, category) DO UPDATE SET events = c.events + excluded.events;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO event_day_counts AS c (day, country_iso3, category, events)
      SELECT date_start, country_iso3, category, -count(*) FROM old_rows
      WHERE merged_into IS NULL GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT (day, country_iso3, category) DO UPDATE SET events = c.events + excluded.events;
  ELSE
    -- An update moves rows between keys (a new date or country, merged away or freed): the
    -- net change per key, and nothing at all for updates that move none (reconciled_at).
    INSERT INTO event_day_counts AS c (day, country_iso3, category, events)
      SELECT day, country_iso3, category, sum(n) FROM (
        SELECT date_start AS day, country_iso3, category, 1 AS n FROM new_rows
        WHERE merged_into IS NULL
        UNION ALL
        SELECT date_start, country_iso3, category, -1 FROM old_rows
        WHERE merged_into IS NULL
      ) moved
      GROUP BY 1, 2, 3 HAVING sum(n) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT (day, country_iso3, category) DO UPDATE SET events = c.events + excluded.events;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER event_day_counts_insert AFTER INSERT ON events
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION event_day_counts_apply();
CREATE TRIGGER event_day_counts_update AFTER UPDATE ON events
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION event_day_counts_apply();
CREATE TRIGGER event_day_counts_delete AFTER DELETE ON events
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION event_day_counts_apply();

CREATE FUNCTION event_day_counts_clear() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM event_day_counts;
  RETURN NULL;
END $$;
CREATE TRIGGER event_day_counts_truncate AFTER TRUNCATE ON events
  FOR EACH STATEMENT EXECUTE FUNCTION event_day_counts_clear();
