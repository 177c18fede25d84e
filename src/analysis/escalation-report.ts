/**
 * The escalation report for one day: the daily series of the window (index, 7- and 30-day
 * means, highest rung of the last 7 and 30 days), the rungs reached as of the day, and the
 * alerts raised inside the window.
 */
import type { Profile } from "../domain/profile/index.ts";
import { type Alert, type AlertDay, detectAlerts, levelOf } from "./alerts.ts";
import {
  type Contribution,
  dailyIndex,
  highestRung,
  type RungReach,
  rungsByDay,
  trailingMean,
} from "./escalation.ts";
import { createPairContext, pairOf } from "./pair.ts";
import { addDays } from "./periods.ts";
import type { Matcher, StoredEvent } from "./types.ts";

/** Days of events needed before the window: the 30-day mean and rung windows look back. */
export const LOOKBACK_DAYS = 30;

export interface EscalationDay {
  date: string;
  index: number;
  index7: number;
  index30: number;
  proxy: number;
  proxy7: number;
  proxy30: number;
  /** Highest rung reached that day, and in the 7 and 30 days ending that day (0: none). */
  rung: number;
  rung7: number;
  rung30: number;
  contributions: Contribution[];
}

export interface EscalationReport {
  pair: [string, string];
  asOf: string;
  from: string;
  days: EscalationDay[];
  latest: EscalationDay | null;
  level: ReturnType<typeof levelOf>;
  highest: { last7: RungReach | null; last30: RungReach | null };
  alerts: Alert[];
}

export interface EscalationOptions {
  asOf: string;
  /** Days in the window, `asOf` included. */
  days: number;
  matches: Matcher;
}

/** The first date whose events the report needs. */
export function escalationStart(asOf: string, days: number): string {
  return addDays(asOf, 1 - days - LOOKBACK_DAYS);
}

export function buildEscalationReport(
  events: readonly StoredEvent[],
  profile: Profile,
  options: EscalationOptions,
): EscalationReport {
  const context = createPairContext(profile);
  const loadFrom = escalationStart(options.asOf, options.days);
  const from = addDays(options.asOf, 1 - options.days);
  const range = { from: loadFrom, to: options.asOf };
  const daily = dailyIndex(events, context, range);
  const state = daily.map((d) => d.state);
  const proxy = daily.map((d) => d.proxy);
  const [state7, state30, proxy7, proxy30] = [
    trailingMean(state, 7),
    trailingMean(state, 30),
    trailingMean(proxy, 7),
    trailingMean(proxy, 30),
  ];
  const reached = rungsByDay(events, profile.escalationLadder, options.matches, range);
  const all: EscalationDay[] = daily.map((d, i) => ({
    date: d.date,
    index: d.state,
    index7: state7[i] ?? 0,
    index30: state30[i] ?? 0,
    proxy: d.proxy,
    proxy7: proxy7[i] ?? 0,
    proxy30: proxy30[i] ?? 0,
    rung: highestRung(reached, d.date, 1)?.rung ?? 0,
    rung7: highestRung(reached, d.date, 7)?.rung ?? 0,
    rung30: highestRung(reached, d.date, 30)?.rung ?? 0,
    contributions: d.contributions,
  }));
  const alertDays: AlertDay[] = all.map((d, i) => ({
    date: d.date,
    index7: d.index7,
    rung7: highestRung(reached, d.date, 7),
    windowEventIds: all
      .slice(Math.max(0, i - 6), i + 1)
      .flatMap((w) => w.contributions.filter((c) => c.relation === "state").map((c) => c.eventId)),
  }));
  const first = all.findIndex((d) => d.date === from);
  const days = all.slice(first);
  const latest = days.at(-1) ?? null;
  return {
    pair: pairOf(profile),
    asOf: options.asOf,
    from,
    days,
    latest,
    level: latest === null ? null : levelOf(latest.index7, profile.thresholds.escalationIndex),
    highest: {
      last7: highestRung(reached, options.asOf, 7),
      last30: highestRung(reached, options.asOf, 30),
    },
    alerts: detectAlerts(alertDays.slice(first), profile.thresholds, alertDays[first - 1] ?? null),
  };
}
