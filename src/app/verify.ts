/**
 * The mechanism's operations, shared by the HTTP routes and the CLI: each asks `verify/`
 * whether it may, then writes through the store in one transaction (which appends the
 * audit entry). No HTTP here; callers authenticate and parse first.
 */
import type { z } from "zod";
import { AppError } from "../domain/errors.ts";
import type { Profile } from "../domain/profile/index.ts";
import type { Db, Sql } from "../store/db.ts";
import {
  type AccountRow,
  findAccountByName,
  findAccountsByNames,
  insertAccount,
  insertToken,
} from "../store/verify-accounts.ts";
import {
  answerRequest,
  changeReportStatus,
  type EvidenceRow,
  existingEventIds,
  getReport,
  getRequest,
  insertEvidence,
  insertReport,
  insertRequest,
  listReports,
  listRequests,
  type ReportRow,
  type RequestRow,
} from "../store/verify-queries.ts";
import {
  ACCEPTED_TYPES,
  type actionSchema,
  buildPublicSummary,
  canAddEvidence,
  canReadReport,
  canRespond,
  canSeeRequest,
  checkAccountShape,
  checkNewReport,
  computeFigures,
  hashPassword,
  ID_PATTERN,
  isOpen,
  type MechanismFigures,
  type Member,
  type newAccountSchema,
  newApiToken,
  newId,
  type newReportSchema,
  type Principal,
  publicSummaryView,
  type ReportAction,
  sanitizeFilename,
  secretHash,
  sha256Hex,
  sniffEvidenceType,
  transition,
} from "../verify/index.ts";

export interface VerifyContext {
  db: Db;
  now: () => Date;
  today: () => string;
  /** The profile's parties (ISO alpha-3). */
  parties: readonly string[];
  /** What a report may concern: the ceasefire or one of the profile's demands. */
  commitments: readonly string[];
}

export function verifyContext(deps: {
  db: Db;
  profile: Profile;
  today?: () => string;
  now?: () => Date;
}): VerifyContext {
  const now = deps.now ?? (() => new Date());
  return {
    db: deps.db,
    now,
    today: deps.today ?? (() => now().toISOString().slice(0, 10)),
    parties: deps.profile.parties.map((p) => p.iso3),
    commitments: ["ceasefire", ...deps.profile.demands.map((d) => d.id)],
  };
}

const noReport = (id: string) => new AppError("NOT_FOUND", `no report ${id}`);

