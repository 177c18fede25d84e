/**
 * Who is calling the verification API: an API token, a session cookie, or the public. Login
 * with lockout and per-address throttling; sessions in Secure, HttpOnly, SameSite=Strict
 * cookies; a CSRF token derived from the session for every state-changing request.
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "../domain/errors.ts";
import type { Db } from "../store/db.ts";
import {
  type AccountRow,
  findAccountByName,
  findSession,
  findToken,
  insertSession,
  lockLoginName,
  loginHistory,
  recordLogin,
} from "../store/verify-accounts.ts";
import {
  accountView,
  checkLoginGate,
  checkPassword,
  csrfMatches,
  csrfTokenFor,
  isApiTokenShape,
  loginSchema,
  loginWindowStart,
  type Member,
  newSecret,
  type Principal,
  PUBLIC,
  secretHash,
  sha256Hex,
} from "../verify/index.ts";
import { parse } from "./validate.ts";

const SESSION_COOKIE = "fw_session";
const SESSION_MS = 12 * 3_600_000;
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export interface Auth {
  principal: Principal;
  /** The session cookie's secret, when the caller came with one. */
  session: string | null;
}

function readCookie(request: FastifyRequest, name: string): string | null {
  const header = request.headers.cookie;
  if (!header) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

export function hasSessionCookie(request: FastifyRequest): boolean {
  return readCookie(request, SESSION_COOKIE) !== null;
}

export function sessionCookie(value: string, maxAgeSeconds: number): string {
  return `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age=${maxAgeSeconds}`;
}

function toMember(account: AccountRow): Member {
  const { id: accountId, name, role, party } = account;
  return { kind: "member", accountId, name, role, party };
}

function isLive(
  cred: { expiresAt: string; revokedAt: string | null; account: AccountRow },
  now: Date,
): boolean {
  return (
    cred.revokedAt === null && !cred.account.disabled && Date.parse(cred.expiresAt) > now.getTime()
  );
}

const unauthorized = (what: string) =>
  new AppError("UNAUTHORIZED", `${what} is unknown, expired or revoked`);

/**
 * Credentials that were sent but do not hold are a 401, never a quiet fall to the public.
 * A state-changing request on a session must carry its CSRF token in `X-CSRF-Token`;
 * a token in `Authorization` is not sent by browsers on their own, so it needs none.
 */
export async function authenticate(db: Db, request: FastifyRequest, now: Date): Promise<Auth> {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const token = /^Bearer (\S+)$/.exec(header)?.[1] ?? "";
    const cred = isApiTokenShape(token) ? await findToken(db, secretHash(token)) : null;
    if (!cred || !isLive(cred, now)) throw unauthorized("the API token");
    return { principal: toMember(cred.account), session: null };
  }
  const secret = readCookie(request, SESSION_COOKIE);
  if (secret === null) return { principal: PUBLIC, session: null };
  const cred = await findSession(db, secretHash(secret));
  if (!cred || !isLive(cred, now)) throw unauthorized("the session");
  if (!SAFE_METHODS.has(request.method)) {
    const sent = request.headers["x-csrf-token"];
    if (typeof sent !== "string" || !csrfMatches(secret, sent)) {
      throw new AppError("FORBIDDEN", "missing or wrong X-CSRF-Token for this session");
    }
  }
  return { principal: toMember(cred.account), session: secret };
}

/** A signed-in caller, or 401. */
export async function requireMember(db: Db, request: FastifyRequest, now: Date): Promise<Member> {
  const { principal } = await authenticate(db, request, now);
  if (principal.kind !== "member") {
    throw new AppError("UNAUTHORIZED", "sign in, or send an API token");
  }
  return principal;
}

type LoginResult = { error: AppError } | { secret: string; account: AccountRow; expiresAt: string };

/**
 * One attempt, serialised per account name so parallel guesses cannot outrun the lockout.
 * The lockout is checked before the password, and argon2 runs whether or not the account
 * exists: the answer and its timing say nothing about which names are accounts.
 */
async function attemptLogin(
  db: Db,
  attempt: { name: string; password: string; address: string; now: Date },
): Promise<LoginResult> {
  const nameHash = sha256Hex(attempt.name);
  const address = attempt.address;
  return db.transaction(async (tx) => {
    await lockLoginName(tx, nameHash);
    const at = attempt.now.toISOString();
    const history = await loginHistory(tx, { nameHash, address, since: loginWindowStart(at) });
    const gate = checkLoginGate(history, at);
    const account = await findAccountByName(tx, attempt.name);
    const known = account && !account.disabled ? account : null;
    if (!gate.open) {
      await recordLogin(tx, { nameHash, address, outcome: "refused", at, account: known });
      return { error: new AppError("LOCKED", `${gate.reason}; try again after ${gate.until}`) };
    }
    const ok = await checkPassword(account?.passwordHash ?? null, attempt.password);
    if (!ok || !known) {
      await recordLogin(tx, { nameHash, address, outcome: "failed", at, account: known });
      return { error: new AppError("UNAUTHORIZED", "wrong name or password") };
    }
    const secret = newSecret();
    const expiresAt = new Date(attempt.now.getTime() + SESSION_MS).toISOString();
    await insertSession(tx, { idHash: secretHash(secret), accountId: known.id, at, expiresAt });
    await recordLogin(tx, { nameHash, address, outcome: "ok", at, account: known });
    return { secret, account: known, expiresAt };
  });
}

export async function login(
  db: Db,
  request: FastifyRequest,
  options: { reply: FastifyReply; now: Date },
) {
  const { reply, now } = options;
  const body = parse(loginSchema, request.body);
  const result = await attemptLogin(db, {
    name: body.name.trim().toLowerCase(),
    password: body.password,
    address: request.ip,
    now,
  });
  // The failure was committed, with its audit entry, before it is thrown.
  if ("error" in result) throw result.error;
  reply.header("set-cookie", sessionCookie(result.secret, SESSION_MS / 1000));
  return {
    account: accountView.parse(result.account),
    csrfToken: csrfTokenFor(result.secret),
    expiresAt: result.expiresAt,
  };
}
