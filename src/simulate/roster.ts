/**
 * Who acts in simulated events, taken from the profile so that any pair of parties works:
 * each party's state forces and government, and the armed groups based in each country.
 */
import type { EventActor } from "../domain/event.ts";
import type { Profile, ProfileActor } from "../domain/profile/index.ts";

export interface SimActor {
  id: string | null;
  name: string;
  /** Where the actor is based (ISO3), when known. */
  basedIn: string | null;
}

export interface Roster {
  /** The demanding party (the first in the profile) and the one addressed. */
  a: string;
  b: string;
  government: Record<string, SimActor[]>;
  forces: Record<string, SimActor[]>;
  /** Non-state armed groups by the country they are based in. */
  groups: Record<string, SimActor[]>;
  civilians: SimActor;
  protesters: SimActor;
}

function simActor(actor: ProfileActor): SimActor {
  return { id: actor.id, name: actor.name, basedIn: actor.basedIn };
}

function byParty(actors: readonly ProfileActor[], iso3: string, type: string): SimActor[] {
  return actors.filter((a) => a.party === iso3 && a.type === type).map(simActor);
}

export function rosterOf(profile: Profile): Roster {
  const [first, second] = profile.parties;
  const a = first?.iso3 ?? profile.region.countries[0] ?? "AAA";
  const b = second?.iso3 ?? profile.region.countries[1] ?? a;
  // A state that has since fallen (Afghanistan's Republic, to 2021) has an alias period; the
  // simulation is of the present, so the actors whose name marks an end ("(to 2021)") go.
  const current = profile.actors.filter((x) => !/\(to \d{4}\)/.test(x.name));
  const groups = (iso3: string) =>
    current
      .filter((x) => x.type === "armed_group" && x.party === null && x.basedIn === iso3)
      .map(simActor);
  const civilians = current.find((x) => x.id === "civilians" || x.name === "Civilians");
  const fallback = (iso3: string): SimActor[] => [
    { id: null, name: `Unidentified armed group (${iso3})`, basedIn: iso3 },
  ];
  const nonEmpty = (list: SimActor[], iso3: string) => (list.length > 0 ? list : fallback(iso3));
  return {
    a,
    b,
    government: {
      [a]: nonEmpty(byParty(current, a, "government"), a),
      [b]: nonEmpty(byParty(current, b, "government"), b),
    },
    forces: {
      [a]: nonEmpty(byParty(current, a, "state_force"), a),
      [b]: nonEmpty(byParty(current, b, "state_force"), b),
    },
    groups: { [a]: nonEmpty(groups(a), a), [b]: nonEmpty(groups(b), b) },
    civilians:
      civilians === undefined
        ? { id: null, name: "Civilians", basedIn: null }
        : { id: civilians.id, name: civilians.name, basedIn: null },
    protesters: { id: null, name: "Protesters", basedIn: null },
  };
}

export function eventActors(actor1: SimActor, actor2: SimActor | null): EventActor[] {
  const list: EventActor[] = [{ name: actor1.name, role: "actor1", actorId: actor1.id }];
  if (actor2 !== null) list.push({ name: actor2.name, role: "actor2", actorId: actor2.id });
  return list;
}
