/**
 * Watch questions as the application uses them: refreshed after imports (probability, resolution),
 * listed with their history for the CLI, the API and briefs.
 */
import {
  type CalibrationBin,
  calibrationTable,
  closesOn,
  coverageEnd,
  coveredDays,
  type DayRange,
  dateOfDay,
  dayNumber,
  deriveSeed,
  type MatchedEvent,
  type QuestionScore,
  questionProbability,
  resolveQuestion,
  scoredPairs,
  scoreQuestion,
} from "../analysis/forecast/index.ts";
import { type EventRef, eventRef } from "../analysis/index.ts";
import { AppError } from "../domain/errors.ts";
import {
  createResolver,
  type Profile,
  type ProfileResolver,
  parseProfile,
  type WatchQuestion,
} from "../domain/profile/index.ts";
import type { Sql } from "../store/db.ts";
import {
  coverageSpans,
  listQuestions,
  questionForecasts,
  type StoredForecast,
  type StoredQuestion,
  saveForecasts,
  saveResolution,
} from "../store/forecast-queries.ts";
import { loadEvents } from "../store/queries/index.ts";

/** A stored question's rule checked against the profile (actor ids must still exist). */
export function parseQuestion(
  profile: Profile,
  question: { id: string; text: string; rule: unknown; horizonDays: number },
  source: string,
): WatchQuestion {
  const { id, text, rule, horizonDays } = question;
  const body = JSON.stringify({ ...profile, watchQuestions: [{ id, text, rule, horizonDays }] });
  const [parsed] = parseProfile(body, { source, format: "json" }).watchQuestions;
  if (parsed === undefined) throw new AppError("INTERNAL", `${source}: lost in parsing`);
  return parsed;
}

interface DataReach {
  dataEnd: string;
  covered: DayRange[];
}

async function matchingEvents(
  db: Sql,
  question: WatchQuestion,
  reach: DataReach,
  resolver: ProfileResolver,
): Promise<{ matches: MatchedEvent[]; refs: Map<number, EventRef> }> {
  const first = reach.covered[0];
  const pattern = question.rule.pattern;
  const events = await loadEvents(db, {
    from: first ? dateOfDay(first.first) : reach.dataEnd,
    to: reach.dataEnd,
    categories: pattern.category ?? null,
    countries: pattern.country ?? null,
  });
  const matched = events.filter((e) => resolver.matches(e, pattern));
  return {
    matches: matched.map((e) => ({ id: e.id, date: e.dateStart })),
    refs: new Map(matched.map((e) => [e.id, eventRef(e)])),
  };
}

export interface RefreshResult {
  dataEnd: string | null;
  resolved: string[];
  forecasts: number;
  /** Questions whose stored rule no longer fits the profile, with the reason. */
  errors: Record<string, string>;
}

/** Resolves or re-forecasts one open question; returns what it stored. */
async function refreshQuestion(
  db: Sql,
  stored: StoredQuestion,
  context: {
    profile: Profile;
    resolver: ProfileResolver;
    reach: DataReach;
    seed: number;
    last: StoredForecast | undefined;
  },
): Promise<"resolved" | "forecast" | "unchanged"> {
  const question = parseQuestion(context.profile, stored, `watch question "${stored.id}"`);
  const { dataEnd, covered } = context.reach;
  const { matches, refs } = await matchingEvents(db, question, context.reach, context.resolver);
  const terms = { rule: question.rule, opensOn: stored.opensOn, horizonDays: stored.horizonDays };
  const resolution = resolveQuestion(terms, matches, dataEnd);
  if (resolution.status !== "open") {
    const ids = resolution.status === "resolved_yes" ? resolution.eventIds : [];
    const events = ids.flatMap((id) => refs.get(id) ?? []);
    await saveResolution(db, stored.id, {
      status: resolution.status,
      resolvedOn: resolution.resolvedOn,
      details: { dataEnd, events },
    });
    return "resolved";
  }
  const seed = deriveSeed(context.seed, stored.id, dataEnd);
  const fingerprint = `${dataEnd}|${matches.length}|${matches.at(-1)?.date}|${context.seed}`;
  if (context.last?.details.fingerprint === fingerprint) return "unchanged";
  const p = questionProbability(terms, matches, { dataEnd, covered, seed });
  await saveForecasts(db, [
    {
      questionId: stored.id,
      target: `question:${stored.id}`,
      model: p.method,
      horizonDays: Math.max(0, dayNumber(closesOn(terms)) - dayNumber(dataEnd)),
      probability: p.probability,
      point: null,
      quantiles: null,
      details: { dataEnd, matches: matches.length, fingerprint, ...p.details },
    },
  ]);
  return "forecast";
}

