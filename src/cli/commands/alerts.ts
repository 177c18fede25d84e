import { createHash } from "node:crypto";
import type { Command } from "commander";
import { AppError } from "../../domain/errors.ts";
import type { Sql } from "../../store/db.ts";
import {
  failedDeliveries,
  listAlerts,
  recordDelivery,
  type StoredAlert,
} from "../../store/queries/index.ts";
import { type Io, printJson, withStore } from "../context.ts";
import { ensureProfile } from "../profile-file.ts";
import { parseAsOf } from "./demands.ts";

/** Where alerts are POSTed: `--webhook URL`, else this environment variable. */
export const WEBHOOK_ENV = "FRONTIER_WEBHOOK_URL";
const WEBHOOK_TIMEOUT_MS = 10_000;

export interface Webhook {
  url: string;
  /** The URL without path, query or credentials: what messages and the store may show. */
  origin: string;
  sha256: string;
}

/** The webhook from the flag or the environment, or null when neither is set. */
export function webhookFrom(
  flag: string | undefined,
  env: Record<string, string | undefined>,
): Webhook | null {
  const raw = (flag ?? env[WEBHOOK_ENV] ?? "").trim();
  if (raw === "") return null;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch (error) {
    throw new AppError("INVALID_INPUT", "the webhook URL is not a URL", { cause: error });
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    throw new AppError(
      "INVALID_INPUT",
      `the webhook URL must be http or https, not ${parsed.protocol}`,
    );
  }
  return {
    url: raw,
    origin: parsed.origin,
    sha256: createHash("sha256").update(raw).digest("hex"),
  };
}

export interface DeliveryResult {
  alertId: number;
  ok: boolean;
  status: number | null;
  error: string | null;
}

/** The JSON body POSTed for one alert. */
export function alertPayload(profileId: string, alert: StoredAlert) {
  return {
    type: "frontier.alert",
    profile: profileId,
    alert: {
      id: alert.id,
      kind: alert.kind,
      day: alert.day,
      level: alert.level,
      value: alert.value,
      previous: alert.previous,
      message: alert.message,
      details: alert.details,
    },
  };
}

async function post(webhook: Webhook, body: unknown): Promise<Omit<DeliveryResult, "alertId">> {
  try {
    const response = await fetch(webhook.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
    });
    await response.body?.cancel();
    return {
      ok: response.ok,
      status: response.status,
      error: response.ok ? null : response.statusText,
    };
  } catch (error) {
    // The URL may hold a token: the message names only the origin.
    const reason =
      error instanceof Error
        ? error.cause instanceof Error
          ? error.cause.message
          : error.message
        : String(error);
    return { ok: false, status: null, error: `POST to ${webhook.origin} failed: ${reason}` };
  }
}

/**
 * POSTs the new alerts, and the earlier ones whose deliveries to this webhook all failed, one
 * at a time in day order; every attempt is stored. A failure never fails the command.
 */
export async function deliverAlerts(
  db: Sql,
  profileId: string,
  fresh: readonly StoredAlert[],
  webhook: Webhook,
): Promise<DeliveryResult[]> {
  const retries = await failedDeliveries(db, profileId, webhook.sha256);
  const freshIds = new Set(fresh.map((a) => a.id));
  const queue = [...retries.filter((a) => !freshIds.has(a.id)), ...fresh];
  const results: DeliveryResult[] = [];
  for (const alert of queue) {
    const outcome = await post(webhook, alertPayload(profileId, alert));
    await recordDelivery(db, {
      alertId: alert.id,
      urlOrigin: webhook.origin,
      urlSha256: webhook.sha256,
      ...outcome,
    });
    results.push({ alertId: alert.id, ...outcome });
  }
  return results;
}

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
      const since = flags.since === undefined ? undefined : parseAsOf(flags.since, "--since");
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
