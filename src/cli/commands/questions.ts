import type { Command } from "commander";
import { z } from "zod";
import { type CalibrationBin, describeMethod } from "../../analysis/forecast/index.ts";
import { type EventRef, formatEventRef } from "../../analysis/index.ts";
import {
  listQuestionViews,
  parseQuestion,
  type QuestionView,
  refreshQuestions,
} from "../../app/questions.ts";
import { AppError } from "../../domain/errors.ts";
import type { Sql } from "../../store/db.ts";
import { insertQuestion } from "../../store/forecast-queries.ts";
import { type Io, printJson, requireOptions, withStore } from "../context.ts";
import { ensureProfile } from "../profile-file.ts";
import { parseFlags } from "./forecast.ts";

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
      requireOptions(command, ["text", "pattern", "count", "windowDays", "horizonDays"]);
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
