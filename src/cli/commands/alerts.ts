import type { Command } from "commander";
import { parseDay } from "../../app/demands.ts";
import { AppError } from "../../domain/errors.ts";
import { listAlerts, type StoredAlert } from "../../store/queries/index.ts";
import { type Io, printJson, withStore } from "../context.ts";
import { ensureProfile } from "../profile-file.ts";

export function formatAlert(alert: StoredAlert): string {
  const last = alert.deliveries.at(-1);
  const delivery =
    last === undefined
      ? ""
      : last.ok
        ? `  [posted to ${last.urlOrigin}]`
        : `  [webhook failed: ${last.error ?? last.status}]`;
  return `${alert.day}  ${alert.level.padEnd(8)}  ${alert.kind.padEnd(11)}  ${alert.message}${delivery}`;
}

interface AlertsFlags {
  since?: string;
  limit: string;
  json?: boolean;
}

export function registerAlerts(program: Command, io: Io): void {
  program
    .command("alerts")
    .description(
      "escalation alerts stored by `frontier escalation`, newest first, with webhook deliveries",
    )
    .option("--since <date>", "only alerts of this day or later")
    .option("--limit <n>", "at most this many", "100")
    .option("--json", "print JSON")
    .action(async (flags: AlertsFlags, command: Command) => {
      const since = flags.since === undefined ? undefined : parseDay(flags.since, "--since");
      const limit = Number(flags.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 100_000) {
        throw new AppError(
          "INVALID_INPUT",
          `--limit "${flags.limit}" is not a whole number from 1 to 100000`,
        );
      }
      const alerts = await withStore(command, io, async (db) => {
        const profile = await ensureProfile(db);
        return listAlerts(db, profile.id, { since, limit });
      });
      if (flags.json) printJson(io, { alerts });
      else if (alerts.length === 0) io.out("no alerts stored (run frontier escalation)");
      else io.out(alerts.map(formatAlert).join("\n"));
    });
}
