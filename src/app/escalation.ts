import { createHash } from "node:crypto";
import {
  type Alert,
  buildEscalationReport,
  type EscalationReport,
  type EventRef,
  escalationStart,
  eventRef,
} from "../analysis/index.ts";
import { AppError } from "../domain/errors.ts";
import { createResolver, type Profile } from "../domain/profile/index.ts";
import type { Db, Sql } from "../store/db.ts";
import {
  failedDeliveries,
  insertAlerts,
  loadEvents,
  loadEventsById,
  recordDelivery,
  type StoredAlert,
} from "../store/queries/index.ts";

export const MAX_DAYS = 3660;

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

export interface EscalationRun {
  report: EscalationReport;
  /** Alerts of the window stored by this run (the others were stored before). */
  newAlerts: StoredAlert[];
  deliveries: DeliveryResult[];
  /** With `explain`: the events behind the days, the rungs and the alerts. */
  events?: EventRef[];
}

function alertInput(alert: Alert) {
  return {
    kind: alert.kind,
    day: alert.day,
    level: alert.level,
    value: alert.value,
    previous: alert.previous,
    message: alert.message,
    details: { eventIds: alert.eventIds, rung: alert.rung },
  };
}

function referencedIds(report: EscalationReport): number[] {
  return [
    ...report.days.flatMap((d) => d.contributions.map((c) => c.eventId)),
    ...(report.highest.last7?.eventIds ?? []),
    ...(report.highest.last30?.eventIds ?? []),
    ...report.alerts.flatMap((a) => a.eventIds),
  ];
}

/**
 * Computes the report, stores its new alerts and POSTs them when a webhook is configured.
 * Shared by `frontier escalation` and `GET /api/escalation` (which passes no webhook).
 */
export async function runEscalation(
  db: Db,
  profile: Profile,
  options: { asOf: string; days: number; webhook: Webhook | null; explain?: boolean },
): Promise<EscalationRun> {
  const events = await loadEvents(db, {
    from: escalationStart(options.asOf, options.days),
    to: options.asOf,
  });
  const report = buildEscalationReport(events, profile, {
    asOf: options.asOf,
    days: options.days,
    matches: createResolver(profile).matches,
  });
  const newAlerts = await insertAlerts(db, profile.id, report.alerts.map(alertInput));
  const deliveries =
    options.webhook === null ? [] : await deliverAlerts(db, profile.id, newAlerts, options.webhook);
  const run: EscalationRun = { report, newAlerts, deliveries };
  if (options.explain) {
    run.events = (await loadEventsById(db, referencedIds(report))).map(eventRef);
  }
  return run;
}
