import type { Command } from "commander";
import { createToken, verifyContext } from "../../app/verify.ts";
import { AppError } from "../../domain/errors.ts";
import { findAccountByName, listTokens, revokeToken } from "../../store/verify-accounts.ts";
import { ID_PATTERN } from "../../verify/index.ts";
import { type Io, printJson, requireOptions, withStore } from "../context.ts";
import { ensureProfile } from "../profile-file.ts";
import { cliActor } from "./user.ts";

const DAY_MS = 86_400_000;

/** `--expires 30d`, `--expires 30` (days) or `--expires 2026-12-31` (end of that day, UTC). */
function parseExpiry(value: string, now: Date): Date {
  const days = /^(\d{1,3})d?$/.exec(value.trim());
  if (days) {
    const n = Number(days[1]);
    if (n >= 1 && n <= 365) return new Date(now.getTime() + n * DAY_MS);
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(value.trim())) {
    const end = new Date(`${value.trim()}T23:59:59.999Z`);
    if (
      !Number.isNaN(end.getTime()) &&
      end > now &&
      end.getTime() - now.getTime() <= 366 * DAY_MS
    ) {
      return end;
    }
  }
  throw new AppError(
    "INVALID_INPUT",
    `--expires "${value}" is not 1d…365d or a date within a year (YYYY-MM-DD)`,
  );
}

async function accountNamed(db: Parameters<typeof findAccountByName>[0], name: string) {
  const account = await findAccountByName(db, name);
  if (!account) throw new AppError("NOT_FOUND", `no account named "${name}"`);
  if (account.disabled) throw new AppError("CONFLICT", `account "${name}" is disabled`);
  return account;
}

export function registerToken(program: Command, io: Io): void {
  const token = program.command("token").description("API tokens of the verification mechanism");
  token
    .command("create")
    .description("create an API token; it is printed once and stored only as its sha256")
    .option("--user <name>", "the account the token acts as (required)")
    .option("--label <text>", "what the token is for", "cli")
    .option("--expires <when>", "30d, 90 (days) or a date YYYY-MM-DD", "90d")
    .option("--json", "print JSON")
    .action(
      async (
        flags: { user: string; label: string; expires: string; json?: boolean },
        command: Command,
      ) => {
        requireOptions(command, ["user"]);
        const expiresAt = parseExpiry(flags.expires, new Date());
        const created = await withStore(command, io, async (db) => {
          const account = await accountNamed(db, flags.user);
          const ctx = verifyContext({ db, profile: await ensureProfile(db) });
          return createToken(ctx, account, { label: flags.label, expiresAt, actor: cliActor() });
        });
        if (flags.json) return printJson(io, created);
        io.out(created.token);
        io.err(
          `token ${created.id} for ${flags.user}, expires ${created.expiresAt}; it is not shown again`,
        );
      },
    );

  token
    .command("list")
    .description("the tokens of an account (never their secrets)")
    .option("--user <name>", "the account (required)")
    .option("--json", "print JSON")
    .action(async (flags: { user: string; json?: boolean }, command: Command) => {
      requireOptions(command, ["user"]);
      const tokens = await withStore(command, io, async (db) => {
        const account = await findAccountByName(db, flags.user);
        if (!account) throw new AppError("NOT_FOUND", `no account named "${flags.user}"`);
        return listTokens(db, account.id);
      });
      if (flags.json) return printJson(io, tokens);
      for (const t of tokens) {
        const state = t.revokedAt ? `revoked ${t.revokedAt}` : `expires ${t.expiresAt}`;
        io.out(`${t.id}  ${t.label.padEnd(16)} ${state}`);
      }
    });

  token
    .command("revoke <id>")
    .description("revoke a token at once")
    .action(async (id: string, _flags: unknown, command: Command) => {
      const done = await withStore(command, io, async (db) =>
        ID_PATTERN.test(id)
          ? db.transaction((tx) =>
              revokeToken(tx, cliActor(), { id, ownerId: null, at: new Date().toISOString() }),
            )
          : false,
      );
      if (!done) throw new AppError("NOT_FOUND", `no token ${id}`);
      io.out(`revoked ${id}`);
    });
}
