import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import multipart from "@fastify/multipart";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { loadGazetteer } from "../app/gazetteer.ts";
import { createRejectSink, importPath, type RejectSink } from "../app/import.ts";
import {
  type Coder,
  createCoder,
  DEFAULT_MAX_BYTES,
  isRecordable,
  prepareText,
  sha256Hex,
  toSourceRecords,
} from "../coding/index.ts";
import { AppError } from "../domain/errors.ts";
import { createResolver, type ProfileResolver } from "../domain/profile/index.ts";
import { detectFileDataset, type FileKind } from "../ingest/index.ts";
import type { Db } from "../store/db.ts";
import { hasEventsFrom } from "../store/event-list.ts";
import { type ImportItem, importFile } from "../store/importer.ts";
import type { AppDeps } from "./deps.ts";
import { errorSchema, isoDate, jsonSchema } from "./schemas.ts";
import { emptyQuerySchema } from "./schemas-analysis.ts";
import { parse, queryDoc } from "./validate.ts";

export interface DataDeps extends AppDeps {
  /** The GeoNames extract the coder places events with; without it no place is coded. */
  gazetteerDir?: string | null;
  /** Largest upload accepted, in bytes (default 1 GiB). */
  maxUploadBytes?: number;
}

const UPLOAD_DATASETS = ["auto", "acled", "ucdp", "gdelt"] as const;

const uploadFieldsSchema = z.strictObject({
  dataset: z.enum(UPLOAD_DATASETS).default("auto"),
  skipBad: z
    .enum(["true", "false", "on"])
    .transform((v) => v !== "false")
    .default(false),
});

export const codeBodySchema = z.strictObject({
  text: z.string().min(1, "must not be empty").max(DEFAULT_MAX_BYTES),
  date: isoDate.optional(),
  /** A name for the text in the store (the article's title or address). */
  name: z.string().min(1).max(300).optional(),
  store: z.boolean().default(false),
});

const jobParamsSchema = z.strictObject({ id: z.string().regex(/^\d+$/, "must be a job id") });

type JobState = "running" | "done" | "failed";

interface ImportJob {
  id: string;
  file: string;
  dataset: FileKind;
  state: JobState;
  progress: { rows: number; bytesRead: number; totalBytes: number };
  result: Awaited<ReturnType<typeof importPath>> | null;
  error: { code: string; message: string } | null;
  rejects: { count: number; path: string } | null;
  dir: string;
}

/** Finished jobs kept for their summaries and rejected rows. */
const KEPT_JOBS = 20;

// Documents of the POST routes (kept out of the route literals, whose type Fastify checks
// without @fastify/swagger's additions when the dashboard's compiler reads this file).
const IMPORT_DOC = {
  summary:
    "upload an ACLED, UCDP or GDELT file (multipart: dataset, skipBad, file); it is imported in the background",
  consumes: ["multipart/form-data"],
  body: {
    type: "object",
    required: ["file"],
    properties: {
      dataset: { type: "string", enum: [...UPLOAD_DATASETS], default: "auto" },
      skipBad: { type: "string", enum: ["true", "false"], default: "false" },
      file: { type: "string", format: "binary" },
    },
  },
  response: {
    202: { description: "the import job", type: "object", additionalProperties: true },
    400: jsonSchema(errorSchema, "output"),
    409: jsonSchema(errorSchema, "output"),
  },
};

const CODE_DOC = {
  summary:
    "code an article's text into events (a preview), and store the dated ones with store: true",
  body: jsonSchema(codeBodySchema),
  response: { 400: jsonSchema(errorSchema, "output") },
};

/** The OpenAPI part of a route with path parameters. */
function doc(summary: string, params: z.ZodType) {
  return {
    summary,
    params: jsonSchema(params),
    response: { 404: jsonSchema(errorSchema, "output") },
  };
}

/** An upload's job as `GET /api/import/:id` shows it. */
export type ImportJobView = ReturnType<typeof jobView>;

function jobView(job: ImportJob) {
  const { dir: _dir, rejects, ...rest } = job;
  return {
    ...rest,
    rejects:
      rejects === null || rejects.count === 0
        ? null
        : { count: rejects.count, url: `/api/import/${job.id}/rejects.csv` },
  };
}

