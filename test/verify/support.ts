import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { buildApp } from "../../src/api/app.ts";
import {
  createAccount,
  createToken,
  type VerifyContext,
  verifyContext,
} from "../../src/app/verify.ts";
import { ensureProfile } from "../../src/cli/profile-file.ts";
import type { Db } from "../../src/store/db.ts";
import type { Role } from "../../src/verify/index.ts";
import { openTestDb } from "../helpers/store.ts";

/** The day the test app takes for today: reports may be dated up to it, deadlines after it. */
export const TODAY = "2026-03-31";
export const PASSWORD = "correct horse battery staple";

export interface Harness {
  db: Db;
  app: FastifyInstance;
  ctx: VerifyContext;
  /** Moves the mechanism's clock (and so today) ahead. */
  advanceDays(days: number): void;
  close(): Promise<void>;
}

export async function openHarness(): Promise<Harness> {
  const db = await openTestDb();
  const profile = await ensureProfile(db);
  // The mechanism's clock starts at noon of TODAY and runs on (a test may move it ahead), so
  // filing times, deadlines and the figures' as-of day agree.
  const start = Date.now();
  let ahead = 0;
  const now = () => new Date(Date.parse(`${TODAY}T12:00:00.000Z`) + (Date.now() - start) + ahead);
  const today = () => now().toISOString().slice(0, 10);
  const app = await buildApp({ db, profile, today, now });
  const ctx = verifyContext({ db, profile, today, now });
  return {
    db,
    app,
    ctx,
    advanceDays(days: number) {
      ahead += days * 86_400_000;
    },
    async close() {
      await app.close();
      await db.close();
    },
  };
}

export interface Actor {
  name: string;
  id: string;
  role: Role;
  party: string | null;
  token: string;
}

/** An account with an API token (argon2 runs once per account: keep the list short). */
export async function addActor(
  h: Harness,
  name: string,
  role: Role,
  party: string | null = null,
): Promise<Actor> {
  const account = await createAccount(h.ctx, { name, role, party, password: PASSWORD }, "test");
  const expiresAt = new Date(Date.now() + 86_400_000);
  const { token } = await createToken(h.ctx, account, { label: "test", expiresAt, actor: "test" });
  return { name, id: account.id, role, party, token };
}

type Method = "GET" | "POST";

/** One request as `who` (an actor's bearer token, or the public when null). */
export function call(
  h: Harness,
  who: Actor | null,
  method: Method,
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  const auth: Record<string, string> = who ? { authorization: `Bearer ${who.token}` } : {};
  const payload =
    body instanceof Buffer || typeof body === "string"
      ? body
      : body === undefined
        ? undefined
        : JSON.stringify(body);
  const type =
    body === undefined
      ? {}
      : body instanceof Buffer
        ? { "content-type": "application/octet-stream" }
        : { "content-type": "application/json" };
  return h.app.inject({ method, url, payload, headers: { ...auth, ...type, ...headers } });
}

export function reportBody(overrides: Record<string, unknown> = {}) {
  return {
    title: "Mortar fire on the Torkham crossing",
    description: "Three rounds landed near the customs post at 06:10.",
    occurredOn: "2026-03-20",
    place: { name: "Torkham", lat: 34.1, lon: 71.1 },
    commitment: "ceasefire",
    marking: "AMBER",
    ...overrides,
  };
}

/** Files a report as `who` and returns its id. */
export async function fileReport(
  h: Harness,
  who: Actor,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const res = await call(h, who, "POST", "/api/verify/reports", reportBody(overrides));
  if (res.statusCode !== 201) throw new Error(`filing failed: ${res.statusCode} ${res.body}`);
  return (res.json() as { id: string }).id;
}

export async function act(h: Harness, who: Actor, id: string, action: Record<string, unknown>) {
  return call(h, who, "POST", `/api/verify/reports/${id}/actions`, action);
}
