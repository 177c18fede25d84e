/**
 * The documented matching rules (docs/reconcile.md, "Match score"). Every number here was set
 * on the "tune" half of the labelled pair set (test/fixtures/reconcile/labelled-pairs.csv) and
 * checked on the other half; change them only with that evaluation re-run (bench/reconcile.ts).
 */
import type { MatchRules } from "./types.ts";

export const DEFAULT_RULES: Readonly<MatchRules> = Object.freeze({
  // Sources date one attack up to a day apart (night attacks, reporting dates, UTC); two days
  // covers UCDP's two-day ranges reported against a single day elsewhere.
  maxGapDays: 2,
  // A month: ACLED `time_precision` 3 and UCDP `date_prec` 3 still match (weakly); UCDP's
  // `date_prec` 4–5 (a month-long or year-long range) never does.
  maxSpanDays: 31,
  threshold: 0.68,
  // GDELT's machine coding misplaces and misdates often: it joins another family's event only
  // on a near-certain score.
  gdeltThreshold: 0.85,
  // Half-widths of the precision classes (UCDP `where_prec` 1 exact, 2 within 25 km, 3 the
  // second-order unit; ACLED `geo_precision` 1–3). "unknown" with coordinates is a town's point.
  radiusKm: Object.freeze({ exact: 2, near: 25, admin2: 30, unknown: 25 }),
  gdeltNearbyKm: 25,
  weights: Object.freeze({
    date: 0.22,
    place: 0.22,
    category: 0.13,
    actors: 0.13,
    fatalities: 0.13,
    name: 0.17,
  }),
});

/** The rules with some values replaced; weights are renormalised to sum to 1. */
export function withRules(overrides: Partial<MatchRules> = {}): MatchRules {
  const rules = { ...DEFAULT_RULES, ...overrides };
  const w = rules.weights;
  const sum = w.date + w.place + w.category + w.actors + w.fatalities + w.name;
  return {
    ...rules,
    weights: {
      date: w.date / sum,
      place: w.place / sum,
      category: w.category / sum,
      actors: w.actors / sum,
      fatalities: w.fatalities / sum,
      name: w.name / sum,
    },
  };
}