/**
 * Brings every open question up to date with the stored data: resolves those the data decide
 * and stores a new probability for the rest when the data changed since the last one. Run it
 * after each import; running it twice on the same data stores nothing the second time.
 */
export async function refreshQuestions(
  db: Sql,
  profile: Profile,
  options: { seed: number },
): Promise<RefreshResult> {
  const spans = await coverageSpans(db, {});
  const dataEnd = coverageEnd(spans);
  const result: RefreshResult = { dataEnd, resolved: [], forecasts: 0, errors: {} };
  if (dataEnd === null) return result;
  const reach = { dataEnd, covered: coveredDays(spans) };
  const resolver = createResolver(profile);
  const open = (await listQuestions(db)).filter((q) => q.status === "open");
  const history = await questionForecasts(
    db,
    open.map((q) => q.id),
  );
  for (const stored of open) {
    const last = history.filter((f) => f.questionId === stored.id).at(-1);
    try {
      const context = { profile, resolver, reach, seed: options.seed, last };
      const outcome = await refreshQuestion(db, stored, context);
      if (outcome === "resolved") result.resolved.push(stored.id);
      if (outcome === "forecast") result.forecasts++;
    } catch (error) {
      result.errors[stored.id] = error instanceof Error ? error.message : String(error);
    }
  }
  return result;
}

export interface QuestionView {
  id: string;
  text: string;
  status: StoredQuestion["status"];
  opensOn: string;
  closesOn: string;
  horizonDays: number;
  rule: unknown;
  createdBy: string;
  /** The latest probability; 1 or 0 once resolved. */
  probability: number | null;
  method: string | null;
  /** How the latest probability was reached (fit window and parameters, or windows counted). */
  methodDetails: Record<string, unknown> | null;
  history: { issuedAt: string; dataEnd: string; probability: number; method: string }[];
  resolvedOn: string | null;
  resolution: unknown;
  score: QuestionScore | null;
}

function viewOf(question: StoredQuestion, forecasts: readonly StoredForecast[]): QuestionView {
  const history = forecasts.flatMap((f) => {
    const dataEnd = f.details.dataEnd;
    return typeof dataEnd === "string" && f.probability !== null
      ? [{ issuedAt: f.issuedAt, dataEnd, probability: f.probability, method: f.model }]
      : [];
  });
  const { status, resolvedOn } = question;
  const latest = history.at(-1);
  const resolved = status === "open" ? null : status === "resolved_yes" ? 1 : 0;
  return {
    id: question.id,
    text: question.text,
    status,
    opensOn: question.opensOn,
    closesOn: closesOn(question),
    horizonDays: question.horizonDays,
    rule: question.rule,
    createdBy: question.createdBy,
    probability: resolved ?? latest?.probability ?? null,
    method: resolved === null ? (latest?.method ?? null) : "resolved",
    methodDetails: resolved === null ? (forecasts.at(-1)?.details ?? null) : null,
    history,
    resolvedOn,
    resolution: question.resolution,
    score: scoreQuestion({ status, resolvedOn, history }),
  };
}

/** Every question with its history and score, and the calibration of resolved questions. */
export async function listQuestionViews(
  db: Sql,
): Promise<{ questions: QuestionView[]; calibration: CalibrationBin[] }> {
  const questions = await listQuestions(db);
  const forecasts = await questionForecasts(
    db,
    questions.map((q) => q.id),
  );
  const views = questions.map((q) =>
    viewOf(
      q,
      forecasts.filter((f) => f.questionId === q.id),
    ),
  );
  return { questions: views, calibration: calibrationTable(views.flatMap(scoredPairs)) };
}
