/**
 * The pair of states a profile is about (its first two parties, Pakistan and Afghanistan) and
 * how an event stands between them. One definition, used by the cross-border view (as SQL
 * parameters) and by the escalation index (in code):
 *
 * - a **state actor** of a party is a profile actor of type `state_force` or `government`
 *   whose `party` is that party (Pakistan's army, police, FC; the Taliban government and its
 *   forces);
 * - a **group** of a party is a profile actor of type `armed_group` whose `basedIn` is that
 *   party (the TTP and the Haqqani network, based in Afghanistan);
 * - an event between the two states (`state`): any event with state actors of both parties
 *   (a clash, talks, an accusation), or with a state actor of one party on the other party's
 *   territory (a Pakistani strike in Afghanistan, whoever it hit);
 * - an event by actors based in one against the other (`proxy`): not a state event, with an
 *   actor based in one party and either a state actor of the other party or the other party's
 *   territory (a TTP attack in Pakistan).
 *
 * Which side started an event is not used: UCDP's side_a/side_b say who fought whom, not who
 * attacked, so the relation is symmetric.
 */
import type { NormalizedEvent } from "../domain/event.ts";
import type { Profile } from "../domain/profile/index.ts";

export type PairSide = "state" | "group";

/** A profile actor that belongs to one of the two parties. */
export interface PairActor {
  id: string;
  /** The party (ISO3): a state actor's `party`, a group's `basedIn`. */
  home: string;
  side: PairSide;
}

export type PairRelation = "state" | "proxy";

const STATE_TYPES: ReadonlySet<string> = new Set(["state_force", "government"]);

/** The two states of a profile, in the profile's order ([PAK, AFG] for pak-afg). */
export function pairOf(profile: Profile): [string, string] {
  const [first, second] = profile.parties;
  if (first === undefined || second === undefined) {
    throw new RangeError(`profile "${profile.id}" has fewer than two parties`);
  }
  return [first.iso3, second.iso3];
}

/** Every profile actor that is a state actor or a group of one of the two parties. */
export function pairActors(profile: Profile): PairActor[] {
  const pair = pairOf(profile);
  const out: PairActor[] = [];
  for (const actor of profile.actors) {
    if (STATE_TYPES.has(actor.type) && actor.party !== null && pair.includes(actor.party)) {
      out.push({ id: actor.id, home: actor.party, side: "state" });
    } else if (
      actor.type === "armed_group" &&
      actor.basedIn !== null &&
      pair.includes(actor.basedIn)
    ) {
      out.push({ id: actor.id, home: actor.basedIn, side: "group" });
    }
  }
  return out;
}

export interface PairContext {
  pair: readonly [string, string];
  actors: ReadonlyMap<string, PairActor>;
}

export function createPairContext(profile: Profile): PairContext {
  return {
    pair: pairOf(profile),
    actors: new Map(pairActors(profile).map((actor) => [actor.id, actor])),
  };
}

/** The pair actors an event involves (each event position once). */
function involved(event: NormalizedEvent, context: PairContext): PairActor[] {
  return event.actors.flatMap((a) => {
    const found = a.actorId === null ? undefined : context.actors.get(a.actorId);
    return found === undefined ? [] : [found];
  });
}

/** How the event stands between the two states, or null when it is not between them. */
export function relationOf(event: NormalizedEvent, context: PairContext): PairRelation | null {
  const actors = involved(event, context);
  if (actors.length === 0) return null;
  const [a, b] = context.pair;
  const other = (home: string) => (home === a ? b : a);
  const states = new Set(actors.filter((x) => x.side === "state").map((x) => x.home));
  // The other party's territory, seen from an actor at home in `home`.
  const where = event.countryIso3;
  const isOnOtherSoil = (home: string) => where !== null && where === other(home);
  if (states.has(a) && states.has(b)) return "state";
  if ([...states].some(isOnOtherSoil)) return "state";
  const isAgainstOther = (home: string) => states.has(other(home)) || isOnOtherSoil(home);
  return actors.some((x) => x.side === "group" && isAgainstOther(x.home)) ? "proxy" : null;
}
