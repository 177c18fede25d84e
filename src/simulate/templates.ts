/**
 * What one simulated event is, before it gets a date and numbers: who acts against whom,
 * where, and of which ACLED sub-event type, for each kind of episode and for the background.
 */
import type { SimCrossing, SimPlace } from "./places.ts";
import { cumulativeWeights, type Random } from "./random.ts";
import type { Roster, SimActor } from "./roster.ts";

export interface Draft {
  subtype: string | null;
  category?: string;
  mode?: string | null;
  place: SimPlace | null;
  /** ISO3 when the event has no town (a statement from the capital). */
  country: string;
  actor1: SimActor;
  actor2: SimActor | null;
  /** Mean of the fatality draw; null: fatalities do not apply (statements, closures). */
  deaths: number | null;
  what: string;
}

export type Template = (ctx: DraftContext) => Draft;

export interface DraftContext {
  random: Random;
  roster: Roster;
  /** Where it happens (a town chosen for the episode or the background). */
  at: (country: string) => SimPlace;
}

const ATTACKS: [string, number, number][] = [
  // ACLED sub-event type, share, mean deaths
  ["Armed clash", 0.32, 3],
  ["Attack", 0.26, 2],
  ["Remote explosive/landmine/IED", 0.22, 1.5],
  ["Suicide bomb", 0.05, 9],
  ["Abduction/forced disappearance", 0.07, 0],
  ["Grenade", 0.08, 1],
];
const ATTACK_WEIGHTS = cumulativeWeights(ATTACKS.map(([, w]) => w));

/** A group based in either country attacks in the first party's country. */
export const insurgentAttack: Template = ({ random, roster, at }) => {
  const [subtype, , deaths] = ATTACKS[random.weighted(ATTACK_WEIGHTS)] ??
    ATTACKS[0] ?? ["Attack", 1, 1];
  const fromAcross = random.next() < 0.65;
  const group = random.pick(roster.groups[fromAcross ? roster.b : roster.a] ?? []);
  const target =
    subtype === "Attack" || subtype === "Abduction/forced disappearance"
      ? roster.civilians
      : random.pick(roster.forces[roster.a] ?? []);
  return {
    subtype,
    place: at(roster.a),
    country: roster.a,
    actor1: group,
    actor2: target,
    deaths,
    what: subtype.toLowerCase(),
  };
};

/** A state acts against the armed groups on its own soil: raids, arrests, strikes. */
export const crackdown: Template = ({ random, roster, at }) => {
  const country = random.next() < 0.6 ? roster.a : roster.b;
  const u = random.next();
  const subtype = u < 0.5 ? "Armed clash" : u < 0.8 ? "Arrests" : "Air/drone strike";
  const groups = [...(roster.groups[roster.a] ?? []), ...(roster.groups[roster.b] ?? [])];
  return {
    subtype,
    place: at(country),
    country,
    actor1: random.pick(roster.forces[country] ?? []),
    actor2: random.pick(groups),
    deaths: subtype === "Arrests" ? 0 : subtype === "Armed clash" ? 3 : 5,
    what: subtype === "Arrests" ? "arrests of militants" : `operation (${subtype.toLowerCase()})`,
  };
};

export const protest: Template = ({ random, roster, at }) => {
  const country = random.next() < 0.7 ? roster.a : roster.b;
  return {
    subtype: "Peaceful protest",
    place: at(country),
    country,
    actor1: roster.protesters,
    actor2: null,
    deaths: 0,
    what: "protest against insecurity",
  };
};

/** The ladder in order over an escalation episode's days, with some disorder. */
export function escalationStep(
  ctx: DraftContext,
  phase: number,
  crossing: SimCrossing | null,
): Draft {
  const { random, roster } = ctx;
  const step = Math.min(0.999, Math.max(0, phase + random.normal() * 0.12));
  const [govA, govB] = [
    random.pick(roster.government[roster.a] ?? []),
    random.pick(roster.government[roster.b] ?? []),
  ];
  const [forcesA, forcesB] = [
    random.pick(roster.forces[roster.a] ?? []),
    random.pick(roster.forces[roster.b] ?? []),
  ];
  const where = crossing?.name ?? "the border";
  if (step < 0.2) {
    return {
      subtype: null,
      category: "ACCUSE",
      mode: null,
      place: null,
      country: roster.a,
      actor1: govA,
      actor2: govB,
      deaths: null,
      what: "accuses the other side of sheltering militants",
    };
  }
  if (step < 0.35) {
    return {
      subtype: null,
      category: "COERCE",
      mode: "restrict",
      place: ctx.at(roster.a),
      country: roster.a,
      actor1: govA,
      actor2: govB,
      deaths: null,
      what: `${where} border crossing closed`,
    };
  }
  if (step < 0.75) {
    const shelling = random.next() < 0.3;
    const side = random.next() < 0.6 ? roster.a : roster.b;
    return {
      subtype: shelling ? "Shelling/artillery/missile attack" : "Armed clash",
      place: ctx.at(side),
      country: side,
      actor1: side === roster.a ? forcesB : forcesA,
      actor2: side === roster.a ? forcesA : forcesB,
      deaths: shelling ? 2 : 4,
      what: `border ${shelling ? "shelling" : "clash"} near ${where}`,
    };
  }
  const group = random.pick(roster.groups[roster.b] ?? []);
  return {
    subtype: "Air/drone strike",
    place: ctx.at(roster.b),
    country: roster.b,
    actor1: forcesA,
    actor2: group,
    deaths: 7,
    what: `cross-border strike on militant hideouts near ${where}`,
  };
}
