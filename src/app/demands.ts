import {
  assessDemand,
  type DemandAssessment,
  demandCategories,
  earlierDate,
  isIsoDate,
  type Period,
  parsePeriodKey,
  periodsEndingAt,
  SCORE_LABELS,
} from "../analysis/index.ts";
import { AppError } from "../domain/errors.ts";
import { createResolver, type Profile } from "../domain/profile/index.ts";
import { appendAudit } from "../store/audit.ts";
import type { Db } from "../store/db.ts";
import {
  type AssessmentRow,
  latestAssessments,
  loadEvents,
  saveAssessments,
  saveOverride,
} from "../store/queries/index.ts";

export const DEMAND_UNITS = ["month", "quarter"] as const;
export type DemandUnit = (typeof DEMAND_UNITS)[number];

export interface DemandView extends DemandAssessment {
  /** The latest analyst override of this demand and period, shown beside the computed score. */
  override: AssessmentRow | null;
  /** True when the computed score today differs from the one the override was made against. */
  isOverrideStale: boolean;
}

export interface DemandsResult {
  asOf: string;
  unit: DemandUnit;
  scale: typeof SCORE_LABELS;
  periods: {
    period: string;
    start: string;
    end: string;
    isComplete: boolean;
    demands: DemandView[];
  }[];
}

/** A day given as a flag (`--as-of`, `--since`), written YYYY-MM-DD. */
export function parseDay(value: string, flag: string): string {
  if (!isIsoDate(value.trim())) {
    throw new AppError("INVALID_INPUT", `${flag} "${value}" is not a date written YYYY-MM-DD`);
  }
  return value.trim();
}

/** `--as-of`: the day given, else `today()` (the caller's clock: this module never reads one). */
export function parseAsOf(value: string | undefined, today: () => string): string {
  return value === undefined ? today() : parseDay(value, "--as-of");
}

/**
 * Assesses every demand of the profile in each period, and stores the evidence and computed
 * scores in one transaction. The periods' events are read at once and split by date.
 */
async function assessPeriods(
  db: Db,
  profile: Profile,
  periods: readonly Period[],
  asOf: string,
): Promise<DemandAssessment[][]> {
  const ends = periods.map((period) => earlierDate(asOf, period.end));
  const first = periods.map((p) => p.start).sort()[0];
  const last = [...ends].sort().at(-1);
  if (first === undefined || last === undefined) return [];
  const events = await loadEvents(db, {
    from: first,
    to: last,
    categories: demandCategories(profile.demands),
  });
  const matches = createResolver(profile).matches;
  const assessed = periods.map((period, i) => {
    const end = ends[i] ?? period.end;
    const inPeriod = events.filter((e) => e.dateStart >= period.start && e.dateStart <= end);
    return profile.demands.map((demand) =>
      assessDemand(demand, inPeriod, { period, asOf, matches }),
    );
  });
  await db.transaction((tx) =>
    saveAssessments(
      tx,
      assessed.flat().map((a) => ({
        demandId: a.demandId,
        period: a.period,
        score: a.computed.score,
        reason: a.computed.reason,
        links: [
          ...a.progress.map((e) => ({ eventId: e.id, kind: "progress" as const, rules: e.rules })),
          ...a.breach.map((e) => ({ eventId: e.id, kind: "breach" as const, rules: e.rules })),
        ],
      })),
    ),
  );
  return assessed;
}

/**
 * Each demand's computed score per period, beside its latest override. Shared by
 * `frontier demands` and `GET /api/demands`.
 */
export async function computeDemands(
  db: Db,
  profile: Profile,
  query: { unit: DemandUnit; asOf: string; periods: number },
): Promise<DemandsResult> {
  const periods = periodsEndingAt(query.asOf, query.unit, query.periods);
  const assessed = await assessPeriods(db, profile, periods, query.asOf);
  const { overrides } = await latestAssessments(
    db,
    periods.map((p) => p.key),
  );
  const overrideOf = (a: DemandAssessment) =>
    overrides.find((o) => o.demandId === a.demandId && o.period === a.period) ?? null;
  return {
    asOf: query.asOf,
    unit: query.unit,
    scale: SCORE_LABELS,
    periods: periods.map((period, i) => ({
      period: period.key,
      start: period.start,
      end: earlierDate(query.asOf, period.end),
      isComplete: query.asOf >= period.end,
      demands: (assessed[i] ?? []).map((a) => {
        const override = overrideOf(a);
        const isOverrideStale = override !== null && override.computedScore !== a.computed.score;
        return { ...a, override, isOverrideStale };
      }),
    })),
  };
}

export interface OverrideInput {
  demandId: string;
  period: string;
  score: string;
  reason: string;
  author: string;
  asOf: string;
}

/** Validates and stores an override; the period's computed assessment is brought up to date first. */
export async function overrideDemand(
  db: Db,
  profile: Profile,
  input: OverrideInput,
): Promise<{ override: AssessmentRow; computed: DemandAssessment }> {
  const demand = profile.demands.find((d) => d.id === input.demandId);
  if (demand === undefined) {
    const known = profile.demands.map((d) => d.id).join(", ");
    throw new AppError(
      "NOT_FOUND",
      `no demand "${input.demandId}" in profile ${profile.id} (${known})`,
    );
  }
  const period = parsePeriodKey(input.period);
  if (period === null || (period.unit !== "month" && period.unit !== "quarter")) {
    throw new AppError(
      "INVALID_INPUT",
      `period "${input.period}" is not a month (2026-03) or a quarter (2026-Q1)`,
    );
  }
  if (period.start > input.asOf) {
    throw new AppError("INVALID_INPUT", `period ${period.key} has not started by ${input.asOf}`);
  }
  if (!/^[0-3]$/.test(input.score.trim())) {
    throw new AppError("INVALID_INPUT", `score "${input.score}" is not 0, 1, 2 or 3`);
  }
  const reason = input.reason.trim();
  if (reason === "") throw new AppError("INVALID_INPUT", "--reason TEXT is required: say why");
  const author = input.author.trim();
  if (author === "") throw new AppError("INVALID_INPUT", "--author must not be empty");
  const [assessed = []] = await assessPeriods(db, profile, [period], input.asOf);
  const computed = assessed.find((a) => a.demandId === demand.id);
  if (computed === undefined)
    throw new AppError("INTERNAL", `demand ${demand.id} was not assessed`);
  // The override and its audit entry are written together (issue 7: every override is audited).
  const override = await db.transaction(async (tx) => {
    const row = await saveOverride(tx, {
      demandId: demand.id,
      period: period.key,
      score: Number(input.score),
      computedScore: computed.computed.score,
      reason,
      author,
    });
    await appendAudit(tx, {
      actor: author,
      action: "demand.overridden",
      object: { type: "demand_assessment", id: String(row.id) },
      change: {
        demandId: row.demandId,
        period: row.period,
        score: row.score,
        computedScore: row.computedScore,
        reason,
      },
    });
    return row;
  });
  return { override, computed };
}
