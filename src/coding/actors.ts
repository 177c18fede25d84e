/**
 * Finds actors in a sentence: profile actors by name and alias ("TTP",
 * "Islamabad", "the Afghan Taliban"), demonym phrases ("Pakistani forces",
 * "Afghan authorities", "Pakistan's foreign ministry"), organisations not in
 * the profile (kept by name), and generic nouns ("militants").
 */
import type { Profile, ProfileActor, ProfileResolver } from "../domain/profile/index.ts";
import {
  FUNCTION_WORDS,
  isAllCaps,
  isCapitalised,
  phraseKey,
  type Token,
  tokenize,
} from "./text-key.ts";
import type { ActorMention } from "./types.ts";

interface AliasInfo {
  /** Only an all-capitals spelling in the text matches ("IS", not "is"). */
  isAcronym: boolean;
}

export interface ActorMatcher {
  /** `tokens`: the words of `text` from `tokenize(text, base)`, when the caller has them already. */
  find(
    text: string,
    base: number,
    options?: { date?: string; tokens?: readonly Token[] },
  ): ActorMention[];
}

const GOVERNMENT_HEADS = new Set(
  (
    "government governments authorities authority officials official ministry office envoy envoys " +
    "ambassador ambassadors diplomat diplomats embassy leaders leadership administration spokesman " +
    "spokesperson minister ministers cabinet regime rulers side agencies delegation"
  ).split(" "),
);
const FORCE_HEADS = new Set(
  "forces troops soldiers army military guards jets aircraft warplanes drones artillery".split(" "),
);
const POLICE_HEADS = new Set(["police", "policemen"]);
/** Words allowed between a demonym and its head ("Pakistani security forces"). */
const MODIFIERS = new Set(
  "foreign interior security border interim caretaker federal top senior intelligence defence defense government de facto prime".split(
    " ",
  ),
);
const GENERIC_ACTORS = new Set(
  (
    "militants terrorists gunmen insurgents assailants attackers rebels extremists separatists " +
    "jihadists fighters miscreants militant terrorist insurgent separatist " +
    "police policemen soldiers troops forces civilians"
  ).split(" "),
);
/** Nouns that continue an actor name as its members ("BLF militants"). */
const MEMBER_NOUNS = new Set("militants fighters members cadres insurgents commanders".split(" "));
const ORG_HEADS = new Set(
  (
    "army front movement organisation organization group party council brigade lashkar jaish " +
    "tehrik network committee ministry corps force forces police department agency commission " +
    "mission union league alliance jamaat tanzeem sipah harkat"
  ).split(" "),
);
/** After these a place name is a place ("in Kabul", "inside Afghanistan"), not an actor. */
const LOCATIVES = new Set("in inside into within across near at outside around along".split(" "));
/** After a country name these make it a place or an attribute ("Afghan soil", "Afghanistan border"). */
const PLACE_NOUNS = new Set(
  (
    "soil territory territories land lands border borders frontier side province provinces region " +
    "capital city cities village villages law laws nationals national refugees citizens people " +
    "economy traders trade markets"
  ).split(" "),
);
const NAME_CONNECTORS = new Set(["of", "the", "for", "and", "al", "e", "i", "ul", "ud"]);
const MAX_ALIAS_TOKENS = 8;
const CACHE_LIMIT = 10_000;

function aliasNames(actor: ProfileActor): string[] {
  return [actor.name, ...actor.aliases.map((alias) => alias.name)];
}

function buildAliasIndex(profile: Profile): Map<string, AliasInfo> {
  const index = new Map<string, AliasInfo>();
  for (const actor of profile.actors) {
    for (const name of aliasNames(actor)) {
      const key = phraseKey(name);
      if (key === "") continue;
      const isAcronym = !key.includes(" ") && isAllCaps(name) && name.length <= 5;
      const known = index.get(key);
      index.set(key, { isAcronym: (known?.isAcronym ?? true) && isAcronym });
    }
  }
  return index;
}

