import type { Command } from "commander";
import { z } from "zod";
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
  describeMethod,
  type MatchedEvent,
  type QuestionScore,
  questionProbability,
  resolveQuestion,
  scoredPairs,
  scoreQuestion,
} from "../../analysis/forecast/index.ts";
import { type EventRef, eventRef, formatEventRef } from "../../analysis/index.ts";
import { AppError } from "../../domain/errors.ts";
import {
  createResolver,
  type Profile,
  type ProfileResolver,
  parseProfile,
  type WatchQuestion,
} from "../../domain/profile/index.ts";
import type { Sql } from "../../store/db.ts";
import {
  coverageSpans,
  insertQuestion,
  listQuestions,
  questionForecasts,
  type StoredForecast,
  type StoredQuestion,
  saveForecasts,
  saveResolution,
} from "../../store/forecast-queries.ts";
import { loadEvents } from "../../store/queries/index.ts";
import { type Io, printJson, withStore } from "../context.ts";
import { ensureProfile } from "../profile-file.ts";
import { parseFlags } from "./forecast.ts";

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

function formatProbability(view: QuestionView): string {
  if (view.status !== "open") {
    return `resolved ${view.status === "resolved_yes" ? "yes" : "no"} on ${view.resolvedOn}`;
  }
  const latest = view.history.at(-1);
  if (view.probability === null || latest === undefined) return "no probability yet (no data)";
  const how = describeMethod(view.method ?? "", view.methodDetails ?? {});
  const p = view.probability < 0.01 ? view.probability.toFixed(3) : view.probability.toFixed(2);
  return `probability ${p} (${how}; data to ${latest.dataEnd})`;
}

/** The events stored with a yes resolution (`saveResolution` details), for citing them. */
function resolutionEvents(view: QuestionView): EventRef[] {
  const resolution = view.resolution;
  if (typeof resolution !== "object" || resolution === null || !("events" in resolution)) return [];
  return Array.isArray(resolution.events) ? (resolution.events as EventRef[]) : [];
}

function formatQuestion(view: QuestionView): string[] {
  const lines = [
    `${view.id} [${view.status}] ${view.opensOn} … ${view.closesOn}`,
    `  ${view.text}`,
    `  ${formatProbability(view)}`,
    ...resolutionEvents(view).map((ref) => `    ${formatEventRef(ref)}`),
  ];
  const { score, history } = view;
  if (score) {
    const last = score.lastBrier.toFixed(3);
    lines.push(
      `  Brier ${score.brier.toFixed(3)} over ${score.forecasts} forecasts (last ${last})`,
    );
  }
  const past = history.map((h) => `${h.dataEnd} ${h.probability.toFixed(2)}`);
  if (past.length > 1) lines.push(`  history (data to → p): ${past.join(", ")}`);
  return lines;
}

export function formatQuestions(
  questions: readonly QuestionView[],
  calibration: CalibrationBin[],
): string {
  const lines = questions.flatMap((view) => [...formatQuestion(view), ""]);
  const scored = calibration.filter((b) => b.n > 0);
  lines.push(
    scored.length === 0
      ? "calibration: no resolved question has a forecast from before its resolution yet"
      : "calibration (forecasts of resolved questions): bin  n  mean p  observed",
    ...scored.map(
      (b) =>
        `  ${b.from.toFixed(1)}–${b.to.toFixed(1)}  ${b.n}  ${b.meanProbability?.toFixed(2)}  ${b.observedRate?.toFixed(2)}`,
    ),
  );
  return lines.join("\n");
}

const seed = z.coerce.number().int().min(0).default(1);
const listFlagsSchema = z.object({
  refresh: z.boolean().default(true),
  seed,
  json: z.boolean().optional(),
});

