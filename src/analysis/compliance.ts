/**
 * Demand compliance on the Peace Accords Matrix scale (Joshi, Quinn & Regan 2015: 0 not
 * initiated, 1 minimal, 2 intermediate, 3 full) from the progress and breach evidence the
 * profile's rules find among one period's events. The formula and why: docs/compliance.md.
 */
import type { Demand } from "../domain/profile/index.ts";
import { earlierDate, type Period } from "./periods.ts";
import { type EventRef, eventRef, type Matcher, type StoredEvent } from "./types.ts";

export type ComplianceScore = 0 | 1 | 2 | 3;

export const SCORE_LABELS: Record<ComplianceScore, string> = {
  0: "not initiated",
  1: "minimal",
  2: "intermediate",
  3: "full",
};

/** Progress events needed for "intermediate" (one act alone is "minimal"). */
export const INTERMEDIATE_MIN_PROGRESS = 2;
/** Progress events needed for "full", with no breach in the period. */
export const FULL_MIN_PROGRESS = 3;

export interface ScoreResult {
  score: ComplianceScore;
  label: string;
  /** The counts and the rule that decided, in words. */
  basis: string;
  /** Score, label and basis: stored as the computed assessment's reason. */
  reason: string;
}

/**
 * P progress and B breach events in one period:
 * - 0 not initiated: P = 0;
 * - 3 full: P ≥ 3 and B = 0;
 * - 2 intermediate: P ≥ 2 and P ≥ B;
 * - 1 minimal: otherwise (P = 1, or breaches outnumber progress).
 */
export function scoreCompliance(progress: number, breach: number): ScoreResult {
  const counts = `${progress} progress, ${breach} breach`;
  const result = (score: ComplianceScore, rule: string): ScoreResult => ({
    score,
    label: SCORE_LABELS[score],
    basis: `${counts}; ${rule}`,
    reason: `${score} ${SCORE_LABELS[score]}: ${counts}; ${rule}`,
  });
  if (progress === 0) return result(0, "no progress evidence");
  if (progress >= FULL_MIN_PROGRESS && breach === 0) {
    return result(3, `at least ${FULL_MIN_PROGRESS} progress and no breach`);
  }
  if (progress >= INTERMEDIATE_MIN_PROGRESS && progress >= breach) {
    return result(
      2,
      `at least ${INTERMEDIATE_MIN_PROGRESS} progress, at least as many as breaches`,
    );
  }
  if (progress < INTERMEDIATE_MIN_PROGRESS) return result(1, "a single progress event");
  return result(1, "breaches outnumber progress");
}

export interface Evidence extends EventRef {
  /** Indexes (0-based) of the demand's progress or breach rules the event matched. */
  rules: number[];
}

export interface DemandAssessment {
  demandId: string;
  title: string;
  period: string;
  start: string;
  /** The last day counted: the period's end, or the as-of date inside it. */
  end: string;
  /** False while the period is still running at the as-of date. */
  isComplete: boolean;
  progress: Evidence[];
  breach: Evidence[];
  /** Datasets of the events examined: a 0 on a period without news data means little. */
  datasets: string[];
  computed: ScoreResult;
}

function evidenceOf(
  events: readonly StoredEvent[],
  rules: Demand["evidence"]["progress"],
  matches: Matcher,
): Evidence[] {
  const out: Evidence[] = [];
  for (const event of events) {
    const matched = rules.flatMap((rule, i) => (matches(event, rule) ? [i] : []));
    if (matched.length > 0) out.push({ ...eventRef(event), rules: matched });
  }
  return out;
}

/** Applies a demand's rules to the events of one period (already limited to it) and scores it. */
export function assessDemand(
  demand: Demand,
  events: readonly StoredEvent[],
  options: { period: Period; asOf: string; matches: Matcher },
): DemandAssessment {
  const { period, asOf, matches } = options;
  const progress = evidenceOf(events, demand.evidence.progress, matches);
  const breach = evidenceOf(events, demand.evidence.breach, matches);
  const datasets = new Set(events.flatMap((e) => e.sources.map((s) => s.dataset)));
  return {
    demandId: demand.id,
    title: demand.title,
    period: period.key,
    start: period.start,
    end: earlierDate(asOf, period.end),
    isComplete: asOf >= period.end,
    progress,
    breach,
    datasets: [...datasets].sort(),
    computed: scoreCompliance(progress.length, breach.length),
  };
}

/** The categories any rule of the demands can match, or null when a rule allows every category. */
export function demandCategories(demands: readonly Demand[]): string[] | null {
  const rules = demands.flatMap((d) => [...d.evidence.progress, ...d.evidence.breach]);
  if (rules.some((rule) => rule.category === undefined)) return null;
  return [...new Set(rules.flatMap((rule) => rule.category ?? []))].sort();
}