function stripPossessive(token: Token): string {
  return token.text.replace(/['’]s$/u, "");
}

/** The key without a final possessive "s" ("pakistans" from "Pakistan’s" → "pakistan"). */
function possessiveKey(key: string): string {
  return key.replace(/s$/, "");
}

/** Resolver lookups, cached: the resolver normalises every name it is asked, and the same words recur. */
interface Lookups {
  countryOf(word: string): string | null;
  actorOf(name: string, date: string | undefined): ProfileActor | null;
}

function cachedLookups(resolver: ProfileResolver): Lookups {
  const countries = new Map<string, string | null>();
  const actors = new Map<string, ProfileActor | null>();
  return {
    countryOf(word) {
      let iso3 = countries.get(word);
      if (iso3 === undefined) {
        if (countries.size > CACHE_LIMIT) countries.clear();
        iso3 = resolver.country(word);
        countries.set(word, iso3);
      }
      return iso3;
    },
    actorOf(name, date) {
      const key = `${date ?? ""}|${name}`;
      let actor = actors.get(key);
      if (actor === undefined) {
        if (actors.size > CACHE_LIMIT) actors.clear();
        actor = resolver.actor(name, { date });
        actors.set(key, actor);
      }
      return actor;
    },
  };
}

interface MatchContext extends Lookups {
  aliases: ReadonlyMap<string, AliasInfo>;
  /** Every alias key and its leading words ("tehrik", "tehrik i", …). */
  prefixes: ReadonlySet<string>;
  /** First words of the aliases, and each with a final "s" (possessive "Pakistan’s" → "pakistans"). */
  firstWords: ReadonlySet<string>;
  partyNames: ReadonlyMap<string, string>;
}

interface Scan {
  tokens: readonly Token[];
  date: string | undefined;
  /** The character at an offset of the text. */
  charAt(offset: number): string;
}

interface Hit {
  j: number;
  actor: ProfileActor;
}

function isFirstWord(ctx: MatchContext, key: string): boolean {
  return ctx.firstWords.has(key);
}

/** Whether a one-word alias stands in the text as that alias ("IS" yes, "Is" and "is" no). */
function fitsCase(info: AliasInfo, first: Token, isOneWord: boolean): boolean {
  if (info.isAcronym) return isAllCaps(first.text);
  if (!isOneWord) return true;
  if (!isCapitalised(first.text)) return false;
  return first.text.length > 4 || /\p{Lu}.*\p{Lu}/u.test(first.text);
}

/**
 * Keys of the phrases starting at token `i` that can be (or, with a possessive last word,
 * end) an alias: a phrase whose words are no alias's first words is not extended.
 */
function candidateKeys(ctx: MatchContext, tokens: readonly Token[], i: number): string[] {
  const keys: string[] = [];
  let key = "";
  for (let j = i; j < tokens.length && j < i + MAX_ALIAS_TOKENS; j += 1) {
    const token = tokens[j];
    if (token === undefined) break;
    key = key === "" ? token.key : `${key} ${token.key}`;
    keys.push(key);
    if (!ctx.prefixes.has(key)) break;
  }
  return keys;
}

/** The longest profile alias starting at token `i`. */
function aliasAt(ctx: MatchContext, scan: Scan, i: number): Hit | null {
  const { tokens } = scan;
  const first = tokens[i];
  if (first === undefined || !isFirstWord(ctx, first.key)) return null;
  const keys = candidateKeys(ctx, tokens, i);
  for (let n = keys.length; n >= 1; n -= 1) {
    const j = i + n - 1;
    const exact = keys[n - 1] ?? "";
    const isPossessive = /['’]s$/u.test(tokens[j]?.text ?? "");
    const key = ctx.aliases.has(exact) ? exact : isPossessive ? possessiveKey(exact) : "";
    const info = ctx.aliases.get(key);
    if (info === undefined || !fitsCase(info, first, i === j)) continue;
    if (i === j && isPlaceUse(tokens, i, scan.charAt(first.end))) continue;
    const actor = ctx.actorOf(key, scan.date);
    if (actor !== null) return { j, actor };
  }
  return null;
}

/** Profile names a demonym phrase stands for, most specific first; null when `word` is no head. */
function headNames(word: string, partyName: string): string[] | null {
  if (GOVERNMENT_HEADS.has(word)) return [partyName];
  if (FORCE_HEADS.has(word)) return [`${partyName} forces`, `${partyName} military`, partyName];
  if (POLICE_HEADS.has(word)) return [`${partyName} police`, `${partyName} forces`, partyName];
  return null;
}

/** "Pakistani forces", "Afghan authorities", "Pakistan’s foreign ministry" starting at token `i`. */
function demonymAt(ctx: MatchContext, scan: Scan, i: number): Hit | null {
  const { tokens } = scan;
  const first = tokens[i];
  if (first === undefined || !isCapitalised(first.text)) return null;
  const iso3 = ctx.countryOf(stripPossessive(first));
  const partyName = iso3 === null ? undefined : ctx.partyNames.get(iso3);
  if (partyName === undefined) return null;
  for (let j = i + 1; j < Math.min(tokens.length, i + 4); j += 1) {
    const word = tokens[j]?.key ?? "";
    const names = headNames(word, partyName);
    if (names !== null) {
      for (const name of names) {
        const actor = ctx.actorOf(name, scan.date);
        if (actor !== null) return { j, actor };
      }
      return null;
    }
    if (!MODIFIERS.has(word)) return null;
  }
  return null;
}

/** The mention starting at token `i`, as its last token, actor and kind; null when none starts there. */
function mentionAt(
  ctx: MatchContext,
  scan: Scan,
  i: number,
): { end: number; actor: ProfileActor | null; kind: ActorMention["kind"] } | null {
  // "Afghanistan’s government" as a whole before "Afghanistan" alone.
  const demonym = demonymAt(ctx, scan, i);
  const hit = demonym ?? aliasAt(ctx, scan, i);
  if (hit !== null) {
    const end = MEMBER_NOUNS.has(scan.tokens[hit.j + 1]?.key ?? "") ? hit.j + 1 : hit.j;
    return { end, actor: hit.actor, kind: demonym === null ? "profile" : "demonym" };
  }
  const org = organisationAt(scan.tokens, i);
  if (org !== null) return { end: org, actor: null, kind: "organisation" };
  if (GENERIC_ACTORS.has(scan.tokens[i]?.key ?? ""))
    return { end: i, actor: null, kind: "generic" };
  return null;
}

function prefixesOf(keys: Iterable<string>): Set<string> {
  const prefixes = new Set<string>();
  for (const key of keys) {
    const words = key.split(" ");
    for (let n = 1; n <= words.length; n += 1) prefixes.add(words.slice(0, n).join(" "));
  }
  return prefixes;
}

export function createActorMatcher(profile: Profile, resolver: ProfileResolver): ActorMatcher {
  const aliases = buildAliasIndex(profile);
  const ctx: MatchContext = {
    ...cachedLookups(resolver),
    aliases,
    prefixes: prefixesOf(aliases.keys()),
    firstWords: new Set(
      [...aliases.keys()].flatMap((key) => {
        const first = key.split(" ")[0] ?? "";
        return [first, `${first}s`];
      }),
    ),
    partyNames: new Map(profile.parties.map((party) => [party.iso3, party.name])),
  };
  return {
    find(text, base, options = {}) {
      const tokens = options.tokens ?? tokenize(text, base);
      const scan: Scan = {
        tokens,
        date: options.date,
        charAt: (offset) => text[offset - base] ?? "",
      };
      const found: ActorMention[] = [];
      for (let i = 0; i < tokens.length; i += 1) {
        const at = mentionAt(ctx, scan, i);
        if (at === null) continue;
        const start = tokens[i]?.start ?? base;
        const stop = tokens[at.end]?.end ?? start;
        const words = text.slice(start - base, stop - base);
        found.push({
          start,
          end: stop,
          text: words,
          actorId: at.actor?.id ?? null,
          name: at.actor?.name ?? words,
          party: at.actor?.party ?? null,
          type: at.actor?.type ?? null,
          kind: at.kind,
        });
        i = at.end;
      }
      return found;
    },
  };
}

/** A one-word name used as a place: after "in", before "soil" or "border", in "Pakistan-Afghanistan". */
function isPlaceUse(tokens: readonly Token[], i: number, charAfter: string): boolean {
  const previous = tokens[i - 1]?.key ?? "";
  if (LOCATIVES.has(previous)) return true;
  if (previous === "the" && LOCATIVES.has(tokens[i - 2]?.key ?? "")) return true;
  if (charAfter === "-" || charAfter === "–") return true;
  return PLACE_NOUNS.has(tokens[i + 1]?.key ?? "");
}

/** End token of an organisation name starting at `i` ("Baloch Students Organisation"), or null. */
function organisationAt(tokens: readonly Token[], i: number): number | null {
  const first = tokens[i];
  if (first === undefined || !isCapitalised(first.text) || FUNCTION_WORDS.has(first.key))
    return null;
  let end = i;
  let hasHead = ORG_HEADS.has(first.key);
  for (let j = i + 1; j < tokens.length && j < i + 8; j += 1) {
    const token = tokens[j];
    if (token === undefined) break;
    const gap = token.start - (tokens[j - 1]?.end ?? token.start);
    if (gap > 1) break;
    if (isCapitalised(token.text)) {
      end = j;
      if (ORG_HEADS.has(token.key)) hasHead = true;
    } else if (!NAME_CONNECTORS.has(token.key)) break;
  }
  return hasHead && end > i ? end : null;
}
