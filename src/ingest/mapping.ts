/**
 * What every adapter shares once a row is parsed: actors resolved through the profile, admin
 * names made canonical, cross-border attribution, and the region flag.
 *
 * Cross-border rule (between the profile's parties, e.g. PAK and AFG), for an event in party
 * country C whose other party is O:
 * 1. actors of both states' forces (type state_force or government) → `O<->C`, a clash between
 *    the states, written with the country where it happened last ("PAK<->AFG" in Afghanistan);
 * 2. else, when the forces of a state outside the parties take part (the US drone campaign in
 *    Pakistan), the event is that state's: not cross-border;
 * 3. else an actor based in O on the event's date → `O->C` (TTP, based in Afghanistan since mid-
 *    2014, attacking in Pakistan → "AFG->PAK"; Pakistani forces striking in Afghanistan →
 *    "PAK->AFG"); the profile's `basedInHistory` dates the base;
 * 4. else the dataset's own hint naming O (UCDP: an `AFG-` relid on a Pakistan row) → `O->C`,
 *    unless the profile knows an armed group of the event (then its base, rule 3, decides);
 * 5. else not cross-border. Events outside the parties' countries are never cross-border.
 */
import type { ActorRole, CrossBorder, EventActor } from "../domain/event.ts";
import { createResolver, type Profile, type ProfileResolver } from "../domain/profile/index.ts";

export interface MappingContext {
  /** Basename of the file, for messages. */
  file: string;
  resolver: ProfileResolver | null;
  /** ISO3 of the profile's parties; empty without a profile (then nothing is cross-border). */
  parties: readonly string[];
}

/** The resolver given, else one built from the profile; the parties come from the profile. */
export function createMappingContext(
  file: string,
  options: { resolver?: ProfileResolver | null; profile?: Profile | null },
): MappingContext {
  const profile = options.profile ?? null;
  const resolver = options.resolver ?? (profile === null ? null : createResolver(profile));
  return { file, resolver, parties: profile?.parties.map((party) => party.iso3) ?? [] };
}

/** An actor as the row names it, with what the profile (or the row) says about it. */
export interface ActorFact {
  name: string;
  role: ActorRole;
  actorId: string | null;
  basedIn: string | null;
  isState: boolean;
}

/** What the row itself says about an actor the profile does not know (UCDP gwnoa, ACLED inter1). */
export interface ActorHint {
  basedIn: string | null;
  isState: boolean;
}

const STATE_TYPES: ReadonlySet<string> = new Set(["state_force", "government"]);

export function resolveActor(
  context: MappingContext,
  name: string,
  role: ActorRole,
  hint: ActorHint | null,
  date: string,
): ActorFact {
  const { resolver } = context;
  // The date picks between aliases valid at different times ("... (2013-2021)") and between
  // an actor's bases over time (the TTP: Pakistan's tribal areas until mid-2014).
  const known = resolver?.actor(name, { date }) ?? null;
  if (resolver !== null && known !== null) {
    return {
      name,
      role,
      actorId: known.id,
      basedIn: resolver.basedIn(known.id, date),
      isState: STATE_TYPES.has(known.type),
    };
  }
  return {
    name,
    role,
    actorId: null,
    basedIn: hint?.basedIn ?? null,
    isState: hint?.isState ?? false,
  };
}

/** Actor facts for every non-empty name, in order; `date` is the event's (YYYY-MM-DD). */
export function resolveActors(
  context: MappingContext,
  entries: readonly [string | null, ActorRole, ActorHint | null][],
  date: string,
): ActorFact[] {
  const facts: ActorFact[] = [];
  for (const [name, role, hint] of entries) {
    if (name !== null && name !== "") facts.push(resolveActor(context, name, role, hint, date));
  }
  return facts;
}

export function toEventActors(facts: readonly ActorFact[]): EventActor[] {
  return facts.map(({ name, role, actorId }) => ({ name, role, actorId }));
}

/** The profile's canonical name for an admin unit, or the name as given when it has none. */
export function canonicalAdmin(
  context: MappingContext,
  country: string | null,
  name: string | null,
  level: 1 | 2,
): string | null {
  if (name === null) return null;
  if (country === null || context.resolver === null) return name;
  return context.resolver.admin(country, name, level)?.name ?? name;
}

/** A country name through the profile (names, demonyms, FIPS codes of the parties), or null. */
export function countryFromProfile(context: MappingContext, name: string): string | null {
  const trimmed = name.trim();
  return trimmed === "" ? null : (context.resolver?.country(trimmed) ?? null);
}

export interface RegionOptions {
  /**
   * ISO3 codes of the actors' countries, when the source gives them (GDELT's CAMEO
   * Actor1CountryCode and Actor2CountryCode): a record about a region country is in the region
   * wherever it happened (a statement on Pakistan made in Washington).
   */
  actorCountries?: readonly (string | null)[];
}

/**
 * Whether the record is in the profile's region: it happened in a region country, or (with
 * `actorCountries`) an actor is of one. Without a profile every record counts.
 */
export function isInRegion(
  context: MappingContext,
  country: string | null,
  options: RegionOptions = {},
): boolean {
  const { resolver } = context;
  if (resolver === null) return true;
  const countries = [country, ...(options.actorCountries ?? [])];
  return countries.some((code) => code !== null && code.trim() !== "" && resolver.isInRegion(code));
}

const NOT_CROSS_BORDER: CrossBorder = { isCrossBorder: false, direction: null };

export function attributeCrossBorder(
  context: MappingContext,
  country: string | null,
  actors: readonly ActorFact[],
  hintFrom: string | null = null,
): CrossBorder {
  const { parties } = context;
  if (country === null || !parties.includes(country)) return NOT_CROSS_BORDER;
  const others = parties.filter((party) => party !== country);
  const isHomeState = actors.some((actor) => actor.isState && actor.basedIn === country);
  for (const other of others) {
    const fromOther = actors.filter((actor) => actor.basedIn === other);
    if (isHomeState && fromOther.some((actor) => actor.isState)) {
      return { isCrossBorder: true, direction: `${other}<->${country}` };
    }
  }
  // UCDP files some US strikes in Pakistan under an AFG- relid (the US–al-Qaida conflict): they
  // are the United States', not Afghanistan's.
  const hasOutsideState = actors.some(
    (actor) => actor.isState && actor.basedIn !== null && !parties.includes(actor.basedIn),
  );
  if (hasOutsideState) return NOT_CROSS_BORDER;
  for (const other of others) {
    if (actors.some((actor) => actor.basedIn === other)) {
      return { isCrossBorder: true, direction: `${other}->${country}` };
    }
  }
  // The hint stands in for a profile that cannot place the fighters. Where it knows the armed
  // group, its base (or null: al-Qaida is global) wins: UCDP files al-Qaida's killings in North
  // Waziristan under an AFG- relid, yet they were not Afghanistan's.
  if (hintFrom !== null && others.includes(hintFrom) && !hasKnownArmedGroup(context, actors)) {
    return { isCrossBorder: true, direction: `${hintFrom}->${country}` };
  }
  return NOT_CROSS_BORDER;
}

function hasKnownArmedGroup(context: MappingContext, actors: readonly ActorFact[]): boolean {
  return actors.some(
    (actor) =>
      actor.actorId !== null && context.resolver?.actorById(actor.actorId)?.type === "armed_group",
  );
}
