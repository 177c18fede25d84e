import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertToken } from "../../src/store/verify-accounts.ts";
import { newApiToken, newId, secretHash } from "../../src/verify/index.ts";
import {
  type Actor,
  addActor,
  call,
  type Harness,
  openHarness,
  PASSWORD,
  reportBody,
} from "./support.ts";

let h: Harness;
let pak: Actor;
let admin: Actor;

beforeAll(async () => {
  h = await openHarness();
  admin = await addActor(h, "admin", "admin");
  pak = await addActor(h, "pak.one", "liaison", "PAK");
  await addActor(h, "pak.locked", "liaison", "PAK");
});
afterAll(() => h.close());

function login(name: string, password: string, address = "192.0.2.1") {
  return h.app.inject({
    method: "POST",
    url: "/api/verify/login",
    payload: { name, password },
    remoteAddress: address,
  });
}

function cookieOf(res: LightMyRequestResponse): string {
  const header = String(res.headers["set-cookie"] ?? "");
  return header.split(";")[0] ?? "";
}

async function auditActions(): Promise<string[]> {
  const rows = await h.db.query<{ action: string }>("SELECT action FROM audit_log ORDER BY seq");
  return rows.map((r) => r.action);
}

describe("accounts, sessions and API tokens", () => {
  it("stores passwords as argon2id and tokens as sha256 only", async () => {
    const [account] = await h.db.query<{ password_hash: string }>(
      "SELECT password_hash FROM accounts WHERE name = 'pak.one'",
    );
    expect(account?.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const rows = await h.db.query("SELECT * FROM api_tokens");
    expect(JSON.stringify(rows)).not.toContain(pak.token);
    expect(JSON.stringify(rows)).toContain(secretHash(pak.token));
  });

  it("sets a Secure, HttpOnly, SameSite=Strict session cookie and asks for the CSRF token", async () => {
    const res = await login("pak.one", PASSWORD);
    expect(res.statusCode).toBe(200);
    const setCookie = String(res.headers["set-cookie"]);
    expect(setCookie).toMatch(
      /^fw_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; Secure; SameSite=Strict; Max-Age=43200$/,
    );
    const { csrfToken } = res.json() as { csrfToken: string };
    const cookie = cookieOf(res);
    const session = await h.app.inject({
      method: "GET",
      url: "/api/verify/session",
      headers: { cookie },
    });
    expect(session.json()).toMatchObject({ account: { name: "pak.one" }, csrfToken });

    const post = (headers: Record<string, string>) =>
      h.app.inject({
        method: "POST",
        url: "/api/verify/reports",
        payload: reportBody(),
        headers: { cookie, ...headers },
      });
    const without = await post({});
    expect(without.statusCode).toBe(403);
    expect(without.json()).toEqual({
      code: "FORBIDDEN",
      message: "missing or wrong X-CSRF-Token for this session",
    });
    // One character changed (never to itself: a token ending in "A" once made this a no-op).
    const wrong = `${csrfToken.slice(0, -1)}${csrfToken.endsWith("A") ? "B" : "A"}`;
    expect((await post({ "x-csrf-token": wrong })).statusCode).toBe(403);
    expect((await post({ "x-csrf-token": csrfToken })).statusCode).toBe(201);
    // A cross-site form post cannot send JSON: text/plain is no report.
    const form = await h.app.inject({
      method: "POST",
      url: "/api/verify/reports",
      payload: "title=x",
      headers: { cookie, "content-type": "text/plain", "x-csrf-token": csrfToken },
    });
    expect(form.statusCode).toBe(400);

    const out = await h.app.inject({
      method: "POST",
      url: "/api/verify/logout",
      headers: { cookie, "x-csrf-token": csrfToken },
    });
    expect(out.statusCode).toBe(200);
    const after = await h.app.inject({
      method: "GET",
      url: "/api/verify/session",
      headers: { cookie },
    });
    expect(after.statusCode).toBe(401);
    // …and the answer drops the dead cookie, so the browser reads public pages again.
    expect(String(after.headers["set-cookie"])).toMatch(/^fw_session=; Path=\/;.* Max-Age=0$/);
    const published = await h.app.inject({ url: "/api/verify/published", headers: { cookie } });
    expect(published.statusCode).toBe(401);
    expect(String(published.headers["set-cookie"])).toContain("Max-Age=0");
  });

  it("answers a wrong password and an unknown account alike, and audits both", async () => {
    const before = (await auditActions()).length;
    const wrong = await login("pak.one", "not the password at all", "192.0.2.2");
    const unknown = await login("nobody.here", "not the password at all", "192.0.2.2");
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.body).toBe(unknown.body);
    expect((await auditActions()).slice(before)).toEqual(["login.failed", "login.failed"]);
  });

  it("locks an account after five failures, even for the right password, and audits the refusal", async () => {
    for (let i = 0; i < 5; i++) {
      expect((await login("pak.locked", `wrong guess ${i}`, `198.51.100.${i}`)).statusCode).toBe(
        401,
      );
    }
    const right = await login("pak.locked", PASSWORD, "198.51.100.77");
    expect(right.statusCode).toBe(423);
    expect(right.json().message).toMatch(
      /^too many failed logins for this account; try again after /,
    );
    expect((await auditActions()).at(-1)).toBe("login.refused");
    // Another account is not affected.
    expect((await login("pak.one", PASSWORD, "198.51.100.78")).statusCode).toBe(200);
  });

  it("slows an address down after twenty failures across accounts", async () => {
    const address = "203.0.113.9";
    for (let i = 0; i < 20; i++) await login(`guess.${i}`, "wrong password!", address);
    const res = await login("pak.one", PASSWORD, address);
    expect(res.statusCode).toBe(423);
    expect(res.json().message).toContain("from this address");
    expect((await login("pak.one", PASSWORD, "203.0.113.10")).statusCode).toBe(200);
  });

  it("refuses expired, revoked, malformed and disabled-account tokens with 401", async () => {
    const expired = newApiToken();
    await h.db.transaction((tx) =>
      insertToken(tx, "test", {
        id: newId(),
        accountId: pak.id,
        tokenHash: secretHash(expired),
        label: "old",
        at: "2025-01-01T00:00:00.000Z",
        expiresAt: "2025-02-01T00:00:00.000Z",
      }),
    );
    const asToken = (token: string) =>
      h.app.inject({
        method: "GET",
        url: "/api/verify/reports",
        headers: { authorization: `Bearer ${token}` },
      });
    expect((await asToken(expired)).statusCode).toBe(401);
    expect((await asToken("fwt_not-a-token")).statusCode).toBe(401);
    expect((await asToken(pak.token)).statusCode).toBe(200);
    // Even a public route refuses credentials that do not hold, rather than ignore them.
    const pub = await h.app.inject({
      method: "GET",
      url: "/api/verify/published",
      headers: { authorization: `Bearer ${expired}` },
    });
    expect(pub.statusCode).toBe(401);

    const created = await call(h, pak, "POST", "/api/verify/tokens", {
      label: "machine",
      expiresInDays: 7,
    });
    expect(created.statusCode).toBe(201);
    const { id, token } = created.json() as { id: string; token: string };
    const listed = await call(h, pak, "GET", "/api/verify/tokens");
    expect(listed.body).not.toContain(token);
    expect((await asToken(token)).statusCode).toBe(200);
    expect((await call(h, pak, "POST", `/api/verify/tokens/${id}/revoke`)).statusCode).toBe(200);
    expect((await asToken(token)).statusCode).toBe(401);

    const other = await addActor(h, "afg.gone", "liaison", "AFG");
    // A liaison cannot revoke another account's token, and learns nothing about it.
    const theirs = (await call(h, other, "GET", "/api/verify/tokens")).json().items[0].id;
    const foreign = await call(h, pak, "POST", `/api/verify/tokens/${theirs}/revoke`);
    expect(foreign.statusCode).toBe(404);
    const disable = await call(h, admin, "POST", `/api/verify/accounts/${other.id}/disable`);
    expect(disable.statusCode).toBe(200);
    expect((await call(h, other, "GET", "/api/verify/reports")).statusCode).toBe(401);
    expect((await login("afg.gone", PASSWORD, "192.0.2.50")).statusCode).toBe(401);
  });

  it("lets only the admin manage accounts, and audits each change", async () => {
    const body = { name: "med.turkiye", role: "mediator", password: "a long enough password" };
    expect((await call(h, pak, "POST", "/api/verify/accounts", body)).statusCode).toBe(403);
    expect((await call(h, null, "POST", "/api/verify/accounts", body)).statusCode).toBe(401);
    const res = await call(h, admin, "POST", "/api/verify/accounts", body);
    expect(res.statusCode).toBe(201);
    expect(res.body).not.toContain("password");
    const bad = await call(h, admin, "POST", "/api/verify/accounts", {
      ...body,
      name: "x.liaison",
      role: "liaison",
    });
    expect(bad.json().message).toBe("a liaison must be bound to one party");
    const role = await call(h, admin, "POST", "/api/verify/accounts", {
      ...body,
      name: "y",
      role: "root",
    });
    expect(role.statusCode).toBe(400);
    const [entry] = await h.db.query<{ actor: string; change: string }>(
      "SELECT actor, change FROM audit_log WHERE action = 'account.created' ORDER BY seq DESC LIMIT 1",
    );
    expect(entry).toEqual({
      actor: "admin",
      change: '{"name":"med.turkiye","party":null,"role":"mediator"}',
    });
  });
});
