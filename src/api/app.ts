import { Readable } from "node:stream";
import swagger from "@fastify/swagger";
import Fastify, { type FastifyInstance } from "fastify";
import { ZodError } from "zod";
import { csvField } from "../domain/csv.ts";
import { isAppError } from "../domain/errors.ts";
import type { Db } from "../store/db.ts";
import { EVENT_COLUMNS, type EventFilter, type EventRow, listEvents } from "../store/event-list.ts";
import { readStatus } from "../store/status.ts";
import type { AppDeps } from "./deps.ts";
import { registerAnalysisRoutes } from "./routes-analysis.ts";
import { registerBriefRoutes } from "./routes-brief.ts";
import { registerDataRoutes } from "./routes-data.ts";
import { registerMetaRoutes } from "./routes-meta.ts";
import { registerStaticRoutes } from "./routes-static.ts";
import { registerVerifyRoutes } from "./routes-verify.ts";
import { errorSchema, eventQuerySchema, jsonSchema, toEventFilter } from "./schemas.ts";
import { parse } from "./validate.ts";

export type { AppDeps } from "./deps.ts";

function toCursor(value: string | undefined) {
  if (!value) return undefined;
  const [date = "", id = "0"] = value.split("_");
  return { date, id: Number(id) };
}

/**
 * Every row of a filtered view, page by page, so an export never holds the whole table. The
 * exports below write one chunk per page: a chunk per row cost a stream write (and an HTTP
 * chunk) per event.
 */
async function* eventPages(db: Db, filter: EventFilter): AsyncGenerator<EventRow[]> {
  let cursor: { date: string; id: number } | undefined;
  for (;;) {
    const page = await listEvents(db, filter, { limit: 5000, cursor });
    yield page.items;
    if (!page.next) return;
    cursor = page.next;
  }
}

async function* csvChunks(pages: AsyncIterable<EventRow[]>): AsyncGenerator<string> {
  yield `${EVENT_COLUMNS.join(",")}\r\n`;
  for await (const rows of pages) {
    if (rows.length === 0) continue;
    yield rows.map((row) => `${EVENT_COLUMNS.map((c) => csvField(row[c])).join(",")}\r\n`).join("");
  }
}

const PROPERTY_COLUMNS = EVENT_COLUMNS.filter((c) => c !== "lat" && c !== "lon");

async function* geojsonChunks(pages: AsyncIterable<EventRow[]>): AsyncGenerator<string> {
  yield '{"type":"FeatureCollection","features":[';
  let first = true;
  for await (const rows of pages) {
    const features = rows.map((row) => {
      const properties = Object.fromEntries(PROPERTY_COLUMNS.map((c) => [c, row[c]]));
      const geometry =
        row.lat === null || row.lon === null
          ? null
          : { type: "Point", coordinates: [row.lon, row.lat] };
      return JSON.stringify({ type: "Feature", id: row.id, geometry, properties });
    });
    if (features.length === 0) continue;
    yield `${first ? "" : ","}${features.join(",")}`;
    first = false;
  }
  yield "]}";
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({ logger: deps.logger ?? false });
  await app.register(swagger, {
    openapi: {
      info: { title: "Frontier Watch API", version: "0.1.0" },
    },
  });
  // Route schemas are for the OpenAPI document; zod validates (the same schemas), so Fastify's
  // own validator must neither coerce nor strip unknown keys before zod sees the request.
  app.setValidatorCompiler(() => (value) => ({ value }));
  app.setErrorHandler((error, _request, reply) => {
    if (isAppError(error)) {
      return reply.status(error.status).send({ code: error.code, message: error.message });
    }
    if (error instanceof ZodError) {
      return reply.status(400).send({ code: "INVALID_INPUT", message: error.message });
    }
    const status = (error as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500) {
      return reply
        .status(status)
        .send({ code: "INVALID_INPUT", message: (error as Error).message });
    }
    app.log.error(error);
    return reply.status(500).send({ code: "INTERNAL", message: "internal error" });
  });

  const eventsDoc = {
    querystring: jsonSchema(eventQuerySchema),
    response: { 400: jsonSchema(errorSchema, "output") },
  };

  app.get("/api/status", async () => readStatus(deps.db));

  app.get("/api/events", { schema: eventsDoc }, async (request) => {
    const q = parse(eventQuerySchema, request.query);
    const page = await listEvents(deps.db, toEventFilter(q), {
      limit: q.limit,
      cursor: toCursor(q.cursor),
    });
    return {
      items: page.items,
      nextCursor: page.next ? `${page.next.date}_${page.next.id}` : null,
    };
  });

  app.get("/api/events.csv", { schema: eventsDoc }, async (request, reply) => {
    const q = parse(eventQuerySchema, request.query);
    reply
      .header("content-type", "text/csv; charset=utf-8")
      .header("content-disposition", 'attachment; filename="events.csv"');
    return reply.send(Readable.from(csvChunks(eventPages(deps.db, toEventFilter(q)))));
  });

  app.get("/api/events.geojson", { schema: eventsDoc }, async (request, reply) => {
    const q = parse(eventQuerySchema, request.query);
    reply.header("content-type", "application/geo+json");
    return reply.send(Readable.from(geojsonChunks(eventPages(deps.db, toEventFilter(q)))));
  });

  app.get("/api/profile", async () => ({
    id: deps.profile.id,
    name: deps.profile.name,
    parties: deps.profile.parties,
    demands: deps.profile.demands.map((d) => ({ id: d.id, title: d.title, by: d.by, of: d.of })),
    watchQuestions: deps.profile.watchQuestions.map((q) => ({ id: q.id, text: q.text })),
  }));

  const today = deps.today ?? (() => new Date().toISOString().slice(0, 10));
  registerAnalysisRoutes(app, deps, today);
  registerMetaRoutes(app, deps, today);
  registerVerifyRoutes(app, deps);
  registerBriefRoutes(app, deps, today);
  registerDataRoutes(app, deps);
  app.get("/openapi.json", { schema: { hide: true } }, async () => app.swagger());
  registerStaticRoutes(app, { webDir: deps.webDir ?? null, geoDir: deps.geoDir ?? null });
  return app;
}
