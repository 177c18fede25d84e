-- Ingest: how each file was read, the GDELT slot it covers, its data-quality report, and the
-- UCDP/PRIO conflict-years. Runs on PGlite and PostgreSQL 15, like 001.

-- The same bytes read another way (a CSV mapping, --columns renames, an encoding) are another
-- import: `variant` is a digest of those reading options, '' for the default reading.
ALTER TABLE source_files ADD COLUMN variant text NOT NULL DEFAULT '';
ALTER TABLE source_files DROP CONSTRAINT IF EXISTS source_files_dataset_sha256_key;
ALTER TABLE source_files
  ADD CONSTRAINT source_files_dataset_sha256_variant_key UNIQUE (dataset, sha256, variant);
-- GDELT 2.0: the 15-minute slot a file holds (from its name, or from DATEADDED when the name is
-- not a timestamp).
ALTER TABLE source_files ADD COLUMN slot timestamptz;
-- The data-quality report of the import that stored the file (ingest's QualityReport as JSON).
ALTER TABLE source_files ADD COLUMN report jsonb;

-- UCDP/PRIO Armed Conflict Dataset: one row per conflict and year (codebook 25.1). Codes as
-- UCDP gives them: incompatibility 1 territory, 2 government, 3 both; intensity_level 1 minor
-- (25-999 battle deaths), 2 war; type_of_conflict 1 extrasystemic, 2 interstate, 3 intrastate,
-- 4 internationalized intrastate. gwno_* keep UCDP's lists ("700, 770"); location_iso3 is
-- gwno_loc as ISO3 codes, for filtering by country.
CREATE TABLE conflicts (
  conflict_id integer NOT NULL,
  year smallint NOT NULL,
  location text NOT NULL,
  side_a text NOT NULL,
  side_a_id text,
  side_a_2nd text,
  side_b text NOT NULL,
  side_b_id text,
  side_b_2nd text,
  incompatibility smallint NOT NULL CHECK (incompatibility IN (1, 2, 3)),
  territory_name text,
  intensity_level smallint NOT NULL CHECK (intensity_level IN (1, 2)),
  cumulative_intensity smallint CHECK (cumulative_intensity IN (0, 1)),
  type_of_conflict smallint NOT NULL CHECK (type_of_conflict BETWEEN 1 AND 4),
  start_date date,
  start_prec smallint,
  start_date2 date,
  start_prec2 smallint,
  ep_end boolean,
  ep_end_date date,
  ep_end_prec smallint,
  gwno_a text,
  gwno_a_2nd text,
  gwno_b text,
  gwno_b_2nd text,
  gwno_loc text,
  location_iso3 text[] NOT NULL DEFAULT '{}',
  region text,
  version text,
  source_file_id bigint REFERENCES source_files (id),
  line integer,
  raw jsonb NOT NULL,
  raw_sha256 text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (conflict_id, year)
);
CREATE INDEX conflicts_year_idx ON conflicts (year);
CREATE INDEX conflicts_location_idx ON conflicts USING gin (location_iso3);
