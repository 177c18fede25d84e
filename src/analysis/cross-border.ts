/**
 * The cross-border view (`frontier trends --group crossborder`): four kinds of event between
 * the pair of states, with the actor roles of `pair.ts`:
 * - `group-attack A->B`: an ASSAULT in B involving a group based in A (a TTP attack in
 *   Pakistan: `group-attack AFG->PAK`), without state actors of A;
 * - `state-strike A->B`: an ASSAULT in B by state actors of A, without B's state actors (a
 *   Pakistani air strike in Afghanistan: `state-strike PAK->AFG`);
 * - `state-clash A<->B`: an ASSAULT in B with state actors of both (written like the
 *   importer's direction, the country where it happened last);
 * - `border-closure`: an event matching the profile ladder's `border-closure` rung.
 * The first three are classified in SQL (store/queries/cross-border.ts); closures need the
 * rung's keyword rules, so they are matched here on the few candidate events.
 */
import type { LadderRung, Profile } from "../domain/profile/index.ts";
import { type PeriodUnit, periodOf } from "./periods.ts";
import type { TrendCount } from "./trends.ts";
import { type EventRef, eventRef, type Matcher, type StoredEvent } from "./types.ts";

export const CROSS_BORDER_KINDS = [
  "group-attack",
  "state-strike",
  "state-clash",
  "border-closure",
] as const;
export type CrossBorderKind = (typeof CROSS_BORDER_KINDS)[number];

/** The ladder rung whose events are border-crossing closures. */
export const CLOSURE_RUNG_ID = "border-closure";

export function closureRung(profile: Profile): LadderRung | null {
  return profile.escalationLadder.find((rung) => rung.id === CLOSURE_RUNG_ID) ?? null;
}

/** The group label of a kind and direction: "group-attack AFG->PAK". */
export function crossBorderGroup(kind: CrossBorderKind, direction: string | null): string {
  return direction === null ? kind : `${kind} ${direction}`;
}

/** The kind and direction of a group label, or null when it is not one. */
export function parseCrossBorderGroup(
  group: string,
): { kind: CrossBorderKind; direction: string | null } | null {
  const [kind, direction] = group.split(" ");
  const found = CROSS_BORDER_KINDS.find((k) => k === kind);
  return found === undefined ? null : { kind: found, direction: direction ?? null };
}

export interface CrossBorderItem extends EventRef {
  kind: CrossBorderKind;
  direction: string | null;
}

/** The candidate events that match the closure rung. */
export function closures(
  events: readonly StoredEvent[],
  rung: LadderRung,
  matches: Matcher,
): StoredEvent[] {
  return events.filter((event) => matches(event, rung.pattern));
}

export function closureItems(events: readonly StoredEvent[]): CrossBorderItem[] {
  return events.map((event) => ({ ...eventRef(event), kind: "border-closure", direction: null }));
}

/** Per-period counts of events computed in code, in the shape the store's aggregates have. */
export function countByPeriod(
  events: readonly StoredEvent[],
  unit: PeriodUnit,
  group: string,
  withIds: boolean,
): TrendCount[] {
  const byPeriod = new Map<string, TrendCount>();
  for (const event of events) {
    const start = periodOf(event.dateStart, unit).start;
    const count = byPeriod.get(start) ?? {
      periodStart: start,
      group,
      events: 0,
      best: 0,
      low: 0,
      high: 0,
      withFatalities: 0,
      ...(withIds ? { eventIds: [] } : {}),
    };
    const best = event.fatalitiesBest;
    count.events += 1;
    count.best += best ?? 0;
    count.low += event.fatalitiesLow ?? best ?? 0;
    count.high += event.fatalitiesHigh ?? best ?? 0;
    count.withFatalities += best === null ? 0 : 1;
    count.eventIds?.push(event.id);
    byPeriod.set(start, count);
  }
  return [...byPeriod.values()];
}
