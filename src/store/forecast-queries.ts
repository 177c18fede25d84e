/**
 * SQL for forecasting: monthly series and the spans the imported files cover, forecasts
 * saved as history, watch questions and their resolutions. One dialect for PGlite and
 * PostgreSQL; synthetic (`simulated`) events never count.
 */
import type { Sql } from "./db.ts";

export interface SeriesFilter {
  /** ISO3 of the country where the events happened. */
  country: string;
  /** Only this admin1 unit; null or undefined: the whole country. */
  admin1?: string | null;
  /** Only events with a source record from this dataset ("ucdp"); null: every dataset. */
  dataset?: string | null;
}

// Events as counted (docs/reconcile.md): a cluster event once, its merged records never; the
// dataset check reads the cluster's member records through `event_sources`.
const SERIES_WHERE = `NOT e.simulated AND e.merged_into IS NULL AND e.country_iso3 = $1
  AND ($2::text IS NULL OR e.admin1 = $2)
  AND ($3::text IS NULL OR EXISTS (
    SELECT 1 FROM event_sources s WHERE s.event_id = e.id AND s.dataset = $3))`;

function seriesParams(filter: SeriesFilter): unknown[] {
  return [filter.country, filter.admin1 ?? null, filter.dataset ?? null];
}

export interface MonthTotalsRow {
  month: string;
  events: number;
  fatalities: number;
  crossBorder: number;
}

/** Events, best fatalities and cross-border events per month of `date_start`. */
export async function monthlyTotals(db: Sql, filter: SeriesFilter): Promise<MonthTotalsRow[]> {
  return db.query<MonthTotalsRow>(
    `SELECT to_char(e.date_start, 'YYYY-MM') AS month, count(*)::int AS events,
       coalesce(sum(e.fatalities_best), 0)::int AS fatalities,
       count(*) FILTER (WHERE e.cross_border)::int AS "crossBorder"
     FROM events e WHERE ${SERIES_WHERE}
     GROUP BY 1 ORDER BY 1`,
    seriesParams(filter),
  );
}

/** Each event's start date and best fatalities (0 when unknown), oldest first. */
export async function datedEvents(
  db: Sql,
  filter: SeriesFilter,
): Promise<{ date: string; fatalities: number }[]> {
  return db.query(
    `SELECT to_char(e.date_start, 'YYYY-MM-DD') AS date, coalesce(e.fatalities_best, 0) AS fatalities
     FROM events e WHERE ${SERIES_WHERE}
     ORDER BY e.date_start, e.id`,
    seriesParams(filter),
  );
}

/**
 * What the imported files cover: per source file (and per country when one is given), the
 * first and last `date_start` of its events. A file that never mentions a country says
 * nothing about it, so the Pakistan-only GED file does not make 1989–2021 quiet in Afghanistan.
 */
export async function coverageSpans(
  db: Sql,
  options: { country?: string | null; dataset?: string | null },
): Promise<{ first: string; last: string }[]> {
  return db.query(
    `SELECT to_char(min(e.date_start), 'YYYY-MM-DD') AS first,
       to_char(max(e.date_start), 'YYYY-MM-DD') AS last
     FROM source_records s JOIN events e ON e.id = s.event_id
     WHERE NOT e.simulated AND ($1::text IS NULL OR e.country_iso3 = $1)
       AND ($2::text IS NULL OR s.dataset = $2)
     GROUP BY s.dataset, s.source_file_id
     ORDER BY 1`,
    [options.country ?? null, options.dataset ?? null],
  );
}

/** The admin1 units with events in a country (for per-province forecasts). */
export async function admin1Units(db: Sql, filter: SeriesFilter): Promise<string[]> {
  const rows = await db.query<{ admin1: string }>(
    `SELECT DISTINCT e.admin1 FROM events e WHERE ${SERIES_WHERE} AND e.admin1 IS NOT NULL
     ORDER BY 1`,
    seriesParams({ ...filter, admin1: null }),
  );
  return rows.map((r) => r.admin1);
}

export interface ForecastInsert {
  questionId: string | null;
  target: string;
  model: string;
  horizonDays: number | null;
  probability: number | null;
  point: number | null;
  quantiles: Record<string, number> | null;
  details: Record<string, unknown>;
}

