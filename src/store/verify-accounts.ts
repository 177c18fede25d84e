/**
 * SQL of the verification mechanism's accounts, sessions, API tokens and login attempts.
 * Like `verify-queries.ts`, every function that changes a row appends its audit entry on
 * the same `tx`: pass the transaction that holds the change.
 */
import type { Role } from "../verify/roles.ts";
import { appendAudit } from "./audit.ts";
import type { Sql } from "./db.ts";

// ---- accounts --------------------------------------------------------------------------

export interface AccountRow {
  id: string;
  name: string;
  role: Role;
  party: string | null;
  disabled: boolean;
}

interface AccountRecord extends AccountRow {
  password_hash: string;
}

const ACCOUNT = "id, name, role, party, disabled";

export async function insertAccount(
  tx: Sql,
  actor: string,
  account: AccountRow & { passwordHash: string },
): Promise<void> {
  await tx.query(
    "INSERT INTO accounts (id, name, role, party, password_hash) VALUES ($1, $2, $3, $4, $5)",
    [account.id, account.name, account.role, account.party, account.passwordHash],
  );
  await appendAudit(tx, {
    actor,
    action: "account.created",
    object: { type: "account", id: account.id },
    change: { name: account.name, role: account.role, party: account.party },
  });
}

export async function setAccountDisabled(
  tx: Sql,
  change: { actor: string; id: string; disabled: boolean },
): Promise<boolean> {
  const { actor, id, disabled } = change;
  const rows = await tx.query("UPDATE accounts SET disabled = $2 WHERE id = $1 RETURNING id", [
    id,
    disabled,
  ]);
  if (rows.length === 0) return false;
  await appendAudit(tx, {
    actor,
    action: disabled ? "account.disabled" : "account.enabled",
    object: { type: "account", id },
    change: { disabled },
  });
  return true;
}

export async function findAccountByName(
  db: Sql,
  name: string,
): Promise<(AccountRow & { passwordHash: string }) | null> {
  const [row] = await db.query<AccountRecord>(
    `SELECT ${ACCOUNT}, password_hash FROM accounts WHERE name = $1`,
    [name],
  );
  if (!row) return null;
  const { password_hash, ...account } = row;
  return { ...account, passwordHash: password_hash };
}

export async function findAccountsByNames(
  db: Sql,
  names: readonly string[],
): Promise<AccountRow[]> {
  if (names.length === 0) return [];
  return db.query<AccountRow>(`SELECT ${ACCOUNT} FROM accounts WHERE name = ANY($1::text[])`, [
    names,
  ]);
}

export async function listAccounts(db: Sql): Promise<AccountRow[]> {
  return db.query<AccountRow>(`SELECT ${ACCOUNT} FROM accounts ORDER BY name`);
}

// ---- sessions and API tokens ----------------------------------------------------------

export interface Credential {
  account: AccountRow;
  expiresAt: string;
  revokedAt: string | null;
}

interface CredentialRow extends AccountRow {
  expires_at: string;
  revoked_at: string | null;
}

function toCredential(row: CredentialRow | undefined): Credential | null {
  if (!row) return null;
  const { expires_at, revoked_at, ...account } = row;
  return { account, expiresAt: expires_at, revokedAt: revoked_at };
}

const ACCOUNT_OF = "a.id, a.name, a.role, a.party, a.disabled";

export async function insertSession(
  tx: Sql,
  session: { idHash: string; accountId: string; at: string; expiresAt: string },
): Promise<void> {
  await tx.query(
    `INSERT INTO sessions (id_hash, account_id, created_at, expires_at) VALUES ($1, $2, $3, $4)`,
    [session.idHash, session.accountId, session.at, session.expiresAt],
  );
}

export async function findSession(db: Sql, idHash: string): Promise<Credential | null> {
  const [row] = await db.query<CredentialRow>(
    `SELECT ${ACCOUNT_OF}, s.expires_at, s.revoked_at
     FROM sessions s JOIN accounts a ON a.id = s.account_id WHERE s.id_hash = $1`,
    [idHash],
  );
  return toCredential(row);
}

export async function revokeSession(
  tx: Sql,
  end: { actor: { id: string; name: string }; idHash: string; at: string },
): Promise<void> {
  const { actor, idHash, at } = end;
  await tx.query("UPDATE sessions SET revoked_at = $2 WHERE id_hash = $1 AND revoked_at IS NULL", [
    idHash,
    at,
  ]);
  await appendAudit(tx, {
    actor: actor.name,
    action: "session.ended",
    object: { type: "account", id: actor.id },
    change: { session: idHash.slice(0, 12) },
    at: new Date(at),
  });
}

export interface TokenRow {
  id: string;
  label: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
}

