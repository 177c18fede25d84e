/**
 * The daily escalation index of the pair of states and the highest rung of the profile's
 * escalation ladder reached (docs/compliance.md, "Escalation index").
 *
 * Each event between the two states contributes its PLOVER conflict–cooperation score with
 * the sign turned so that hostility is positive (an ASSAULT adds 9.3, a CONSULT takes off 2.1),
 * times a fatality weight `1 + ln(1 + fatalities)`: 1 for a bloodless event, 1.69 for one
 * death, 3.4 for ten, 5.6 for a hundred. The log keeps one massacre from drowning a month of
 * clashes, as in Goldstein-weighted event indexes; the 1 keeps non-lethal events counting.
 */

import { ploverScore } from "../domain/ontology/index.ts";
import { isPloverCategory } from "../domain/plover.ts";
import type { EventPattern, LadderRung } from "../domain/profile/index.ts";
import { type PairContext, type PairRelation, relationOf } from "./pair.ts";
import { addDays, datesBetween } from "./periods.ts";
import type { Matcher, StoredEvent } from "./types.ts";

/** Fatality weight of an event: `1 + ln(1 + fatalities)`; unknown fatalities count as none. */
export function fatalityWeight(fatalities: number | null): number {
  return 1 + Math.log1p(Math.max(0, fatalities ?? 0));
}

/** Hostility of one event: minus its PLOVER score, times its fatality weight; null without a category. */
export function hostility(event: Pick<StoredEvent, "category" | "fatalitiesBest">): number | null {
  const category = event.category;
  if (category === null || !isPloverCategory(category)) return null;
  return -ploverScore(category) * fatalityWeight(event.fatalitiesBest);
}

export interface Contribution {
  eventId: number;
  relation: PairRelation;
  category: string;
  fatalities: number | null;
  weight: number;
  value: number;
}

/** Per-day sums of the contributions of events between the two states. */
export interface DailyIndex {
  date: string;
  /** Between the two states. */
  state: number;
  /** By actors based in one party against the other. */
  proxy: number;
  contributions: Contribution[];
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** The daily index from `from` to `to`; days without events are 0. */
export function dailyIndex(
  events: readonly StoredEvent[],
  context: PairContext,
  range: { from: string; to: string },
): DailyIndex[] {
  const days = new Map<string, DailyIndex>(
    datesBetween(range.from, range.to).map((date) => [
      date,
      { date, state: 0, proxy: 0, contributions: [] },
    ]),
  );
  for (const event of events) {
    const day = days.get(event.dateStart);
    const value = hostility(event);
    if (day === undefined || value === null || event.category === null) continue;
    const relation = relationOf(event, context);
    if (relation === null) continue;
    day[relation] += value;
    day.contributions.push({
      eventId: event.id,
      relation,
      category: event.category,
      fatalities: event.fatalitiesBest,
      weight: round(fatalityWeight(event.fatalitiesBest)),
      value: round(value),
    });
  }
  return [...days.values()].map((d) => ({ ...d, state: round(d.state), proxy: round(d.proxy) }));
}

/** Trailing mean over `window` days, the day itself included; needs `window - 1` days before. */
export function trailingMean(values: readonly number[], window: number): number[] {
  let sum = 0;
  return values.map((value, i) => {
    sum += value;
    if (i >= window) sum -= values[i - window] ?? 0;
    return round(sum / window);
  });
}

/** A rung reached on a day, with the events that reached it. */
export interface RungReach {
  rung: number;
  id: string;
  name: string;
  date: string;
  eventIds: number[];
}

function matchingByDate(
  events: readonly StoredEvent[],
  pattern: EventPattern,
  matches: Matcher,
): Map<string, number[]> {
  const byDate = new Map<string, number[]>();
  for (const event of events) {
    if (!matches(event, pattern)) continue;
    const list = byDate.get(event.dateStart);
    if (list === undefined) byDate.set(event.dateStart, [event.id]);
    else list.push(event.id);
  }
  return byDate;
}

/**
 * The rungs reached on each day: a rung is reached on a day with a matching event, or, for a
 * rung with a threshold, on a day that closes a window of `windowDays` days holding at least
 * `count` matching events (their ids are the window's).
 */
export function rungsByDay(
  events: readonly StoredEvent[],
  ladder: readonly LadderRung[],
  matches: Matcher,
  range: { from: string; to: string },
): Map<string, RungReach[]> {
  const out = new Map<string, RungReach[]>();
  for (const rung of ladder) {
    const byDate = matchingByDate(events, rung.pattern, matches);
    const window = rung.threshold?.windowDays ?? 1;
    const needed = rung.threshold?.count ?? 1;
    // The days of the range and the window before its first: day i closes days[i - window + 1 … i].
    const days = datesBetween(addDays(range.from, 1 - window), range.to);
    for (const [i, date] of days.entries()) {
      if (i < window - 1) continue;
      const eventIds = days.slice(i + 1 - window, i + 1).flatMap((d) => byDate.get(d) ?? []);
      if (eventIds.length < needed) continue;
      const reach = { rung: rung.rung, id: rung.id, name: rung.name, date, eventIds };
      out.set(date, [...(out.get(date) ?? []), reach]);
    }
  }
  return out;
}

/** The highest rung reached in the `window` days ending on `date`; the latest day wins a tie. */
export function highestRung(
  reached: ReadonlyMap<string, readonly RungReach[]>,
  date: string,
  window: number,
): RungReach | null {
  let best: RungReach | null = null;
  for (const day of datesBetween(addDays(date, 1 - window), date)) {
    for (const reach of reached.get(day) ?? []) {
      if (best === null || reach.rung >= best.rung) best = reach;
    }
  }
  return best;
}