/** Appends forecasts (one statement); earlier rows stay as the history. */
export async function saveForecasts(db: Sql, rows: readonly ForecastInsert[]): Promise<void> {
  if (rows.length === 0) return;
  await db.query(
    `INSERT INTO forecasts (question_id, target, model, horizon_days, probability, point, quantiles, details)
     SELECT r.question_id, r.target, r.model, r.horizon_days, r.probability, r.point, r.quantiles, r.details
     FROM jsonb_to_recordset($1::jsonb) AS r(question_id text, target text, model text,
       horizon_days integer, probability double precision, point double precision,
       quantiles jsonb, details jsonb)`,
    [
      JSON.stringify(
        rows.map((r) => ({
          question_id: r.questionId,
          target: r.target,
          model: r.model,
          horizon_days: r.horizonDays,
          probability: r.probability,
          point: r.point,
          quantiles: r.quantiles,
          details: r.details,
        })),
      ),
    ],
  );
}

/** Whether a forecast with this target and data fingerprint is already stored. */
export async function hasForecast(db: Sql, target: string, fingerprint: string): Promise<boolean> {
  const rows = await db.query(
    "SELECT 1 FROM forecasts WHERE target = $1 AND details->>'fingerprint' = $2 LIMIT 1",
    [target, fingerprint],
  );
  return rows.length > 0;
}

export interface StoredForecast {
  id: number;
  questionId: string | null;
  target: string;
  model: string;
  issuedAt: string;
  horizonDays: number | null;
  probability: number | null;
  point: number | null;
  quantiles: Record<string, number> | null;
  details: Record<string, unknown>;
}

const FORECAST_SELECT = `SELECT id, question_id AS "questionId", target, model, issued_at AS "issuedAt",
  horizon_days AS "horizonDays", probability, point, quantiles, details FROM forecasts`;

/** Every forecast of these questions, oldest first. */
export async function questionForecasts(
  db: Sql,
  questionIds: readonly string[],
): Promise<StoredForecast[]> {
  return db.query<StoredForecast>(
    `${FORECAST_SELECT} WHERE question_id = ANY($1::text[]) ORDER BY issued_at, id`,
    [[...questionIds]],
  );
}

export type QuestionStatus = "open" | "resolved_yes" | "resolved_no";

export interface StoredQuestion {
  id: string;
  text: string;
  rule: unknown;
  horizonDays: number;
  status: QuestionStatus;
  /** When it resolved (midnight UTC of `resolvedOn`), ISO timestamp. */
  resolvedAt: string | null;
  /** The day it resolved, YYYY-MM-DD. */
  resolvedOn: string | null;
  resolution: unknown;
  createdBy: string;
  /** opens_on, or the day the question was stored. */
  opensOn: string;
}

export async function listQuestions(db: Sql): Promise<StoredQuestion[]> {
  return db.query<StoredQuestion>(
    `SELECT id, text, rule, horizon_days AS "horizonDays", status, resolved_at AS "resolvedAt",
       to_char(resolved_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS "resolvedOn",
       resolution, created_by AS "createdBy",
       to_char(coalesce(opens_on, (created_at AT TIME ZONE 'UTC')::date), 'YYYY-MM-DD') AS "opensOn"
     FROM watch_questions ORDER BY created_at, id`,
  );
}

/** Adds a question; false when the id is taken. */
export async function insertQuestion(
  db: Sql,
  question: {
    id: string;
    text: string;
    rule: unknown;
    horizonDays: number;
    opensOn: string;
    createdBy: string;
  },
): Promise<boolean> {
  const rows = await db.query(
    `INSERT INTO watch_questions (id, text, rule, horizon_days, opens_on, created_by)
     VALUES ($1, $2, $3::jsonb, $4, $5::date, $6) ON CONFLICT (id) DO NOTHING RETURNING id`,
    [
      question.id,
      question.text,
      JSON.stringify(question.rule),
      question.horizonDays,
      question.opensOn,
      question.createdBy,
    ],
  );
  return rows.length > 0;
}

/** Records a question's resolution: its status, the day and the events that decided it. */
export async function saveResolution(
  db: Sql,
  id: string,
  resolution: { status: Exclude<QuestionStatus, "open">; resolvedOn: string; details: unknown },
): Promise<void> {
  await db.query(
    `UPDATE watch_questions
     SET status = $2, resolved_at = $3::date::timestamp AT TIME ZONE 'UTC', resolution = $4::jsonb
     WHERE id = $1 AND status = 'open'`,
    [id, resolution.status, resolution.resolvedOn, JSON.stringify(resolution.details)],
  );
}