export async function insertToken(
  tx: Sql,
  actor: string,
  token: {
    id: string;
    accountId: string;
    tokenHash: string;
    label: string;
    at: string;
    expiresAt: string;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO api_tokens (id, account_id, token_hash, label, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [token.id, token.accountId, token.tokenHash, token.label, token.at, token.expiresAt],
  );
  await appendAudit(tx, {
    actor,
    action: "token.created",
    object: { type: "api_token", id: token.id },
    change: { account: token.accountId, label: token.label, expiresAt: token.expiresAt },
    at: new Date(token.at),
  });
}

export async function findToken(db: Sql, tokenHash: string): Promise<Credential | null> {
  const [row] = await db.query<CredentialRow>(
    `SELECT ${ACCOUNT_OF}, t.expires_at, t.revoked_at
     FROM api_tokens t JOIN accounts a ON a.id = t.account_id WHERE t.token_hash = $1`,
    [tokenHash],
  );
  return toCredential(row);
}

export async function listTokens(db: Sql, accountId: string): Promise<TokenRow[]> {
  return db.query<TokenRow>(
    `SELECT id, label, created_at AS "createdAt", expires_at AS "expiresAt", revoked_at AS "revokedAt"
     FROM api_tokens WHERE account_id = $1 ORDER BY created_at`,
    [accountId],
  );
}

/** Revokes a token of `ownerId` (any owner when null, for the admin); false when none such. */
export async function revokeToken(
  tx: Sql,
  actor: string,
  token: { id: string; ownerId: string | null; at: string },
): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE api_tokens SET revoked_at = coalesce(revoked_at, $3)
     WHERE id = $1 AND ($2::text IS NULL OR account_id = $2) RETURNING id`,
    [token.id, token.ownerId, token.at],
  );
  if (rows.length === 0) return false;
  await appendAudit(tx, {
    actor,
    action: "token.revoked",
    object: { type: "api_token", id: token.id },
    change: { revokedAt: token.at },
    at: new Date(token.at),
  });
  return true;
}

// ---- logins ---------------------------------------------------------------------------

export async function loginHistory(
  db: Sql,
  attempt: { nameHash: string; address: string; since: string },
): Promise<{
  accountFailures: number;
  lastAccountFailure: string | null;
  addressFailures: number;
  lastAddressFailure: string | null;
}> {
  const [row] = await db.query<{
    af: number;
    alast: string | null;
    xf: number;
    xlast: string | null;
  }>(
    `WITH last_ok AS (
       SELECT max(at) AS at FROM login_attempts WHERE name_hash = $1 AND outcome = 'ok'
     )
     SELECT
       (SELECT count(*)::int FROM login_attempts, last_ok WHERE name_hash = $1 AND outcome = 'failed'
          AND login_attempts.at > $3 AND (last_ok.at IS NULL OR login_attempts.at > last_ok.at)) AS af,
       (SELECT max(at) FROM login_attempts WHERE name_hash = $1 AND outcome = 'failed') AS alast,
       (SELECT count(*)::int FROM login_attempts WHERE address = $2 AND outcome = 'failed' AND at > $3) AS xf,
       (SELECT max(at) FROM login_attempts WHERE address = $2 AND outcome = 'failed') AS xlast`,
    [attempt.nameHash, attempt.address, attempt.since],
  );
  return {
    accountFailures: row?.af ?? 0,
    lastAccountFailure: row?.alast ?? null,
    addressFailures: row?.xf ?? 0,
    lastAddressFailure: row?.xlast ?? null,
  };
}

/** Records a login attempt and its audit entry: every login and every failure is audited. */
export async function recordLogin(
  tx: Sql,
  attempt: {
    nameHash: string;
    address: string;
    outcome: "ok" | "failed" | "refused";
    at: string;
    account: AccountRow | null;
  },
): Promise<void> {
  await tx.query(
    "INSERT INTO login_attempts (name_hash, address, outcome, at) VALUES ($1, $2, $3, $4)",
    [attempt.nameHash, attempt.address, attempt.outcome, attempt.at],
  );
  const action = { ok: "login.succeeded", failed: "login.failed", refused: "login.refused" };
  await appendAudit(tx, {
    actor: attempt.outcome === "ok" && attempt.account ? attempt.account.name : "anonymous",
    action: action[attempt.outcome],
    object: { type: "account", id: attempt.account?.id ?? "unknown" },
    change: { address: attempt.address, name: `sha256:${attempt.nameHash}` },
    at: new Date(attempt.at),
  });
}

/** Serialises the attempts on one name, so parallel guesses cannot outrun the lockout. */
export async function lockLoginName(tx: Sql, nameHash: string): Promise<void> {
  await tx.query("SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.login.' || $1))", [
    nameHash,
  ]);
}
