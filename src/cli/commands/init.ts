import type { Command } from "commander";
import { saveProfile } from "../../store/profiles.ts";
import { readStatus } from "../../store/status.ts";
import { type Io, printJson, withStore } from "../context.ts";
import { DEFAULT_PROFILE, readProfileFile } from "../profile-file.ts";
import { formatStatus } from "./status.ts";

export function registerInit(program: Command, io: Io): void {
  program
    .command("init")
    .description("create or migrate the store and load a crisis profile")
    .option("--profile <file|name>", "profile file, or a built-in profile name", DEFAULT_PROFILE)
    .option("--json", "print the resulting status as JSON")
    .action(async (opts: { profile: string; json?: boolean }, command: Command) => {
      // Parse before opening the store: a bad profile leaves the store untouched.
      const { profile, source } = await readProfileFile(opts.profile);
      const status = await withStore(command, io, async (db) => {
        await db.transaction((tx) => saveProfile(tx, profile, source));
        return readStatus(db);
      });
      if (opts.json) printJson(io, status);
      else io.out(`loaded profile ${profile.id} from ${source}\n${formatStatus(status)}`);
    });
}

/** `npm start`: until the dashboard exists, initialise with the default profile and print status. */
export function registerStart(program: Command, io: Io): void {
  program
    .command("start")
    .description(
      "set up the embedded store with the default profile (if needed) and print its status",
    )
    .option("--json", "print the status as JSON")
    .action(async (opts: { json?: boolean }, command: Command) => {
      const status = await withStore(command, io, async (db) => {
        const before = await readStatus(db);
        if (!before.profile) {
          const { profile, source } = await readProfileFile(DEFAULT_PROFILE);
          await db.transaction((tx) => saveProfile(tx, profile, source));
        }
        return readStatus(db);
      });
      if (opts.json) printJson(io, status);
      else io.out(formatStatus(status));
    });
}