/**
 * Codes one text; with `store`, its dated events are saved as source records of dataset
 * "text", keyed by the text's sha256 (the same text stored again changes nothing).
 */
async function codeArticle(
  body: z.output<typeof codeBodySchema>,
  context: { db: Db; coder: Coder; resolver: ProfileResolver; hasGazetteer: boolean },
) {
  const { text, format } = prepareText(body.text, { source: "text" });
  const result = context.coder.code(text, { articleDate: body.date });
  const records = toSourceRecords(result, { resolver: context.resolver });
  const sha256 = sha256Hex(text);
  let stored: {
    alreadyStored: boolean;
    stored: number;
    updated: number;
    unchanged: number;
  } | null = null;
  if (body.store && records.length > 0) {
    async function* items(): AsyncIterable<ImportItem> {
      for (const record of records) yield { kind: "record", record, inRegion: true };
    }
    const name = body.name ?? `pasted article ${sha256.slice(0, 12)}`;
    const r = await importFile(context.db, { dataset: "text", name, sha256, bytes: 0 }, items());
    stored = {
      alreadyStored: r.alreadyImported,
      stored: r.stored,
      updated: r.updated,
      unchanged: r.unchanged,
    };
  }
  return {
    sha256,
    format,
    language: result.language,
    notCoded: result.notCoded ?? null,
    hasGazetteer: context.hasGazetteer,
    events: result.events.map((e) => ({ ...e, isRecordable: isRecordable(e) })),
    claims: result.claims,
    questions: result.questions,
    recordable: records.length,
    stored,
  };
}
export type CodeResponse = Awaited<ReturnType<typeof codeArticle>>;

/** A file name safe to keep on disk; the extension and a GDELT slot in the name survive. */
function safeName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const clean = base.replace(/[^A-Za-z0-9._-]+/g, "_").replace(/^\.+/, "");
  return clean === "" ? "upload.csv" : clean.slice(0, 200);
}

/**
 * Adding data from the dashboard: `POST /api/import` (a file, streamed to disk, imported in the
 * background as `frontier import` does; its progress, summary and rejected rows by job id),
 * `POST /api/code` (an article coded into events, previewed or stored) and
 * `GET /api/simulated` (whether synthetic events are stored, for the dashboard's badge).
 */