/** The report if the caller may read it; a missing and a forbidden report are one 404. */
export async function readableReport(
  db: Sql,
  p: Principal,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<ReportRow> {
  const report = ID_PATTERN.test(id) ? await getReport(db, id, options) : null;
  if (!report || !canReadReport(p, report)) throw noReport(id);
  return report;
}

function checkParty(ctx: VerifyContext, party: string, field: string): void {
  if (!ctx.parties.includes(party)) {
    throw new AppError(
      "INVALID_INPUT",
      `${field} "${party}" is not one of ${ctx.parties.join(", ")}`,
    );
  }
}

/** Validates and stores a new account with its argon2id password hash. */
export async function createAccount(
  ctx: VerifyContext,
  input: z.output<typeof newAccountSchema>,
  actor: string,
): Promise<AccountRow> {
  const shape = checkAccountShape(input.role, input.party);
  if (shape) throw new AppError("INVALID_INPUT", shape);
  if (input.party !== null) checkParty(ctx, input.party, "party");
  if (await findAccountByName(ctx.db, input.name)) {
    throw new AppError("CONFLICT", `an account named "${input.name}" exists`);
  }
  const { name, role, party } = input;
  const account: AccountRow = { id: newId(), name, role, party, disabled: false };
  const passwordHash = await hashPassword(input.password);
  await ctx.db.transaction((tx) => insertAccount(tx, actor, { ...account, passwordHash }));
  return account;
}

/** Creates an API token for `owner`; the secret is in this answer and nowhere else. */
export async function createToken(
  ctx: VerifyContext,
  owner: { id: string; name: string },
  options: { label: string; expiresAt: Date; actor: string },
) {
  const now = ctx.now();
  if (options.expiresAt.getTime() <= now.getTime()) {
    throw new AppError("INVALID_INPUT", "a token must expire in the future");
  }
  const token = newApiToken();
  const id = newId();
  const expiresAt = options.expiresAt.toISOString();
  await ctx.db.transaction((tx) =>
    insertToken(tx, options.actor, {
      id,
      accountId: owner.id,
      tokenHash: secretHash(token),
      label: options.label,
      at: now.toISOString(),
      expiresAt,
    }),
  );
  return { id, token, label: options.label, expiresAt };
}

export async function fileReport(
  ctx: VerifyContext,
  p: Member,
  body: z.output<typeof newReportSchema>,
): Promise<ReportRow> {
  const names = [...new Set(body.recipients.filter((n) => n !== p.name))];
  const recipients = await findAccountsByNames(ctx.db, names);
  const { marking, against, commitment } = body;
  const problem = checkNewReport(
    p,
    { marking, against, commitment, recipients, recipientNames: names },
    { parties: ctx.parties, commitments: ctx.commitments },
  );
  if (problem) throw new AppError("INVALID_INPUT", problem);
  if (body.occurredOn > ctx.today()) {
    throw new AppError("INVALID_INPUT", `occurredOn ${body.occurredOn} is after today`);
  }
  const eventIds = [...new Set(body.eventIds)];
  const found = new Set(await existingEventIds(ctx.db, eventIds));
  const unknown = eventIds.filter((id) => !found.has(id));
  if (unknown.length > 0) {
    throw new AppError("INVALID_INPUT", `eventIds: no event ${unknown.join(", ")}`);
  }
  const id = newId();
  await ctx.db.transaction((tx) =>
    insertReport(tx, p.name, {
      ...body,
      id,
      eventIds,
      filerId: p.accountId,
      filerParty: p.party,
      recipients: recipients.map((r) => r.id),
      createdAt: ctx.now().toISOString(),
    }),
  );
  return readableReport(ctx.db, p, id);
}

type ActionBody = z.output<typeof actionSchema>;

/** Runs one workflow step on a report, under a row lock, and returns the report after it. */
export async function applyAction(
  ctx: VerifyContext,
  p: Member,
  input: { id: string; action: ActionBody },
): Promise<ReportRow> {
  const { id, action: body } = input;
  return ctx.db.transaction(async (tx) => {
    const report = await readableReport(tx, p, id, { forUpdate: true });
    const action: ReportAction =
      body.type === "conclude" ? { type: "conclude", outcome: body.outcome } : { type: body.type };
    const step = transition(report.status, action, p.role);
    if (!step.ok) throw new AppError(step.code, step.reason);
    const at = ctx.now().toISOString();
    switch (body.type) {
      case "request_information":
        checkParty(ctx, body.party, "party");
        if (body.dueOn <= ctx.today()) {
          throw new AppError("INVALID_INPUT", "dueOn must be after today");
        }
        await insertRequest(
          tx,
          { id: p.accountId, name: p.name },
          {
            id: newId(),
            reportId: report.id,
            party: body.party,
            question: body.question,
            dueOn: body.dueOn,
            askedAt: at,
          },
        );
        break;
      case "conclude": {
        const breached = body.finding.breachedCommitment;
        if (breached !== null && !ctx.commitments.includes(breached)) {
          throw new AppError(
            "INVALID_INPUT",
            `finding.breachedCommitment "${breached}" is not one of: ${ctx.commitments.join(", ")}`,
          );
        }
        const { outcome, finding } = body;
        await changeReportStatus(tx, {
          actor: p.name,
          id: report.id,
          status: step.next,
          outcome,
          finding,
          action: "concluded",
          at,
        });
        break;
      }
      case "publish": {
        const { outcome, finding } = report;
        if (outcome === null || finding === null) {
          throw new AppError("INVALID_TRANSITION", "a report is published only with its finding");
        }
        const summary = buildPublicSummary({ ...report, outcome, finding }, at.slice(0, 10));
        await changeReportStatus(tx, {
          actor: p.name,
          id: report.id,
          status: step.next,
          summary: publicSummaryView.parse(summary),
          action: "published",
          at,
        });
        break;
      }
      case "acknowledge":
        await changeReportStatus(tx, {
          actor: p.name,
          id: report.id,
          status: step.next,
          action: "acknowledged",
          at,
        });
        break;
      case "start_verification":
        await changeReportStatus(tx, {
          actor: p.name,
          id: report.id,
          status: step.next,
          action: "verification_started",
          at,
        });
        break;
      default:
        return body satisfies never;
    }
    return readableReport(tx, p, report.id);
  });
}

/** Answers a request for information; the party asked need not be able to read the report. */
export async function respondToRequest(
  ctx: VerifyContext,
  p: Member,
  answer: { id: string; response: string },
): Promise<{ request: RequestRow; report: ReportRow; canReadReport: boolean }> {
  const { id, response } = answer;
  return ctx.db.transaction(async (tx) => {
    const rfi = ID_PATTERN.test(id) ? await getRequest(tx, id, { forUpdate: true }) : null;
    const report = rfi ? await getReport(tx, rfi.reportId, { forUpdate: true }) : null;
    if (!rfi || !report || !canSeeRequest(p, rfi, report)) {
      throw new AppError("NOT_FOUND", `no request ${id}`);
    }
    if (!canRespond(p, rfi)) {
      throw new AppError("FORBIDDEN", `only a liaison of ${rfi.party} answers this request`);
    }
    // Said without the report's status: the party asked may not be able to read the report.
    if (!transition(report.status, { type: "respond" }, p.role).ok) {
      throw new AppError(
        "INVALID_TRANSITION",
        "this request is closed: its report is no longer under verification",
      );
    }
    if (rfi.response !== null) throw new AppError("CONFLICT", "this request was answered already");
    const at = ctx.now().toISOString();
    await answerRequest(
      tx,
      { id: p.accountId, name: p.name },
      {
        id,
        reportId: rfi.reportId,
        response,
        at,
      },
    );
    return {
      request: { ...rfi, response, respondedAt: at },
      report,
      canReadReport: canReadReport(p, report),
    };
  });
}

/** Stores an evidence file by its sha256, typed by its content, under a sanitised name. */
export async function addEvidence(
  ctx: VerifyContext,
  p: Member,
  file: { id: string; bytes: Buffer; filename: string },
): Promise<EvidenceRow> {
  const report = await readableReport(ctx.db, p, file.id);
  if (!canAddEvidence(p, report)) {
    throw new AppError("FORBIDDEN", "only the filer's side and the mediators add evidence");
  }
  if (!isOpen(report.status)) {
    throw new AppError(
      "INVALID_TRANSITION",
      "evidence is added only before the report is concluded",
    );
  }
  const type = file.bytes.length === 0 ? null : sniffEvidenceType(file.bytes);
  if (type === null)
    throw new AppError("INVALID_INPUT", `the file's content is not ${ACCEPTED_TYPES}`);
  const row: EvidenceRow = {
    id: newId(),
    reportId: report.id,
    sha256: sha256Hex(file.bytes),
    filename: sanitizeFilename(file.filename, type),
    mediaType: type.mediaType,
    size: file.bytes.length,
    addedAt: ctx.now().toISOString(),
  };
  await ctx.db.transaction((tx) =>
    insertEvidence(tx, { id: p.accountId, name: p.name }, { ...row, bytes: file.bytes }),
  );
  return row;
}

export interface CountedFigures extends MechanismFigures {
  /**
   * Published TLP:RED findings the caller may not read: their summaries name no party and no
   * filing day, so they are counted here alone, never in a party's or a month's figures.
   */
  withheld: number;
  /** Findings published after `asOf` that the caller may not read: left out, counted so a reader knows. */
  publishedAfter: number;
}

/**
 * The mechanism figures as `principal` may make them on `asOf`: over the reports it reads, and
 * the findings published by that day that it does not read (the public's only ones) — those
 * only as far as their summaries let out: a RED summary names no party, so a RED finding is
 * counted in `withheld` alone and its requests not at all. Publishing ends a report's
 * verification, so a published report's requests, answers and finding date from before it.
 */
export async function mechanismFigures(
  db: Sql,
  principal: Principal,
  options: { asOf: string; parties: readonly string[] },
): Promise<CountedFigures> {
  const { asOf } = options;
  const counted: ReportRow[] = [];
  let withheld = 0;
  let publishedAfter = 0;
  for (const r of await listReports(db)) {
    if (canReadReport(principal, r)) counted.push(r);
    else if (r.status !== "published") continue;
    else if ((r.publishedAt ?? "").slice(0, 10) > asOf) publishedAfter++;
    else if (r.marking === "RED") withheld++;
    else counted.push(r);
  }
  const ids = new Set(counted.map((r) => r.id));
  const requests = (await listRequests(db)).filter((rfi) => ids.has(rfi.reportId));
  return { ...computeFigures(counted, requests, options), withheld, publishedAfter };
}