const addFlagsSchema = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, "must be lowercase letters, digits and dashes")
    .optional(),
  text: z.string().trim().min(1, "must not be empty"),
  pattern: z.string().transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      ctx.addIssue({
        code: "custom",
        message: `is not JSON: ${error instanceof Error ? error.message : error}`,
      });
      return z.NEVER;
    }
  }),
  count: z.coerce.number().int().min(1),
  windowDays: z.coerce.number().int().min(1),
  horizonDays: z.coerce.number().int().min(1),
  opens: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date written YYYY-MM-DD")
    .optional(),
  seed,
  json: z.boolean().optional(),
});
type AddFlags = z.output<typeof addFlagsSchema>;

/** Adds a question checked against the profile, then refreshes; returns its id. */
async function addQuestion(db: Sql, flags: AddFlags): Promise<string> {
  const profile = await ensureProfile(db);
  const id =
    flags.id ??
    (flags.text.toLowerCase().match(/[a-z0-9]+/g) ?? ["question"]).join("-").slice(0, 48);
  const rule = { pattern: flags.pattern, count: flags.count, windowDays: flags.windowDays };
  const question = parseQuestion(
    profile,
    { id, text: flags.text, rule, horizonDays: flags.horizonDays },
    "questions add",
  );
  // The CLI is the edge where "today" may be read; the analysis only ever gets it passed in.
  const opensOn = flags.opens ?? new Date().toISOString().slice(0, 10);
  const added = await insertQuestion(db, { ...question, opensOn, createdBy: "cli" });
  if (!added)
    throw new AppError(
      "CONFLICT",
      `a watch question with id "${id}" exists; choose another with --id`,
    );
  await refreshQuestions(db, profile, { seed: flags.seed });
  return id;
}

export function registerQuestions(program: Command, io: Io): void {
  const questions = program
    .command("questions")
    .description("watch questions: probability, history, resolution and Brier score")
    .option("--no-refresh", "list without resolving or re-forecasting first")
    .option("--seed <n>", "random seed for the probabilities", "1")
    .option("--json", "print machine-readable JSON")
    .action(async (raw: Record<string, unknown>, command: Command) => {
      const flags = parseFlags(listFlagsSchema, raw);
      const result = await withStore(command, io, async (db) => {
        const refreshed = flags.refresh
          ? await refreshQuestions(db, await ensureProfile(db), flags)
          : null;
        return { refreshed, ...(await listQuestionViews(db)) };
      });
      if (flags.json) printJson(io, result);
      else io.out(formatQuestions(result.questions, result.calibration));
      for (const [id, reason] of Object.entries(result.refreshed?.errors ?? {}))
        io.err(`warning: ${id}: ${reason}`);
    });
  questions
    .command("add")
    .description("add a watch question resolved by an event pattern, a count and a window")
    .option("--text <text>", "the question")
    .option(
      "--pattern <json>",
      `event pattern as in the profile, e.g. '{"category":"ASSAULT","country":"PAK"}'`,
    )
    .option("--count <n>", "matching events needed")
    .option("--window-days <d>", "within this many days")
    .option("--horizon-days <h>", "days from opening until the question closes")
    .option("--id <id>", "question id (default: from the text)")
    .option("--opens <YYYY-MM-DD>", "first day of the horizon (default: today)")
    .option("--seed <n>", "random seed for the probability", "1")
    .option("--json", "print machine-readable JSON")
    .action(async (_: unknown, command: Command) => {
      // Checked here, not with requiredOption, so an unknown flag is reported first.
      const given = command.opts<Record<string, unknown>>();
      for (const flag of ["text", "pattern", "count", "windowDays", "horizonDays"]) {
        if (given[flag] !== undefined) continue;
        const name = flag.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
        command.error(`error: required option '--${name}' not specified`, { exitCode: 2 });
      }
      // `questions` has --json and --seed too, and commander gives them to the parent.
      const flags = parseFlags(addFlagsSchema, command.optsWithGlobals());
      const added = await withStore(command, io, async (db) => {
        const id = await addQuestion(db, flags);
        return (await listQuestionViews(db)).questions.filter((q) => q.id === id);
      });
      if (flags.json) printJson(io, added[0] ?? null);
      else io.out(added.flatMap(formatQuestion).join("\n"));
    });
}
