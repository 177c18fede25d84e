/**
 * Passwords, tokens and ids. The one module of `verify/` that is not a pure function of its
 * inputs: it draws random bytes and runs argon2id, but reads no file, env, clock or database.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { Algorithm, hash, verify } from "@node-rs/argon2";
import { sha256Hex } from "../domain/audit/canonical.ts";

// OWASP Password Storage Cheat Sheet, argon2id: 19 MiB memory, 2 passes, 1 lane.
const ARGON2 = { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

// Verified against when the account does not exist, so a miss costs what a hit costs.
let decoy: Promise<string> | undefined;

/** True when `password` matches; runs argon2 even without an account (no timing oracle). */
export async function checkPassword(stored: string | null, password: string): Promise<boolean> {
  decoy ??= hashPassword(randomBytes(16).toString("hex"));
  const target = stored ?? (await decoy);
  const ok = await verify(target, password).catch(() => false);
  return stored !== null && ok;
}

/** A new random 128-bit id, hex: unguessable, so an id proves nothing and reveals nothing. */
export function newId(): string {
  return randomBytes(16).toString("hex");
}

export const ID_PATTERN = /^[0-9a-f]{32}$/;

const TOKEN_PREFIX = "fwt_";

/** An API token: shown once, stored as its sha256. */
export function newApiToken(): string {
  return `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
}

export function isApiTokenShape(value: string): boolean {
  return value.startsWith(TOKEN_PREFIX) && /^[A-Za-z0-9_-]{43}$/.test(value.slice(4));
}

/** Session ids and CSRF tokens: 256 random bits, URL-safe. */
export function newSecret(): string {
  return randomBytes(32).toString("base64url");
}

/** How a secret is kept in the store: a leaked table gives no usable token. */
export function secretHash(secret: string): string {
  return sha256Hex(secret);
}

/**
 * The CSRF token of a session, derived from its cookie secret (OWASP's HMAC-based token
 * pattern): a page of the same origin is given it at login and from `/session`, a page of
 * another site can neither read the cookie nor compute the token.
 */
export function csrfTokenFor(sessionSecret: string): string {
  return createHash("sha256").update(`frontier-csrf:${sessionSecret}`).digest("base64url");
}

export function csrfMatches(sessionSecret: string, token: string): boolean {
  const a = Buffer.from(csrfTokenFor(sessionSecret));
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}
