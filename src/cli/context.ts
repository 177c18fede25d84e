import type { Command } from "commander";
import type { Db } from "../store/db.ts";
import { openStore } from "../store/open.ts";
import { type Config, loadConfig } from "./config.ts";

export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** True when stderr is a terminal: progress bars are drawn only there. */
  isTty: boolean;
}

export const processIo: Io = {
  out: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith("\n") ? text : `${text}\n`),
  isTty: Boolean(process.stderr.isTTY),
};

/** The root command's options, read from any subcommand. */
export function configOf(command: Command): Config {
  const flags = command.optsWithGlobals<{ dataDir?: string }>();
  return loadConfig(flags, process.env, process.cwd());
}

/** Opens the store for one command and closes it (releasing the lock) however the command ends. */
export async function withStore<T>(
  command: Command,
  io: Io,
  fn: (db: Db, config: Config) => Promise<T>,
): Promise<T> {
  const config = configOf(command);
  const db = await openStore({
    dataDir: config.dataDir,
    databaseUrl: config.databaseUrl,
    warn: (m) => io.err(`warning: ${m}`),
  });
  try {
    return await fn(db, config);
  } finally {
    await db.close();
  }
}

export function printJson(io: Io, value: unknown): void {
  io.out(JSON.stringify(value, null, 2));
}

/**
 * Required options checked in the action rather than with commander's `requiredOption`, which
 * reports a missing option before an unknown one; either way it is wrong usage (exit 2).
 */
export function requireOptions(command: Command, flags: readonly string[]): void {
  const given = command.opts<Record<string, unknown>>();
  for (const flag of flags) {
    if (given[flag] !== undefined) continue;
    const name = flag.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    command.error(`error: required option '--${name}' not specified`, { exitCode: 2 });
  }
}
