/**
 * Whether an event matches an `EventPattern`. Fields combine with AND, the
 * values of a list field with OR. Actor fields name profile actors and also
 * match their factions and units (an actor whose `parent` chain reaches one).
 */
import type { ActorRole, NormalizedEvent } from "../event.ts";
import { basedInOn } from "./based-in.ts";
import { hasKey, nameKey, searchText } from "./normalize.ts";
import type { EventPattern, ProfileActor } from "./schema.ts";

/** A profile actor with the ids of itself and every actor above it. */
export interface ActorLineage {
  actor: ProfileActor;
  lineage: ReadonlySet<string>;
}

export type LineageLookup = (actorId: string) => ActorLineage | undefined;

/**
 * Roles that can initiate and roles that can be targeted. UCDP's side_a and
 * side_b say who fought whom, not who started it, so they count as both.
 */
const INITIATOR_ROLES: ReadonlySet<ActorRole> = new Set(["actor1", "assoc1", "side_a", "side_b"]);
const TARGET_ROLES: ReadonlySet<ActorRole> = new Set([
  "actor2",
  "assoc2",
  "target",
  "side_a",
  "side_b",
]);

interface SideConstraint {
  ids: readonly string[] | undefined;
  types: readonly string[] | undefined;
  basedIn: readonly string[] | undefined;
  parties: readonly string[] | undefined;
}

function isConstrained(side: SideConstraint): boolean {
  return [side.ids, side.types, side.basedIn, side.parties].some((list) => list !== undefined);
}

/** `date` is the event's: where an actor is based depends on it (`basedInHistory`). */
function satisfies(found: ActorLineage | undefined, side: SideConstraint, date: string): boolean {
  if (found === undefined) return false;
  const { actor, lineage } = found;
  if (side.ids !== undefined && !side.ids.some((id) => lineage.has(id))) return false;
  if (side.types !== undefined && !side.types.includes(actor.type)) return false;
  if (side.basedIn !== undefined) {
    const basedIn = basedInOn(actor, date);
    if (basedIn === null || !side.basedIn.includes(basedIn)) return false;
  }
  return side.parties === undefined || (actor.party !== null && side.parties.includes(actor.party));
}

function inList(value: string | null, list: readonly string[] | undefined): boolean {
  return list === undefined || (value !== null && list.includes(value));
}

function matchesCrossBorder(event: NormalizedEvent, rule: EventPattern["crossBorder"]): boolean {
  if (rule === undefined) return true;
  if (typeof rule === "boolean") return event.crossBorder.isCrossBorder === rule;
  return event.crossBorder.isCrossBorder && event.crossBorder.direction === rule;
}

function matchesActors(
  event: NormalizedEvent,
  pattern: EventPattern,
  lookup: LineageLookup,
): boolean {
  const initiator: SideConstraint = {
    ids: pattern.actor,
    types: pattern.actorType,
    basedIn: pattern.actorBasedIn,
    parties: pattern.actorParty,
  };
  const target: SideConstraint = {
    ids: pattern.target,
    types: pattern.targetType,
    basedIn: undefined,
    parties: pattern.targetParty,
  };
  const wantsInitiator = isConstrained(initiator);
  const wantsTarget = isConstrained(target);
  if (!wantsInitiator && !wantsTarget) return true;

  const actors = event.actors.map((a) => ({
    role: a.role,
    found: a.actorId === null ? undefined : lookup(a.actorId),
  }));
  const fits = (i: number, side: SideConstraint, roles: ReadonlySet<ActorRole>) => {
    const entry = actors[i];
    return entry !== undefined && (pattern.undirected === true || roles.has(entry.role))
      ? satisfies(entry.found, side, event.dateStart)
      : false;
  };
  const indexes = actors.map((_, i) => i);
  if (!wantsTarget) return indexes.some((i) => fits(i, initiator, INITIATOR_ROLES));
  if (!wantsInitiator) return indexes.some((i) => fits(i, target, TARGET_ROLES));
  return indexes.some(
    (i) =>
      fits(i, initiator, INITIATOR_ROLES) &&
      indexes.some((j) => j !== i && fits(j, target, TARGET_ROLES)),
  );
}

/** The normalised keyword text of an event and key of a keyword (see `createMatcher`). */
interface KeywordKeys {
  textOf(event: NormalizedEvent): string;
  keyOf(keyword: string): string;
}

const UNCACHED: KeywordKeys = {
  textOf: (event) => searchText(event.summary ?? ""),
  keyOf: nameKey,
};

/**
 * `eventMatches` for many events and patterns, as demand evidence and the escalation ladder
 * run them (every rule over every event of a period): each event's summary and each keyword is
 * normalised once, not once per rule. The text is kept per event object while its summary
 * stays the same.
 */
export function createMatcher(
  lookup: LineageLookup,
): (event: NormalizedEvent, pattern: EventPattern) => boolean {
  const texts = new WeakMap<NormalizedEvent, { summary: string | null; text: string }>();
  const keys = new Map<string, string>();
  const cached: KeywordKeys = {
    textOf(event) {
      const hit = texts.get(event);
      if (hit !== undefined && hit.summary === event.summary) return hit.text;
      const text = UNCACHED.textOf(event);
      texts.set(event, { summary: event.summary, text });
      return text;
    },
    keyOf(keyword) {
      let key = keys.get(keyword);
      if (key === undefined) {
        key = nameKey(keyword);
        keys.set(keyword, key);
      }
      return key;
    },
  };
  return (event, pattern) => eventMatches(event, { pattern, lookup, keywordKeys: cached });
}

/** `lookup` gives the profile actor (and its lineage) of an event actor's `actorId`. */
export function eventMatches(
  event: NormalizedEvent,
  {
    pattern,
    lookup,
    keywordKeys = UNCACHED,
  }: { pattern: EventPattern; lookup: LineageLookup; keywordKeys?: KeywordKeys },
): boolean {
  if (!inList(event.category, pattern.category)) return false;
  if (!inList(event.mode, pattern.mode)) return false;
  if (pattern.subtype !== undefined) {
    const subtype = event.subtype?.toLowerCase() ?? null;
    if (!pattern.subtype.some((s) => s.toLowerCase() === subtype)) return false;
  }
  if (!inList(event.countryIso3, pattern.country)) return false;
  if (pattern.minFatalities !== undefined && (event.fatalitiesBest ?? 0) < pattern.minFatalities) {
    return false;
  }
  if (!matchesCrossBorder(event, pattern.crossBorder)) return false;
  if (pattern.keywords !== undefined) {
    const text = keywordKeys.textOf(event);
    if (!pattern.keywords.some((keyword) => hasKey(text, keywordKeys.keyOf(keyword)))) {
      return false;
    }
  }
  return matchesActors(event, pattern, lookup);
}
