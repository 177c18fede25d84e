import type { FastifyInstance } from "fastify";
import { listQuestionViews } from "../app/questions.ts";
import { PLOVER_CATEGORIES } from "../domain/plover.ts";
import { countEvents } from "../store/event-list.ts";
import { eventDateRange } from "../store/queries/index.ts";
import type { AppDeps } from "./deps.ts";
import { eventQuerySchema, toEventFilter } from "./schemas.ts";
import { emptyQuerySchema } from "./schemas-analysis.ts";
import { parse, queryDoc } from "./validate.ts";

const DATASETS = ["acled", "ucdp", "gdelt"] as const;

/** What the dashboard needs to draw its filters and headings, from the profile and the store. */
export async function readMeta(deps: AppDeps, today: string) {
  const { db, profile } = deps;
  return {
    profile: {
      id: profile.id,
      name: profile.name,
      description: profile.description ?? null,
      parties: profile.parties.map(({ iso3, name }) => ({ iso3, name })),
    },
    actors: profile.actors.map(({ id, name, type, party }) => ({ id, name, type, party })),
    admin1: Object.fromEntries(
      Object.entries(profile.region.admin1).map(([iso3, units]) => [
        iso3,
        units.map((u) => u.name),
      ]),
    ),
    categories: PLOVER_CATEGORIES,
    datasets: DATASETS,
    demands: profile.demands.map(({ id, title, by, of, description }) => ({
      id,
      title,
      by,
      of,
      description,
    })),
    dataRange: await eventDateRange(db),
    today,
  };
}
export type MetaResponse = Awaited<ReturnType<typeof readMeta>>;

/**
 * Watch questions as `frontier questions --json` lists them (status, latest probability,
 * history, Brier score), with the profile's resolution criteria in words.
 */
export async function readQuestions(deps: AppDeps) {
  const { questions, calibration } = await listQuestionViews(deps.db);
  const criteria = new Map(deps.profile.watchQuestions.map((q) => [q.id, q.resolution]));
  return {
    questions: questions.map((q) => ({ ...q, criteria: criteria.get(q.id) ?? null })),
    calibration,
  };
}
export type QuestionsResponse = Awaited<ReturnType<typeof readQuestions>>;

export function registerMetaRoutes(app: FastifyInstance, deps: AppDeps, today: () => string) {
  app.get(
    "/api/meta",
    { schema: queryDoc(emptyQuerySchema, "profile, filter choices and the stored date range") },
    async (request) => {
      parse(emptyQuerySchema, request.query);
      return readMeta(deps, today());
    },
  );

  app.get(
    "/api/events/count",
    { schema: queryDoc(eventQuerySchema, "how many events match the filters of /api/events") },
    async (request) => {
      const q = parse(eventQuerySchema, request.query);
      return { count: await countEvents(deps.db, toEventFilter(q)) };
    },
  );

  app.get(
    "/api/questions",
    {
      schema: queryDoc(
        emptyQuerySchema,
        "watch questions with their status, latest probability and forecast history",
      ),
    },
    async (request) => {
      parse(emptyQuerySchema, request.query);
      return readQuestions(deps);
    },
  );
}
