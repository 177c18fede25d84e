import type { Command } from "commander";
import {
  type EscalationDay,
  type EscalationReport,
  type EventRef,
  formatEventRef,
  type RungReach,
} from "../../analysis/index.ts";
import { parseAsOf } from "../../app/demands.ts";
import {
  type EscalationRun,
  MAX_DAYS,
  runEscalation,
  WEBHOOK_ENV,
  webhookFrom,
} from "../../app/escalation.ts";
import { AppError } from "../../domain/errors.ts";
import type { Profile } from "../../domain/profile/index.ts";
import { type Io, printJson, withStore } from "../context.ts";
import { ensureProfile } from "../profile-file.ts";
import { formatAlert } from "./alerts.ts";
import { today } from "./demands.ts";

const SHOWN_IDS = 8;

function formatRung(label: string, reach: RungReach | null, explain: boolean): string {
  if (reach === null) return `highest rung, ${label}: none`;
  const shown = explain ? reach.eventIds : reach.eventIds.slice(0, SHOWN_IDS);
  const more = reach.eventIds.length - shown.length;
  const ids = shown.map((id) => `#${id}`).join(" ") + (more > 0 ? ` and ${more} more` : "");
  return `highest rung, ${label}: ${reach.rung} ${reach.id} "${reach.name}", reached ${reach.date} (${ids})`;
}

function formatDay(d: EscalationDay): string {
  const cells = [
    d.date,
    d.index,
    d.index7,
    d.index30,
    d.proxy,
    d.proxy7,
    d.proxy30,
    d.rung,
    d.rung7,
    d.rung30,
  ];
  return cells.map((c, i) => String(c).padStart(i === 0 ? 10 : 7)).join(" ");
}

const SHOWN_DAYS = 14;

export function formatEscalation(run: EscalationRun, profile: Profile, explain: boolean): string {
  const { report } = run;
  const lines = [
    `Escalation ${report.pair.join("–")} as of ${report.asOf} (window ${report.from} … ${report.asOf})`,
    ...formatIndex(report, profile.thresholds.escalationIndex),
    formatRung("last 7 days", report.highest.last7, explain),
    formatRung("last 30 days", report.highest.last30, explain),
    `alerts in the window: ${report.alerts.length}, new ${run.newAlerts.length}`,
    ...run.newAlerts.map((a) => `  ${formatAlert(a)}`),
    ...run.deliveries.map(
      (d) =>
        `  webhook: alert ${d.alertId} ${d.ok ? `posted (${d.status})` : `failed: ${d.error ?? d.status}`}`,
    ),
    "",
    `${"date".padStart(10)}   index  idx7d idx30d   proxy  prx7d prx30d    rung  rung7 rung30`,
    ...(explain ? report.days : report.days.slice(-SHOWN_DAYS)).map(formatDay),
  ];
  if (explain && run.events !== undefined) lines.push(...explainDays(report, run.events));
  else
    lines.push(`(last ${SHOWN_DAYS} days; --explain for every day and its events, --json for all)`);
  return lines.join("\n");
}

function formatIndex(
  report: EscalationReport,
  t: Profile["thresholds"]["escalationIndex"],
): string[] {
  const d = report.latest;
  if (d === null) return ["no days in the window"];
  const bands = `elevated ≥ ${t.elevated}, high ≥ ${t.high}, severe ≥ ${t.severe}, on the 7-day mean`;
  return [
    `state index: day ${d.index}, 7-day mean ${d.index7}, 30-day mean ${d.index30} → ${report.level ?? "below elevated"} (${bands})`,
    `proxy index (actors based in one state against the other): day ${d.proxy}, 7-day mean ${d.proxy7}, 30-day mean ${d.proxy30}`,
  ];
}

function explainDays(report: EscalationReport, events: readonly EventRef[]): string[] {
  const refs = new Map(events.map((e) => [e.id, e]));
  const lines: string[] = [];
  for (const day of report.days) {
    if (day.contributions.length === 0) continue;
    lines.push(`\n${day.date}:`);
    for (const c of day.contributions) {
      const ref = refs.get(c.eventId);
      const how = `${c.relation} ${c.category} ×${c.weight} = ${c.value}`;
      lines.push(
        `  ${how.padEnd(28)} ${ref === undefined ? `#${c.eventId}` : formatEventRef(ref)}`,
      );
    }
  }
  return lines;
}

interface EscalationFlags {
  asOf?: string;
  days: string;
  webhook?: string;
  explain?: boolean;
  json?: boolean;
}

export function registerEscalation(program: Command, io: Io): void {
  program
    .command("escalation")
    .description(
      "daily escalation index of the two states, ladder rungs reached, and alerts (stored, and POSTed to a webhook)",
    )
    .option("--as-of <date>", "the last day of the window (default: today)")
    .option("--days <n>", "days in the window", "90")
    .option("--webhook <url>", `POST new alerts to this URL (env ${WEBHOOK_ENV})`)
    .option("--explain", "every day of the window with the events behind it")
    .option("--json", "print JSON")
    .action(async (flags: EscalationFlags, command: Command) => {
      const asOf = parseAsOf(flags.asOf, today);
      const days = Number(flags.days);
      if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS) {
        throw new AppError(
          "INVALID_INPUT",
          `--days "${flags.days}" is not a whole number from 1 to ${MAX_DAYS}`,
        );
      }
      const webhook = webhookFrom(flags.webhook, process.env);
      const { run, profile } = await withStore(command, io, async (db) => {
        const profile = await ensureProfile(db);
        const run = await runEscalation(db, profile, {
          asOf,
          days,
          webhook,
          explain: flags.explain,
        });
        return { run, profile };
      });
      if (flags.json) printJson(io, run);
      else io.out(formatEscalation(run, profile, flags.explain === true));
    });
}
