import { createInterface } from "node:readline";
import type { Command } from "commander";
import { createAccount, verifyContext } from "../../app/verify.ts";
import { AppError } from "../../domain/errors.ts";
import {
  findAccountByName,
  listAccounts,
  setAccountDisabled,
} from "../../store/verify-accounts.ts";
import { newAccountSchema, ROLES } from "../../verify/index.ts";
import { type Io, printJson, requireOptions, withStore } from "../context.ts";
import { ensureProfile } from "../profile-file.ts";

export interface UserCommandOptions {
  /** Where the password comes from; defaults to stdin (a hidden prompt on a terminal). */
  readPassword?: () => Promise<string>;
}

/** Who the command line acts as in the audit log. */
export function cliActor(): string {
  return `cli:${process.env.USER?.trim() || "operator"}`;
}

/** A password from a pipe (`printf %s "$PW" | frontier user add …`) or a prompt that hides it. */
async function readPasswordFromStdin(): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of stdin) chunks.push(Buffer.from(chunk));
    return Buffer.concat(chunks)
      .toString("utf8")
      .replace(/\r?\n$/, "");
  }
  const rl = createInterface({ input: stdin, output: process.stderr, terminal: true });
  // Echo nothing of what is typed after the prompt.
  const muted = rl as unknown as { _writeToOutput: (s: string) => void };
  process.stderr.write("password: ");
  muted._writeToOutput = () => undefined;
  const answer = await new Promise<string>((resolve) => rl.question("", resolve));
  rl.close();
  process.stderr.write("\n");
  return answer;
}

function parseNew(name: string, flags: { role: string; party?: string }, password: string) {
  const result = newAccountSchema.safeParse({
    name,
    role: flags.role,
    party: flags.party ?? null,
    password,
  });
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field =
    issue?.path[0] === "party" ? "--party" : issue?.path[0] === "role" ? "--role" : issue?.path[0];
  throw new AppError(
    "INVALID_INPUT",
    `${String(field ?? "input")}: ${issue?.message ?? "invalid"}`,
  );
}

export function registerUser(program: Command, io: Io, options: UserCommandOptions = {}): void {
  const user = program.command("user").description("accounts of the verification mechanism");
  user
    .command("add <name>")
    .description("create an account; the password is read from stdin (a prompt on a terminal)")
    .option("--role <role>", `one of ${ROLES.join(", ")} (required)`)
    .option("--party <iso3>", "the party a liaison speaks for (PAK, AFG, …)")
    .option("--json", "print JSON")
    .action(
      async (
        name: string,
        flags: { role: string; party?: string; json?: boolean },
        command: Command,
      ) => {
        requireOptions(command, ["role"]);
        const password = await (options.readPassword ?? readPasswordFromStdin)();
        const input = parseNew(name, flags, password);
        const account = await withStore(command, io, async (db) => {
          const ctx = verifyContext({ db, profile: await ensureProfile(db) });
          return createAccount(ctx, input, cliActor());
        });
        if (flags.json) printJson(io, account);
        else
          io.out(
            `created ${account.role} ${account.name}${account.party ? ` (${account.party})` : ""}, id ${account.id}`,
          );
      },
    );

  user
    .command("list")
    .description("list accounts")
    .option("--json", "print JSON")
    .action(async (flags: { json?: boolean }, command: Command) => {
      const accounts = await withStore(command, io, (db) => listAccounts(db));
      if (flags.json) return printJson(io, accounts);
      for (const a of accounts) {
        io.out(
          `${a.name.padEnd(24)} ${a.role.padEnd(9)} ${(a.party ?? "").padEnd(4)} ${a.disabled ? "disabled" : "active"}`,
        );
      }
    });

  user
    .command("disable <name>")
    .description("disable an account: its sessions and API tokens stop working at once")
    .action(async (name: string, _flags: unknown, command: Command) => {
      await withStore(command, io, async (db) => {
        const account = await findAccountByName(db, name);
        if (!account) throw new AppError("NOT_FOUND", `no account named "${name}"`);
        await db.transaction((tx) =>
          setAccountDisabled(tx, { actor: cliActor(), id: account.id, disabled: true }),
        );
      });
      io.out(`disabled ${name}`);
    });
}
