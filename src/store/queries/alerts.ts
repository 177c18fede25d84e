import type { Sql } from "../db.ts";

export interface AlertInput {
  kind: string;
  day: string;
  level: string;
  value: number;
  previous: number;
  message: string;
  details: unknown;
}

export interface StoredAlert extends AlertInput {
  id: number;
  profileId: string;
  createdAt: string;
  deliveries: Delivery[];
}

export interface Delivery {
  urlOrigin: string;
  ok: boolean;
  status: number | null;
  error: string | null;
  attemptedAt: string;
}

interface Row {
  id: number;
  profile_id: string;
  kind: string;
  day: string;
  level: string;
  value: number;
  previous: number;
  message: string;
  details: unknown;
  created_at: string;
  deliveries: Delivery[];
}

function toAlert(row: Row): StoredAlert {
  return {
    id: row.id,
    profileId: row.profile_id,
    kind: row.kind,
    day: row.day,
    level: row.level,
    value: row.value,
    previous: row.previous,
    message: row.message,
    details: row.details,
    createdAt: row.created_at,
    deliveries: row.deliveries,
  };
}

const DELIVERIES = `
  coalesce((SELECT json_agg(json_build_object('urlOrigin', d.url_origin, 'ok', d.ok,
      'status', d.status, 'error', d.error, 'attemptedAt', d.attempted_at) ORDER BY d.id)
    FROM webhook_deliveries d WHERE d.alert_id = a.id), '[]'::json) AS deliveries`;

/** Stores the alerts not stored before (same profile, kind, day and level); returns the new ones. */
export async function insertAlerts(
  db: Sql,
  profileId: string,
  alerts: readonly AlertInput[],
): Promise<StoredAlert[]> {
  if (alerts.length === 0) return [];
  const rows = await db.query<Row>(
    `INSERT INTO alerts (profile_id, kind, day, level, value, previous, message, details)
     SELECT $1, u.kind, u.day, u.level, u.value, u.previous, u.message, u.details::jsonb
     FROM unnest($2::text[], $3::date[], $4::text[], $5::float8[], $6::float8[], $7::text[], $8::text[])
       AS u(kind, day, level, value, previous, message, details)
     ON CONFLICT (profile_id, kind, day, level) DO NOTHING
     RETURNING *, '[]'::json AS deliveries`,
    [
      profileId,
      alerts.map((a) => a.kind),
      alerts.map((a) => a.day),
      alerts.map((a) => a.level),
      alerts.map((a) => a.value),
      alerts.map((a) => a.previous),
      alerts.map((a) => a.message),
      alerts.map((a) => JSON.stringify(a.details)),
    ],
  );
  return rows.map(toAlert).sort((a, b) => a.day.localeCompare(b.day) || a.id - b.id);
}

/** Stored alerts of a profile, newest day first. */
export async function listAlerts(
  db: Sql,
  profileId: string,
  options: { since?: string; limit: number },
): Promise<StoredAlert[]> {
  const rows = await db.query<Row>(
    `SELECT a.*, ${DELIVERIES} FROM alerts a
     WHERE a.profile_id = $1 AND ($2::date IS NULL OR a.day >= $2::date)
     ORDER BY a.day DESC, a.id DESC LIMIT $3`,
    [profileId, options.since ?? null, options.limit],
  );
  return rows.map(toAlert);
}

/**
 * Alerts whose every delivery to this webhook failed: they are retried on the next run.
 * Alerts never attempted (stored before a webhook was configured) are not sent.
 */
export async function failedDeliveries(
  db: Sql,
  profileId: string,
  urlSha256: string,
): Promise<StoredAlert[]> {
  const rows = await db.query<Row>(
    `SELECT a.*, ${DELIVERIES} FROM alerts a
     WHERE a.profile_id = $1
       AND EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.alert_id = a.id AND d.url_sha256 = $2)
       AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d
                       WHERE d.alert_id = a.id AND d.url_sha256 = $2 AND d.ok)
     ORDER BY a.day, a.id`,
    [profileId, urlSha256],
  );
  return rows.map(toAlert);
}

export async function recordDelivery(
  db: Sql,
  delivery: {
    alertId: number;
    urlOrigin: string;
    urlSha256: string;
    ok: boolean;
    status: number | null;
    error: string | null;
  },
): Promise<void> {
  await db.query(
    `INSERT INTO webhook_deliveries (alert_id, url_origin, url_sha256, ok, status, error)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [
      delivery.alertId,
      delivery.urlOrigin,
      delivery.urlSha256,
      delivery.ok,
      delivery.status,
      delivery.error,
    ],
  );
}