export function registerDataRoutes(app: FastifyInstance, deps: DataDeps) {
  const jobs = new Map<string, ImportJob>();
  let nextId = 1;
  let tempRoot: string | null = null;
  let coder: Promise<Coder> | null = null;
  const resolver = createResolver(deps.profile);

  const getCoder = () => {
    coder ??= (async () => {
      const gazetteer =
        deps.gazetteerDir === undefined || deps.gazetteerDir === null
          ? null
          : await loadGazetteer(deps.gazetteerDir, { profile: deps.profile, resolver });
      return createCoder({ profile: deps.profile, resolver, gazetteer, classifier: null });
    })();
    return coder;
  };

  const forget = async () => {
    const finished = [...jobs.values()].filter((j) => j.state !== "running");
    for (const job of finished.slice(0, Math.max(0, finished.length - KEPT_JOBS))) {
      jobs.delete(job.id);
      await rm(job.dir, { recursive: true, force: true });
    }
  };

  const run = async (job: ImportJob, path: string, skipBad: boolean) => {
    let sink: RejectSink | undefined;
    try {
      sink = skipBad ? createRejectSink(join(job.dir, "rejects.csv")) : undefined;
      job.result = await importPath(deps.db, job.dataset, path, {
        profile: deps.profile,
        resolver,
        rejects: sink,
        onProgress: (rows, bytesRead, totalBytes) => {
          job.progress = { rows, bytesRead, totalBytes };
        },
      });
      job.state = "done";
    } catch (error) {
      job.state = "failed";
      job.error = {
        code: error instanceof AppError ? error.code : "INTERNAL",
        message: error instanceof AppError ? error.message : "the import failed",
      };
      if (!(error instanceof AppError)) app.log.error(error);
    } finally {
      await sink?.close();
      if (sink !== undefined)
        job.rejects = { count: sink.count, path: join(job.dir, "rejects.csv") };
      await rm(path, { force: true });
      await forget();
    }
  };

  app.addHook("onClose", async () => {
    if (tempRoot !== null) await rm(tempRoot, { recursive: true, force: true });
  });

  app.register(async (scope) => {
    await scope.register(multipart, {
      limits: { files: 1, fileSize: deps.maxUploadBytes ?? 1024 ** 3, fields: 4 },
    });

    scope.post(
      "/api/import",
      {
        schema: IMPORT_DOC,
      },
      async (request, reply) => {
        if (!request.isMultipart()) {
          throw new AppError("INVALID_INPUT", "send the file as multipart/form-data");
        }
        if ([...jobs.values()].some((j) => j.state === "running")) {
          throw new AppError("CONFLICT", "an import is running: wait for it to finish");
        }
        tempRoot ??= await mkdtemp(join(tmpdir(), "frontier-upload-"));
        const id = String(nextId++);
        const dir = join(tempRoot, id);
        await mkdir(dir);
        const fields: Record<string, string> = {};
        let path: string | null = null;
        let name = "";
        try {
          for await (const part of request.parts()) {
            if (part.type === "field") {
              fields[part.fieldname] = String(part.value);
              continue;
            }
            if (path !== null) throw new AppError("INVALID_INPUT", "send one file at a time");
            name = safeName(part.filename);
            path = join(dir, name);
            await pipeline(part.file, createWriteStream(path));
            if (part.file.truncated) {
              throw new AppError(
                "INVALID_INPUT",
                `${part.filename} is larger than the upload limit`,
              );
            }
          }
          if (path === null) throw new AppError("INVALID_INPUT", "file: no file was sent");
          const options = parse(uploadFieldsSchema, fields);
          const detected =
            options.dataset === "auto"
              ? await detectFileDataset(path).catch(() => null)
              : options.dataset;
          if (detected === null) {
            throw new AppError(
              "INVALID_INPUT",
              `dataset: cannot tell what ${name} is from its header; choose ACLED, UCDP or GDELT`,
            );
          }
          const job: ImportJob = {
            id,
            file: name,
            dataset: detected,
            state: "running",
            progress: { rows: 0, bytesRead: 0, totalBytes: 0 },
            result: null,
            error: null,
            rejects: null,
            dir,
          };
          jobs.set(id, job);
          void run(job, path, options.skipBad);
          return reply.status(202).send(jobView(job));
        } catch (error) {
          if (!jobs.has(id)) await rm(dir, { recursive: true, force: true });
          throw error;
        }
      },
    );
  });

  app.get(
    "/api/import/:id",
    { schema: doc("an upload's import: progress, then its summary or its error", jobParamsSchema) },
    async (request) => {
      const { id } = parse(jobParamsSchema, request.params);
      const job = jobs.get(id);
      if (job === undefined)
        throw new AppError("NOT_FOUND", `no import ${id} (jobs are kept until the server stops)`);
      return jobView(job);
    },
  );

  app.get(
    "/api/import/:id/rejects.csv",
    {
      schema: doc(
        "the rows an upload's import rejected (file, line, field, value, reason)",
        jobParamsSchema,
      ),
    },
    async (request, reply) => {
      const { id } = parse(jobParamsSchema, request.params);
      const job = jobs.get(id);
      if (job?.rejects === null || job?.rejects === undefined || job.state === "running") {
        throw new AppError("NOT_FOUND", `import ${id} has no rejected rows`);
      }
      reply
        .header("content-type", "text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="rejects-${job.file}.csv"`);
      return reply.send(createReadStream(job.rejects.path));
    },
  );

  app.post(
    "/api/code",
    {
      schema: CODE_DOC,
    },
    async (request) => {
      const body = parse(codeBodySchema, request.body);
      return codeArticle(body, {
        db: deps.db,
        coder: await getCoder(),
        resolver,
        hasGazetteer: deps.gazetteerDir !== undefined && deps.gazetteerDir !== null,
      });
    },
  );

  app.get(
    "/api/simulated",
    { schema: queryDoc(emptyQuerySchema, "whether the store holds simulated (synthetic) events") },
    async () => {
      return { present: await hasEventsFrom(deps.db, "sim") };
    },
  );
}
