/**
 * Where a profile actor was based on a given day. An actor's `basedIn` is where it is based now;
 * `basedInHistory` overrides it for the periods it lists, because groups move (the TTP ran its
 * war from Pakistan's tribal areas until the army's 2014 Zarb-e-Azb operation pushed its
 * leadership into Afghanistan), and attributing a 2010 event to today's base would be wrong.
 */
import type { ProfileActor } from "./schema.ts";

/** ISO3 (or null) for `date` (YYYY-MM-DD…); without a date, the current `basedIn`. */
export function basedInOn(
  actor: Pick<ProfileActor, "basedIn" | "basedInHistory">,
  date?: string,
): string | null {
  if (date === undefined) return actor.basedIn;
  const day = date.slice(0, 10);
  const period = actor.basedInHistory.find(
    (p) => (p.from === undefined || p.from <= day) && (p.to === undefined || day < p.to),
  );
  return period === undefined ? actor.basedIn : period.iso3;
}
