/**
 * Alerts from the escalation series (docs/compliance.md, "Alerts"):
 * - `index-level`: the 7-day mean of the state index enters a higher band of the profile's
 *   `thresholds.escalationIndex` (elevated, high, severe) than the day before;
 * - `rung-rise`: the highest ladder rung reached in the last 7 days rises, to a rung at or
 *   above `thresholds.ladderRung.elevated`; its level is the band of the new rung.
 * Falls raise nothing: an alert says "worse than yesterday", and the series shows the rest.
 */
import type { Thresholds } from "../domain/profile/index.ts";
import type { RungReach } from "./escalation.ts";

export const ALERT_LEVELS = ["elevated", "high", "severe"] as const;
export type AlertLevel = (typeof ALERT_LEVELS)[number];
export type AlertKind = "index-level" | "rung-rise";

export interface Alert {
  kind: AlertKind;
  day: string;
  level: AlertLevel;
  /** The 7-day mean index, or the rung number. */
  value: number;
  previous: number;
  message: string;
  /** The events behind the alert: the window's state events, or the rung's events. */
  eventIds: number[];
  rung: { rung: number; id: string; name: string } | null;
}

type Levels = Thresholds["escalationIndex"];

/** The highest band `value` is at or above, or null below `elevated`. */
export function levelOf(value: number, levels: Levels): AlertLevel | null {
  for (const level of [...ALERT_LEVELS].reverse()) if (value >= levels[level]) return level;
  return null;
}

function rank(level: AlertLevel | null): number {
  return level === null ? 0 : ALERT_LEVELS.indexOf(level) + 1;
}

/** One day of the series as alert detection needs it. */
export interface AlertDay {
  date: string;
  index7: number;
  rung7: RungReach | null;
  /** Ids of the state events of the 7-day window. */
  windowEventIds: number[];
}

export function detectAlerts(
  days: readonly AlertDay[],
  thresholds: Thresholds,
  before: AlertDay | null,
): Alert[] {
  const alerts: Alert[] = [];
  let previous = before;
  for (const day of days) {
    if (previous !== null) {
      const indexAlert = indexLevelAlert(day, previous, thresholds.escalationIndex);
      if (indexAlert !== null) alerts.push(indexAlert);
      const rungAlert = rungRiseAlert(day, previous, thresholds.ladderRung);
      if (rungAlert !== null) alerts.push(rungAlert);
    }
    previous = day;
  }
  return alerts;
}

function indexLevelAlert(day: AlertDay, previous: AlertDay, levels: Levels): Alert | null {
  const level = levelOf(day.index7, levels);
  if (level === null || rank(level) <= rank(levelOf(previous.index7, levels))) return null;
  return {
    kind: "index-level",
    day: day.date,
    level,
    value: day.index7,
    previous: previous.index7,
    message: `escalation index (7-day mean) ${day.index7} reached ${level} (≥ ${levels[level]}), from ${previous.index7}`,
    eventIds: day.windowEventIds,
    rung: null,
  };
}

function rungRiseAlert(day: AlertDay, previous: AlertDay, levels: Levels): Alert | null {
  const now = day.rung7;
  const before = previous.rung7?.rung ?? 0;
  if (now === null || now.rung <= before) return null;
  const level = levelOf(now.rung, levels);
  if (level === null) return null;
  return {
    kind: "rung-rise",
    day: day.date,
    level,
    value: now.rung,
    previous: before,
    message: `escalation ladder rose to rung ${now.rung} "${now.name}" (${level}), from ${before === 0 ? "none" : `rung ${before}`} in the last 7 days`,
    eventIds: now.eventIds,
    rung: { rung: now.rung, id: now.id, name: now.name },
  };
}
