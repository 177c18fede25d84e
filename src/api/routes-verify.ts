/**
 * The verification mechanism's HTTP API under /api/verify (issue 7). Handlers authenticate
 * (`verify-auth.ts`), parse with zod, call an operation (`src/app/verify.ts`) or a query, and
 * answer through an output schema. A report the caller may not read is answered exactly like
 * a missing one: 404 with the same message.
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import {
  addEvidence,
  applyAction,
  createAccount,
  createToken,
  fileReport,
  mechanismFigures,
  readableReport,
  respondToRequest,
  type VerifyContext,
  verifyContext,
} from "../app/verify.ts";
import { AppError } from "../domain/errors.ts";
import { allAudit, auditOfReport, listAudit } from "../store/audit.ts";
import {
  listAccounts,
  listTokens,
  revokeSession,
  revokeToken,
  setAccountDisabled,
} from "../store/verify-accounts.ts";
import {
  evidenceBytes,
  getEvidence,
  getPublished,
  getReport,
  listEvidence,
  listPublished,
  listReports,
  listRequests,
  type ReportRow,
  type RequestRow,
} from "../store/verify-queries.ts";
import {
  accountView,
  actionSchema,
  auditView,
  canFileReport,
  canManageAccounts,
  canReadAuditLog,
  canReadReport,
  canSeeRequest,
  csrfTokenFor,
  downloadHeaders,
  evidenceView,
  ID_PATTERN,
  isoDate,
  loginSchema,
  MAX_EVIDENCE_BYTES,
  type Member,
  newAccountSchema,
  newReportSchema,
  newTokenSchema,
  publicSummaryView,
  type ReportStatus,
  reportListItem,
  reportQuerySchema,
  reportView,
  requestView,
  responseSchema,
  secretHash,
  tokenView,
  verifyChain,
} from "../verify/index.ts";
import type { AppDeps } from "./deps.ts";
import { errorSchema, jsonSchema } from "./schemas.ts";
import { parse } from "./validate.ts";
import {
  authenticate,
  hasSessionCookie,
  login,
  requireMember,
  sessionCookie,
} from "./verify-auth.ts";

const BASE = "/api/verify";

const idParams = z.object({ id: z.string().max(100) });
const asOfQuery = z.strictObject({ asOf: isoDate.optional() });
const auditQuery = z.strictObject({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
const evidenceQuery = z.strictObject({ filename: z.string().min(1).max(1000) });

function idOf(request: FastifyRequest): string {
  return parse(idParams, request.params).id;
}

const fullView = (r: ReportRow) =>
  reportView.parse({ ...r, filer: r.filerName, recipients: r.recipientNames });

/**
 * A request as its viewer sees it: the report's id only for the report's readers, and whether
 * answers are still taken (what a late answer's 409 would say, so it tells nothing more).
 */
function requestOut(q: RequestRow, report: { status: ReportStatus }, withReport: boolean) {
  const { reportId, ...rest } = q;
  const open = report.status === "under_verification";
  return requestView.parse(withReport ? { ...rest, reportId, open } : { ...rest, open });
}

const error = jsonSchema(errorSchema, "output");

/** The OpenAPI part of a route; zod does the validating (app.ts turns Fastify's off). */
function doc(
  summary: string,
  parts: { body?: z.ZodType; query?: z.ZodType; out?: z.ZodType } = {},
): Record<string, unknown> {
  return {
    tags: ["verify"],
    summary,
    ...(parts.body ? { body: jsonSchema(parts.body) } : {}),
    ...(parts.query ? { querystring: jsonSchema(parts.query) } : {}),
    response: {
      ...(parts.out ? { 200: jsonSchema(parts.out, "output") } : {}),
      400: error,
      401: error,
      403: error,
      404: error,
      409: error,
    },
  };
}

