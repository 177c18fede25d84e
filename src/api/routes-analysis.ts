import type { FastifyInstance } from "fastify";
import { computeDemands } from "../app/demands.ts";
import { runEscalation } from "../app/escalation.ts";
import { CROSS_BORDER_GROUP, computeTrends } from "../app/trends.ts";
import { listAlerts } from "../store/queries/index.ts";
import type { AppDeps } from "./deps.ts";
import {
  alertsQuerySchema,
  crossBorderQuerySchema,
  demandsQuerySchema,
  escalationQuerySchema,
  trendsQuerySchema,
} from "./schemas-analysis.ts";
import { parse, queryDoc } from "./validate.ts";

/** The escalation run with the ladder and thresholds it is read against. */
export async function readEscalation(
  deps: AppDeps,
  options: { asOf: string; days: number; explain?: boolean },
) {
  const run = await runEscalation(deps.db, deps.profile, { ...options, webhook: null });
  return {
    ...run,
    ladder: deps.profile.escalationLadder.map(({ rung, id, name }) => ({ rung, id, name })),
    thresholds: deps.profile.thresholds,
  };
}
export type EscalationResponse = Awaited<ReturnType<typeof readEscalation>>;

/**
 * Situation analysis over HTTP: the same functions and results as `frontier trends`,
 * `demands`, `escalation` and `alerts --json`, so the API, the CLI and the dashboard agree.
 */
export function registerAnalysisRoutes(app: FastifyInstance, deps: AppDeps, today: () => string) {
  const { db, profile } = deps;

  app.get(
    "/api/trends",
    { schema: queryDoc(trendsQuerySchema, "events and fatalities per period and group") },
    async (request) => computeTrends(db, profile, parse(trendsQuerySchema, request.query)),
  );

  app.get(
    "/api/crossborder",
    {
      schema: queryDoc(
        crossBorderQuerySchema,
        "cross-border events per period by kind and direction, with the latest ones",
      ),
    },
    async (request) => {
      const query = parse(crossBorderQuerySchema, request.query);
      return computeTrends(db, profile, { ...query, group: CROSS_BORDER_GROUP });
    },
  );

  // Assessing stores the evidence links and computed scores, as `frontier demands` does:
  // both are derived from the events, so repeating a request changes nothing.
  app.get(
    "/api/demands",
    {
      schema: queryDoc(
        demandsQuerySchema,
        "each demand's 0–3 compliance score per period, with its progress and breach evidence",
      ),
    },
    async (request) => {
      const q = parse(demandsQuerySchema, request.query);
      return computeDemands(db, profile, {
        unit: q.unit,
        periods: q.periods,
        asOf: q.asOf ?? today(),
      });
    },
  );

  // Alerts of the window are stored once (as by `frontier escalation`), never POSTed from here.
  app.get(
    "/api/escalation",
    {
      schema: queryDoc(
        escalationQuerySchema,
        "daily escalation index, ladder rungs reached and alerts of the window",
      ),
    },
    async (request) => {
      const q = parse(escalationQuerySchema, request.query);
      return readEscalation(deps, { asOf: q.asOf ?? today(), days: q.days, explain: q.explain });
    },
  );

  app.get(
    "/api/alerts",
    { schema: queryDoc(alertsQuerySchema, "stored escalation alerts, newest first") },
    async (request) => {
      const q = parse(alertsQuerySchema, request.query);
      return { alerts: await listAlerts(db, profile.id, { since: q.since, limit: q.limit }) };
    },
  );
}
