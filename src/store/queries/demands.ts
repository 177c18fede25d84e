import type { Sql } from "../db.ts";

/** The author of computed assessments. */
export const COMPUTED_AUTHOR = "frontier";

export interface EvidenceLink {
  eventId: number;
  kind: "progress" | "breach";
  rules: number[];
}

/** One demand's computed score in one period, with the evidence behind it. */
export interface ComputedAssessment {
  demandId: string;
  period: string;
  score: number;
  /** Score, label and counts in words: a new row is stored only when this or the score changes. */
  reason: string;
  links: readonly EvidenceLink[];
}

/**
 * Stores assessments (call inside a transaction): each demand and period's evidence becomes
 * exactly its `links`, and a computed row is added unless the latest computed row of the
 * demand and period says the same (the table keeps each change, not each run). Three
 * statements for any number of assessments, writing only what differs: the API assesses on
 * every request, and rewriting unchanged links cost a delete, an insert and a foreign-key
 * check per link, and a round trip per demand, each time.
 */
export async function saveAssessments(
  tx: Sql,
  assessments: readonly ComputedAssessment[],
): Promise<void> {
  if (assessments.length === 0) return;
  const links = assessments.flatMap((a) =>
    a.links.map((l) => ({ demandId: a.demandId, period: a.period, ...l })),
  );
  // Rule lists travel as JSON text: unnest cannot take an array of arrays of unequal length.
  const wanted = `wanted AS (
    SELECT u.n, u.demand_id, u.period, u.event_id, u.kind,
      ARRAY(SELECT jsonb_array_elements_text(u.rules::jsonb)::int2) AS rules
    FROM unnest($1::text[], $2::text[], $3::int8[], $4::text[], $5::text[])
      WITH ORDINALITY AS u(demand_id, period, event_id, kind, rules, n))`;
  const wantedParams = [
    links.map((l) => l.demandId),
    links.map((l) => l.period),
    links.map((l) => l.eventId),
    links.map((l) => l.kind),
    links.map((l) => JSON.stringify(l.rules)),
  ];
  await tx.query(
    `WITH ${wanted}
     DELETE FROM evidence_links l USING unnest($6::text[], $7::text[]) AS p(demand_id, period)
     WHERE l.demand_id = p.demand_id AND l.period = p.period
       AND NOT EXISTS (SELECT 1 FROM wanted w
                       WHERE w.demand_id = l.demand_id AND w.period = l.period
                         AND w.event_id = l.event_id AND w.kind = l.kind AND w.rules = l.rules)`,
    [...wantedParams, assessments.map((a) => a.demandId), assessments.map((a) => a.period)],
  );
  if (links.length > 0) {
    // What is left of a (demand, period, event, kind) has the wanted rules: add the rest.
    await tx.query(
      `WITH ${wanted}
       INSERT INTO evidence_links (demand_id, period, event_id, kind, rules)
       SELECT w.demand_id, w.period, w.event_id, w.kind, w.rules FROM wanted w
       WHERE NOT EXISTS (SELECT 1 FROM evidence_links l
                         WHERE l.demand_id = w.demand_id AND l.period = w.period
                           AND l.event_id = w.event_id AND l.kind = w.kind)
       ORDER BY w.n`,
      wantedParams,
    );
  }
  await tx.query(
    `INSERT INTO demand_assessments (demand_id, period, score, computed_score, reason, author, overridden)
     SELECT u.demand_id, u.period, u.score, u.score, u.reason, $5, false
     FROM unnest($1::text[], $2::text[], $3::int2[], $4::text[])
       WITH ORDINALITY AS u(demand_id, period, score, reason, n)
     WHERE NOT EXISTS (
       SELECT 1 FROM (
         SELECT a.score, a.reason FROM demand_assessments a
         WHERE a.demand_id = u.demand_id AND a.period = u.period AND NOT a.overridden
         ORDER BY a.created_at DESC, a.id DESC LIMIT 1
       ) latest WHERE latest.score = u.score AND latest.reason = u.reason)
     ORDER BY u.n`,
    [
      assessments.map((a) => a.demandId),
      assessments.map((a) => a.period),
      assessments.map((a) => a.score),
      assessments.map((a) => a.reason),
      COMPUTED_AUTHOR,
    ],
  );
}

export interface AssessmentRow {
  id: number;
  demandId: string;
  period: string;
  score: number;
  computedScore: number | null;
  reason: string;
  author: string;
  overridden: boolean;
  createdAt: string;
}

interface Row {
  id: number;
  demand_id: string;
  period: string;
  score: number;
  computed_score: number | null;
  reason: string;
  author: string;
  overridden: boolean;
  created_at: string;
}

function toAssessment(row: Row): AssessmentRow {
  return {
    id: row.id,
    demandId: row.demand_id,
    period: row.period,
    score: row.score,
    computedScore: row.computed_score,
    reason: row.reason,
    author: row.author,
    overridden: row.overridden,
    createdAt: row.created_at,
  };
}

/** An analyst's override: a new row beside the computed ones, never an update. */
export async function saveOverride(
  db: Sql,
  override: {
    demandId: string;
    period: string;
    score: number;
    computedScore: number;
    reason: string;
    author: string;
  },
): Promise<AssessmentRow> {
  const [row] = await db.query<Row>(
    `INSERT INTO demand_assessments (demand_id, period, score, computed_score, reason, author, overridden)
     VALUES ($1, $2, $3, $4, $5, $6, true) RETURNING *`,
    [
      override.demandId,
      override.period,
      override.score,
      override.computedScore,
      override.reason,
      override.author,
    ],
  );
  if (row === undefined) throw new Error("demand_assessments insert returned no row");
  return toAssessment(row);
}

/** The latest computed and the latest override row of each demand in each of the periods. */
export async function latestAssessments(
  db: Sql,
  periods: readonly string[],
): Promise<{ computed: AssessmentRow[]; overrides: AssessmentRow[] }> {
  const rows = await db.query<Row>(
    `SELECT DISTINCT ON (demand_id, period, overridden) *
     FROM demand_assessments WHERE period = ANY($1::text[])
     ORDER BY demand_id, period, overridden, created_at DESC, id DESC`,
    [[...periods]],
  );
  const all = rows.map(toAssessment);
  return {
    computed: all.filter((r) => !r.overridden),
    overrides: all.filter((r) => r.overridden),
  };
}