export function registerVerifyRoutes(app: FastifyInstance, deps: AppDeps): void {
  const ctx = verifyContext(deps);
  app.register(async (scope) => {
    // Response schemas are documentation; the zod output schemas already shaped each body.
    scope.setSerializerCompiler(() => (data) => JSON.stringify(data));
    scope.addContentTypeParser(
      "application/octet-stream",
      { parseAs: "buffer", bodyLimit: MAX_EVIDENCE_BYTES },
      (_request, body, done) => done(null, body),
    );
    // A session cookie that no longer holds (expired, revoked, account disabled) is a 401, and
    // the answer drops the cookie: the browser cannot (HttpOnly), and keeping it would shut the
    // public pages to that browser too.
    scope.addHook("onSend", async (request, reply, payload) => {
      if (
        reply.statusCode === 401 &&
        request.headers.authorization === undefined &&
        hasSessionCookie(request) &&
        !request.url.startsWith(`${BASE}/login`)
      ) {
        reply.header("set-cookie", sessionCookie("", 0));
      }
      return payload;
    });
    registerAuthRoutes(scope, ctx);
    registerReportRoutes(scope, ctx);
    registerEvidenceRoutes(scope, ctx);
    registerOversightRoutes(scope, ctx);
  });
}

function registerAuthRoutes(app: FastifyInstance, ctx: VerifyContext) {
  const { db } = ctx;
  const signedIn = (request: FastifyRequest) => requireMember(db, request, ctx.now());

  app.post(
    `${BASE}/login`,
    { schema: doc("sign in: sets the session cookie", { body: loginSchema }) },
    (req, reply) => login(db, req, { reply, now: ctx.now() }),
  );

  app.post(`${BASE}/logout`, { schema: doc("end this session") }, async (request, reply) => {
    const auth = await authenticate(db, request, ctx.now());
    const p = auth.principal;
    const session = auth.session;
    if (p.kind !== "member" || session === null) {
      throw new AppError("UNAUTHORIZED", "no session to end");
    }
    const at = ctx.now().toISOString();
    await db.transaction((tx) =>
      revokeSession(tx, {
        actor: { id: p.accountId, name: p.name },
        idHash: secretHash(session),
        at,
      }),
    );
    reply.header("set-cookie", sessionCookie("", 0));
    return { ok: true };
  });

  app.get(
    `${BASE}/session`,
    { schema: doc("the caller and its CSRF token; nulls for the public") },
    async (request) => {
      const auth = await authenticate(db, request, ctx.now());
      const p = auth.principal;
      // The public is an answer, not an error: pages ask on every visit.
      if (p.kind !== "member") return { account: null, csrfToken: null };
      return {
        account: { id: p.accountId, name: p.name, role: p.role, party: p.party },
        csrfToken: auth.session === null ? null : csrfTokenFor(auth.session),
      };
    },
  );

  app.get(`${BASE}/tokens`, { schema: doc("the caller's API tokens") }, async (request) => {
    const p = await signedIn(request);
    return { items: (await listTokens(db, p.accountId)).map((t) => tokenView.parse(t)) };
  });

  app.post(
    `${BASE}/tokens`,
    { schema: doc("create an API token, shown once", { body: newTokenSchema }) },
    async (request, reply) => {
      const p = await signedIn(request);
      const body = parse(newTokenSchema, request.body);
      const owner = { id: p.accountId, name: p.name };
      const expiresAt = new Date(ctx.now().getTime() + body.expiresInDays * 86_400_000);
      const created = await createToken(ctx, owner, {
        label: body.label,
        expiresAt,
        actor: p.name,
      });
      return reply.status(201).send(created);
    },
  );

  app.post(
    `${BASE}/tokens/:id/revoke`,
    { schema: doc("revoke a token of the caller's (the admin: anyone's)") },
    async (request) => {
      const p = await signedIn(request);
      const id = idOf(request);
      const at = ctx.now().toISOString();
      const token = { id, ownerId: canManageAccounts(p) ? null : p.accountId, at };
      const done =
        ID_PATTERN.test(id) && (await db.transaction((tx) => revokeToken(tx, p.name, token)));
      if (!done) throw new AppError("NOT_FOUND", `no token ${id}`);
      return { ok: true };
    },
  );

  const admin = async (request: FastifyRequest) => {
    const p = await signedIn(request);
    if (!canManageAccounts(p)) throw new AppError("FORBIDDEN", "only an admin manages accounts");
    return p;
  };

  app.get(`${BASE}/accounts`, { schema: doc("accounts (admin)") }, async (request) => {
    await admin(request);
    return { items: (await listAccounts(db)).map((a) => accountView.parse(a)) };
  });

  app.post(
    `${BASE}/accounts`,
    { schema: doc("create an account (admin)", { body: newAccountSchema }) },
    async (request, reply) => {
      const p = await admin(request);
      const account = await createAccount(ctx, parse(newAccountSchema, request.body), p.name);
      return reply.status(201).send(accountView.parse(account));
    },
  );

  app.post(
    `${BASE}/accounts/:id/disable`,
    { schema: doc("disable an account; its sessions and tokens stop at once (admin)") },
    async (request) => {
      const p = await admin(request);
      const id = idOf(request);
      const done =
        ID_PATTERN.test(id) &&
        (await db.transaction((tx) =>
          setAccountDisabled(tx, { actor: p.name, id, disabled: true }),
        ));
      if (!done) throw new AppError("NOT_FOUND", `no account ${id}`);
      return { ok: true };
    },
  );
}

