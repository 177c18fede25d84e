import type { Sql } from "../db.ts";

/** The author of computed assessments. */
export const COMPUTED_AUTHOR = "frontier";

export interface EvidenceLink {
  eventId: number;
  kind: "progress" | "breach";
  rules: number[];
}

/** Replaces the evidence of one demand in one period with `links` (call inside a transaction). */
export async function replaceEvidence(
  tx: Sql,
  demandId: string,
  period: string,
  links: readonly EvidenceLink[],
): Promise<void> {
  await tx.query("DELETE FROM evidence_links WHERE demand_id = $1 AND period = $2", [
    demandId,
    period,
  ]);
  if (links.length === 0) return;
  // The rule lists travel as JSON text: unnest cannot take an array of arrays of unequal length.
  await tx.query(
    `INSERT INTO evidence_links (demand_id, period, event_id, kind, rules)
     SELECT $1, $2, u.event_id, u.kind,
       ARRAY(SELECT jsonb_array_elements_text(u.rules::jsonb)::int2)
     FROM unnest($3::int8[], $4::text[], $5::text[]) AS u(event_id, kind, rules)`,
    [
      demandId,
      period,
      links.map((l) => l.eventId),
      links.map((l) => l.kind),
      links.map((l) => JSON.stringify(l.rules)),
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

/**
 * Stores a computed assessment unless the latest computed one of the demand and period says
 * the same (score and reason, which holds the counts): the table keeps each change, not each
 * run. Returns true when a row was added.
 */
export async function saveComputedAssessment(
  tx: Sql,
  assessment: { demandId: string; period: string; score: number; reason: string },
): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO demand_assessments (demand_id, period, score, computed_score, reason, author, overridden)
     SELECT $1, $2, $3, $3, $4, $5, false
     WHERE NOT EXISTS (
       SELECT 1 FROM (
         SELECT score, reason FROM demand_assessments
         WHERE demand_id = $1 AND period = $2 AND NOT overridden
         ORDER BY created_at DESC, id DESC LIMIT 1
       ) latest WHERE latest.score = $3 AND latest.reason = $4)
     RETURNING id`,
    [assessment.demandId, assessment.period, assessment.score, assessment.reason, COMPUTED_AUTHOR],
  );
  return rows.length > 0;
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