function registerReportRoutes(app: FastifyInstance, ctx: VerifyContext) {
  const { db } = ctx;
  const signedIn = (request: FastifyRequest) => requireMember(db, request, ctx.now());

  app.post(
    `${BASE}/reports`,
    { schema: doc("file an incident report", { body: newReportSchema, out: reportView }) },
    async (request, reply) => {
      const p = await signedIn(request);
      if (!canFileReport(p)) {
        throw new AppError("FORBIDDEN", "only a party liaison or a mediator files reports");
      }
      const report = await fileReport(ctx, p, parse(newReportSchema, request.body));
      return reply.status(201).send(fullView(report));
    },
  );

  app.get(
    `${BASE}/reports`,
    { schema: doc("the reports the caller may read", { query: reportQuerySchema }) },
    async (request) => {
      const p = await signedIn(request);
      const q = parse(reportQuerySchema, request.query);
      const visible = (await listReports(db, { q: q.q })).filter(
        (r) =>
          canReadReport(p, r) &&
          (q.status === undefined || r.status === q.status) &&
          (q.marking === undefined || r.marking === q.marking),
      );
      const items = visible.slice(q.offset, q.offset + q.limit).map((r) => reportListItem.parse(r));
      return { total: visible.length, items };
    },
  );

  app.get(`${BASE}/reports/:id`, { schema: doc("one report", { out: reportView }) }, async (req) =>
    fullView(await readableReport(db, await signedIn(req), idOf(req))),
  );

  app.post(
    `${BASE}/reports/:id/actions`,
    { schema: doc("one workflow step", { body: actionSchema, out: reportView }) },
    async (request) => {
      const p = await signedIn(request);
      const id = idOf(request);
      return fullView(await applyAction(ctx, p, { id, action: parse(actionSchema, request.body) }));
    },
  );

  app.get(`${BASE}/reports/:id/requests`, { schema: doc("requests on a report") }, async (req) => {
    const report = await readableReport(db, await signedIn(req), idOf(req));
    const items = await listRequests(db, { reportId: report.id });
    return { items: items.map((q) => requestOut(q, report, true)) };
  });

  app.get(
    `${BASE}/requests`,
    { schema: doc("requests on reports the caller reads, and those put to its party") },
    async (request) => {
      const p = await signedIn(request);
      const reports = new Map((await listReports(db)).map((r) => [r.id, r]));
      const items = (await listRequests(db)).flatMap((q) => {
        const report = reports.get(q.reportId);
        if (!report || !canSeeRequest(p, q, report)) return [];
        return [requestOut(q, report, canReadReport(p, report))];
      });
      return { items };
    },
  );

  app.post(
    `${BASE}/requests/:id/respond`,
    { schema: doc("answer a request put to the caller's party", { body: responseSchema }) },
    async (request) => {
      const p = await signedIn(request);
      const id = idOf(request);
      const body = parse(responseSchema, request.body);
      const answered = await respondToRequest(ctx, p, { id, response: body.response });
      return requestOut(answered.request, answered.report, answered.canReadReport);
    },
  );

  app.get(`${BASE}/reports/:id/audit`, { schema: doc("a report's audit entries") }, async (req) => {
    const report = await readableReport(db, await signedIn(req), idOf(req));
    return { items: (await auditOfReport(db, report.id)).map((e) => auditView.parse(e)) };
  });
}

function registerEvidenceRoutes(app: FastifyInstance, ctx: VerifyContext) {
  const { db } = ctx;
  const signedIn = (request: FastifyRequest) => requireMember(db, request, ctx.now());

  app.post(
    `${BASE}/reports/:id/evidence`,
    {
      bodyLimit: MAX_EVIDENCE_BYTES,
      schema: {
        ...doc("attach a file: the raw bytes as application/octet-stream, ?filename=", {
          query: evidenceQuery,
        }),
        consumes: ["application/octet-stream"],
      },
    },
    async (request, reply) => {
      const p = await signedIn(request);
      const id = idOf(request);
      const { filename } = parse(evidenceQuery, request.query);
      if (!Buffer.isBuffer(request.body)) {
        throw new AppError("INVALID_INPUT", "send the file as an application/octet-stream body");
      }
      const row = await addEvidence(ctx, p, { id, bytes: request.body, filename });
      return reply.status(201).send(evidenceView.parse(row));
    },
  );

  app.get(`${BASE}/reports/:id/evidence`, { schema: doc("a report's evidence") }, async (req) => {
    const report = await readableReport(db, await signedIn(req), idOf(req));
    return { items: (await listEvidence(db, report.id)).map((e) => evidenceView.parse(e)) };
  });

  app.get(
    `${BASE}/evidence/:id`,
    { schema: doc("download an evidence file, always as an attachment") },
    async (request, reply) => {
      const p = await signedIn(request);
      const id = idOf(request);
      const file = ID_PATTERN.test(id) ? await getEvidence(db, id) : null;
      const report = file ? await getReport(db, file.reportId) : null;
      if (!file || !report || !canReadReport(p, report)) {
        throw new AppError("NOT_FOUND", `no evidence ${id}`);
      }
      const bytes = await evidenceBytes(db, file.sha256);
      if (!bytes) throw new AppError("INTERNAL", `evidence ${id}: its stored bytes are missing`);
      return reply.headers(downloadHeaders(file.filename, file.mediaType)).send(bytes);
    },
  );
}

/** The audit log (admin), mechanism figures and published summaries (everyone). */
function registerOversightRoutes(app: FastifyInstance, ctx: VerifyContext) {
  const { db } = ctx;
  const auditor = async (request: FastifyRequest): Promise<Member> => {
    const p = await requireMember(db, request, ctx.now());
    if (!canReadAuditLog(p)) throw new AppError("FORBIDDEN", "only an admin reads the audit log");
    return p;
  };

  app.get(
    `${BASE}/audit`,
    { schema: doc("the audit log in chain order (admin)", { query: auditQuery }) },
    async (request) => {
      await auditor(request);
      const q = parse(auditQuery, request.query);
      const entries = await listAudit(db, { afterSeq: q.after, limit: q.limit });
      return { items: entries.map((e) => auditView.parse(e)) };
    },
  );

  app.get(`${BASE}/audit/verify`, { schema: doc("check the hash chain (admin)") }, async (req) => {
    await auditor(req);
    const entries = [];
    for await (const entry of allAudit(db)) entries.push(entry);
    return verifyChain(entries);
  });

  app.get(
    `${BASE}/figures`,
    {
      schema: doc("figures over the reports the caller may read and the published findings", {
        query: asOfQuery,
      }),
    },
    async (request) => {
      const { principal } = await authenticate(db, request, ctx.now());
      const q = parse(asOfQuery, request.query);
      // Figures of a day to come would count deadlines that have not passed: today at most.
      const today = ctx.today();
      const asOf = q.asOf === undefined || q.asOf > today ? today : q.asOf;
      return mechanismFigures(db, principal, { asOf, parties: ctx.parties });
    },
  );

  app.get(`${BASE}/published`, { schema: doc("published summaries") }, async (request) => {
    await authenticate(db, request, ctx.now());
    return { items: (await listPublished(db)).map((s) => publicSummaryView.parse(s)) };
  });

  app.get(
    `${BASE}/published/:id`,
    { schema: doc("one published summary", { out: publicSummaryView }) },
    async (request) => {
      await authenticate(db, request, ctx.now());
      const id = idOf(request);
      const summary = ID_PATTERN.test(id) ? await getPublished(db, id) : null;
      if (!summary) throw new AppError("NOT_FOUND", `no published report ${id}`);
      return publicSummaryView.parse(summary);
    },
  );
}
