/**
 * Dead and injured counts in a sentence: "killing 15 militants", "at least
 * a dozen soldiers were killed", "two policemen were martyred", "left 3
 * dead", "the death toll rose to 20", "He was killed in the attack", "No
 * casualties were reported". Counts of several groups add up ("3 soldiers
 * and 2 militants were killed" → 5; "killing 15 militants while two soldiers
 * were martyred" → 17), but not a part of a group ("66 personnel including 5
 * commanders were killed" → 66) nor a breakdown ("killing 14 people, seven
 * soldiers and seven guards" → 14). A count one side claims ("BLA claimed
 * that 64 soldiers were killed") gives way to a reported one in the same
 * sentence. ACLED's own coding statements ("Fatalities split across 3 events
 * (6)") are applied last: see toll-statements.ts.
 */
import { NUMBER_SOURCE, parseCount } from "./numbers.ts";
import { applyTollStatement, readTollStatements } from "./toll-statements.ts";
import type { Casualties, Count } from "./types.ts";

const KILLED_WORDS =
  "killed|martyred|dead|died|slain|shot dead|gunned down|lost (?:their|his|her) lives|perished|beheaded|executed";
const INJURED_WORDS = "injured|wounded|hurt|sustained injuries|suffered injuries";
const WORD = "[\\p{L}'‘’/-]+";
/** Words that end the noun phrase of a count. ("and/or" does not: "Taliban and/or IS militants".) */
const STOP = "(?:and|or|while|but|including|killed|killing|wounded|wounding|injured|injuring)";
/** "14 Taliban and IS militants": "and" inside the name of one group. */
const AND_GROUP = `${WORD}\\s+and(?=\\s+(?:IS|ISKP|Islamic State|Daesh|al-Qaeda|Haqqani|TTP|foreign|Pakistani|local)\\b)`;
/** Up to five words (or a parenthesis) between a number and its verb. */
const NOUNS = `(?:(?:${AND_GROUP}|(?!${STOP}\\s)${WORD}|\\([^()]{1,60}\\))\\s+){0,5}?`;
const BE =
  "(?:(?:were|was|are|is|have been|has been|had been|got|lay|reportedly|also|later|all|" +
  "(?:claimed|said|reported|believed) to (?:have )?be(?:en)?|confirmed)\\s+){0,3}";
/** "1 sniper was targeted and killed": another verb before the one that counts. */
const ALSO_DONE = "(?:(?:(?!(?:injured|wounded)\\s)[a-z]+ed|shot)\\s+and\\s+)?";
/** Stricter words for a group named before another ("3 soldiers and 2 militants were killed"). */
const GROUP_STOP =
  "(?:and|or|while|but|including|killed|killing|wounded|wounding|injured|injuring|dead|died|martyred|slain|hurt|fatalit(?:y|ies)|deaths|bodies|casualties|injuries|hours|days|weeks|months|years|were|was|are|is|had|has|have|when|after|as|in|on|at|by|with|from|to|the|attacked|opened|exploded|detonated|fired|ambushed|struck|clashed|stormed|targeted|raided|January|February|March|April|May|June|July|August|September|October|November|December)";
const GROUP_NOUNS = `(?:(?!${GROUP_STOP}\\s)${WORD}\\s+){0,4}(?!${GROUP_STOP}\\b)${WORD}`;
/** A group before a connector, read backwards from its end. */
const GROUP_BEFORE = new RegExp(
  `(?<![\\p{L}\\d,])(${NUMBER_SOURCE})\\s+${GROUP_NOUNS}(?:\\s*\\([^()]{1,60}\\))?$`,
  "iu",
);
const CONNECTOR_BEFORE =
  /(?:,\s*and|,\s*along with|,\s*as well as|\s+and|\s+along with|\s+as well as|\s+together with)\s+$/iu;
const LIST_COMMA_BEFORE = /,\s*$/u;
/** A verb just before a group makes the group its object ("injuring 6 soldiers"). */
const OBJECT_LEAD = /\b(?!including\s)[a-z]+(?:ing|ed)\s+$/iu;
/** "… 66 personnel including 5 commanders were killed": the 5 are among the 66. */
const PART_OF_BEFORE = /,?\s*\b(?:including|among them|among whom|of whom|of them)\s+$/iu;
/** The next group after a count's noun phrase ("killing 3 soldiers and 2 civilians"). */
const GROUP_AFTER = new RegExp(
  `\\s+${GROUP_NOUNS}(?:\\s*\\([^()]{0,60}\\))?(?:\\s*,\\s*and|\\s*,|\\s+and|\\s+as well as|\\s+along with)\\s+(${NUMBER_SOURCE})(?=\\s+[\\p{L}'‘’])`,
  "iuy",
);
/** What follows a verb used actively: its object. */
const ACTIVE_OBJECT = new RegExp(`^\\s+(?:${NUMBER_SOURCE}|the|his|her|their|its)\\s`, "iu");
/** Quantities that follow "a": "killed a number of", not one person. */
const NOT_ONE =
  /^\s+(?:number|few|lot|couple|total|series|spate|handful|host|score|bunch|large|significant|unspecified|unknown|undisclosed|heavy)\b/iu;
/** "He was killed", "the driver was killed", "who was also killed", "he later died": one person. */
const ONE_PERSON = new RegExp(
  `\\b(?:(?:he|she|who)\\s+|the\\s+(?:${WORD}\\s+){0,5}?)(?:(?:was|has been|had been)\\s+(?:also\\s+|later\\s+|reportedly\\s+|allegedly\\s+)?${ALSO_DONE}(?:killed|shot dead|shot and killed|martyred|gunned down|slain|executed|beheaded)|(?:later\\s+|subsequently\\s+|also\\s+)?(?:died|succumbed to (?:his |her )?(?:injuries|wounds)))\\b` +
    // "killing him", "shot him dead"; "shot dead the central leader of the ANP": a noun
    // not ending in "s" (or in "ss") before a preposition or a stop, one person
    `|\\b(?:killing|killed|shot|shooting|gunned down|gunning down|martyred|martyring)\\s+(?:him|her)\\b(?:\\s+dead)?` +
    `|\\b(?:killing|killed|shot dead|shooting dead|gunned down|gunning down|shot and killed)\\s+the\\s+(?:${WORD}\\s+){0,2}?(?:[\\p{L}'’-]*[^\\Ws]|[\\p{L}'’-]*ss)\\b(?=\\s+(?:of|in|at|near|on|and|who|from|outside|inside)\\b|\\s*[,.(]|$)`,
  "giu",
);
/** A count in a claim: after "claimed"/"claims" in its clause, or "claimed to be killed". */
const CLAIM =
  /\bclaim(?:s|ed|ing)?\b(?!\s+(?:responsibility|credit|the attack|the killing|the bombing|an attack|to have carried))/iu;
/** Where a claim's clause ends ("BLA claims, however, that…" goes on). */
const CLAUSE_BREAK =
  /(?:;|(?<!\bclaim(?:s|ed)?,?\s)\bhowever\b|\bwhile\b|\bbut\b|\bwhereas\b|\balthough\b)/giu;

interface Rules {
  isKilled: boolean;
  /** "15 militants were killed". */
  subject: RegExp;
  /** "killing 15", "left 3 dead". */
  object: RegExp;
  others: readonly RegExp[];
  /** After "leaving/left N", the word that makes N a count of this kind ("left 3 dead"). */
  leavingThis: RegExp;
}

/** After a group named past the verb's own, its own verb: "killing 4 soldiers and 2 were wounded". */
const OWN_VERB_AFTER = new RegExp(`^\\s+${NOUNS}${BE}(?:${INJURED_WORDS}|${KILLED_WORDS})`, "iu");

function rules(
  words: string,
  options: { verbs: string; others: readonly RegExp[]; leaving: string; isKilled: boolean },
): Rules {
  return {
    isKilled: options.isKilled,
    // "7 people, including the council chairman, were killed"
    subject: new RegExp(
      `\\b(${NUMBER_SOURCE})\\s+${NOUNS}(?:${WORD},\\s*(?:including|among them)\\b[^,;.]{1,80},\\s+)?${BE}${ALSO_DONE}(?:${words})\\b`,
      "giu",
    ),
    object: new RegExp(`\\b(?:${options.verbs})\\s+(${NUMBER_SOURCE})\\b`, "giu"),
    others: options.others,
    leavingThis: new RegExp(`^\\s*\\S*\\s*(?:${options.leaving})`, "i"),
  };
}

const KILLED = rules(KILLED_WORDS, {
  isKilled: true,
  verbs:
    "killing|killed|kills|kill|leaving|left|claimed the lives of|claiming the lives of|shot dead|shooting dead|shot and killed|gunned down|gunning down|martyring|martyred",
  others: [
    new RegExp(
      `\\bdeath toll\\s+(?:\\w+\\s+){0,3}?(?:to|of|at|reached)\\s+(${NUMBER_SOURCE})\\b`,
      "giu",
    ),
    new RegExp(`\\b(${NUMBER_SOURCE})\\s+(?:fatalities|fatality|deaths|bodies)\\b`, "giu"),
    new RegExp(`\\bbodies of (${NUMBER_SOURCE})\\b`, "giu"),
  ],
  leaving: "dead|killed",
});
const INJURED = rules(INJURED_WORDS, {
  isKilled: false,
  verbs: "injuring|injured|injures|wounding|wounded|wounds|leaving|left",
  others: [new RegExp(`\\b(${NUMBER_SOURCE})\\s+(?:injuries|casualties were injured)\\b`, "giu")],
  leaving: INJURED_WORDS,
});
const NONE_KILLED =
  /\b(?:no (?:casualties|fatalities|deaths|loss of life)|no one was (?:killed|hurt|harmed)|nobody was (?:killed|hurt))\b/i;
const NONE_INJURED =
  /\b(?:no (?:casualties|injuries)|no one was (?:hurt|injured|harmed)|nobody was (?:hurt|injured))\b/i;

/** One count found, with the span of the words it was read from. */
interface Hit {
  start: number;
  end: number;
  count: Count;
}

function isYear(count: Count): boolean {
  return count.best >= 1900 && count.best <= 2100 && !count.text.includes(",");
}

function countOf(phrase: string): Count | null {
  const count = parseCount(phrase);
  return count === null || isYear(count) ? null : count;
}

function isClaimed(sentence: string, hit: Hit): boolean {
  if (/\bclaimed to\b/i.test(sentence.slice(hit.start, hit.end))) return true;
  const before = sentence.slice(0, hit.start);
  let from = 0;
  for (const m of before.matchAll(CLAUSE_BREAK)) from = (m.index ?? 0) + m[0].length;
  return CLAIM.test(before.slice(from));
}

/** The group ending where `before` ends, with its start; "A commander" only at a clause start. */
function groupBefore(before: string): { start: number; count: Count } | null {
  const match = GROUP_BEFORE.exec(before);
  const phrase = match?.[1];
  if (match === null || phrase === undefined) return null;
  const count = countOf(phrase);
  if (count === null) return null;
  const lead = before.slice(0, match.index);
  if (
    /^(?:a|an|one)$/i.test(phrase.trim()) &&
    !/(?:^|[,(;:]|\band|\bwith|\bincluding)\s*$/iu.test(lead)
  )
    return null;
  return { start: match.index, count };
}

/** A group that is part of the one before it ("including 5 commanders") stands for that one. */
function headOf(sentence: string, group: { start: number; count: Count }) {
  const before = sentence.slice(0, group.start);
  const part = PART_OF_BEFORE.exec(before);
  if (part === null) return group;
  return groupBefore(before.slice(0, part.index)) ?? group;
}

/** "3 soldiers and 2 militants were killed": the groups named before the verb's own. */
function groupsBefore(sentence: string, first: { start: number; count: Count }) {
  const own = headOf(sentence, first);
  const groups = [own];
  // A comma continues a list that ends "…, B and C" ("28 militants, 3 soldiers, and 1
  // policeman"), not a group's head ("Over 24 hours, 8 militants including 2 commanders").
  let isList = false;
  for (let k = 0; k < 6; k += 1) {
    const start = groups[groups.length - 1]?.start ?? 0;
    const before = sentence.slice(0, start);
    const connector =
      CONNECTOR_BEFORE.exec(before) ?? (isList ? LIST_COMMA_BEFORE.exec(before) : null);
    if (connector === null) break;
    const group = groupBefore(before.slice(0, connector.index));
    if (group === null) break;
    // "injuring 6 soldiers and 2 militants, and 1 militant was killed": a list that is the
    // object of another verb is not this verb's subject.
    if (OBJECT_LEAD.test(sentence.slice(0, group.start))) return [own];
    const head = headOf(sentence, group);
    // "Five persons including one policeman and four workers": the list is the five; but
    // "13 militants, including a commander, and 4 civilians" are seventeen.
    if (head !== group && !connector[0].startsWith(",")) groups.length = 0;
    isList = head === group;
    groups.push(head);
  }
  return groups;
}

/** "killing 3 soldiers and 2 civilians": the groups named after the verb's own. */
function groupsAfter(sentence: string, first: { end: number; count: Count }): Count[] {
  const more: Count[] = [];
  let at = first.end;
  for (let k = 0; k < 6; k += 1) {
    GROUP_AFTER.lastIndex = at;
    const match = GROUP_AFTER.exec(sentence);
    const phrase = match?.[1];
    if (match === null || phrase === undefined) break;
    at = GROUP_AFTER.lastIndex;
    // "killing 4 soldiers and 2 were wounded", "… and 3 arrested": a group with a verb of
    // its own is not one more of the verb's.
    const rest = sentence.slice(at);
    if (OWN_VERB_AFTER.test(rest) || /^\s+(?:[a-z]+ed|were|was|are|is)\b/i.test(rest)) break;
    const count = countOf(phrase);
    if (count === null) break;
    more.push(count);
  }
  // "killing 14 people, seven soldiers and seven guards" names the 14, not 14 more.
  const total = more.reduce((sum, c) => sum + c.best, 0);
  return total === first.count.best ? [] : more;
}

function sumOf(counts: readonly Count[], options: { text: string; basis: Count["basis"] }): Count {
  const { text, basis } = options;
  const sum = (pick: (c: Count) => number | null) => {
    let total = 0;
    for (const c of counts) {
      const v = pick(c);
      if (v === null) return null;
      total += v;
    }
    return total;
  };
  if (counts.length === 1 && counts[0] !== undefined) return { ...counts[0], basis };
  return {
    best: sum((c) => c.best) ?? 0,
    low: sum((c) => c.low ?? c.best),
    high: counts.some((c) => c.high !== null) ? sum((c) => c.high ?? c.best) : null,
    text,
    basis,
  };
}

function subjectHits(sentence: string, r: Rules): Hit[] {
  const hits: Hit[] = [];
  const re = r.subject;
  re.lastIndex = 0;
  for (let match = re.exec(sentence); match !== null; match = re.exec(sentence)) {
    const index = match.index;
    const end = index + match[0].length;
    const hit = subjectHit(sentence, { match, isKilled: r.isKilled });
    // A skipped match may hide one that starts inside it ("an exchange of fire five
    // militants were killed"): look again from the next word.
    if (hit === null) re.lastIndex = index + Math.max(1, (match[1] ?? "").length);
    else hits.push(hit);
    if (re.lastIndex <= index) re.lastIndex = end;
  }
  return hits;
}

function subjectHit(
  sentence: string,
  options: { match: RegExpExecArray; isKilled: boolean },
): Hit | null {
  const { match, isKilled } = options;
  const phrase = match[1];
  const index = match.index;
  if (phrase === undefined) return null;
  const count = countOf(phrase);
  if (count === null) return null;
  const end = index + match[0].length;
  const groups = groupsBefore(sentence, { start: index, count });
  // "a suicide bomber killed…" is no count; "a soldier was killed" is one.
  const isOwn = groups.length === 1 && groups[0]?.start === index;
  if (isOwn && /^an?$/i.test(phrase.trim()) && !/\b(?:was|has been|had been)\b/i.test(match[0]))
    return null;
  // "2 policemen killed 9 others" is who killed, not who died.
  if (
    !/\b(?:were|was|are|is|been|got|lay|be|all)\s/i.test(match[0]) &&
    ACTIVE_OBJECT.test(sentence.slice(end))
  )
    return null;
  const start = Math.min(...groups.map((g) => g.start));
  let total = sumOf(
    groups.map((g) => g.count),
    { text: sentence.slice(start, end), basis: "reported" },
  );
  // ACLED codes an undivided "N were killed and wounded" as half, rounded down.
  if (isKilled && /^\s+(?:and|or|and\/or)\s+(?:wounded|injured)\b/i.test(sentence.slice(end))) {
    total = { ...total, best: Math.floor(total.best / 2), low: 0, high: total.best };
  }
  return { start, end, count: total };
}

function objectHits(sentence: string, r: Rules): Hit[] {
  const hits: Hit[] = [];
  for (const match of sentence.matchAll(r.object)) {
    const phrase = match[1];
    const index = match.index ?? 0;
    if (phrase === undefined) continue;
    const end = index + match[0].length;
    const after = sentence.slice(end);
    const isLeaving = /^(?:leaving|left)\b/i.test(match[0]);
    // "leaving/left N" is a count of the other kind when its word follows ("left 3 injured").
    if (isLeaving && !r.leavingThis.test(after)) continue;
    // "killing a soldier" is one; "left a", "killed a number of" are not.
    if (/^an?$/i.test(phrase.trim()) && (isLeaving || NOT_ONE.test(after))) continue;
    const count = countOf(phrase);
    if (count === null) continue;
    const more = groupsAfter(sentence, { end, count });
    const total = sumOf([count, ...more], { text: match[0], basis: "reported" });
    hits.push({ start: index, end, count: total });
  }
  return hits;
}

function otherHits(sentence: string, res: readonly RegExp[]): Hit[] {
  const hits: Hit[] = [];
  for (const re of res) {
    for (const match of sentence.matchAll(re)) {
      const count = countOf(match[1] ?? "");
      const index = match.index ?? 0;
      if (count !== null) hits.push({ start: index, end: index + match[0].length, count });
    }
  }
  return hits;
}

function onePersonHits(sentence: string): Hit[] {
  const hits: Hit[] = [];
  for (const match of sentence.matchAll(ONE_PERSON)) {
    const index = match.index ?? 0;
    const count: Count = { best: 1, low: null, high: null, text: match[0], basis: "reported" };
    hits.push({ start: index, end: index + match[0].length, count });
  }
  return hits;
}

/** Sum of the non-overlapping counts; reported ones over claimed ones; null when none. */
function countWith(sentence: string, r: Rules): Count | null {
  const candidates = [
    ...subjectHits(sentence, r),
    ...objectHits(sentence, r),
    ...otherHits(sentence, r.others),
    ...(r.isKilled ? onePersonHits(sentence) : []),
  ];
  const kept: Hit[] = [];
  for (const hit of candidates) {
    if (kept.some((k) => k.start < hit.end && hit.start < k.end)) continue;
    kept.push(hit);
  }
  if (kept.length === 0) return null;
  const reported = kept.filter((h) => !isClaimed(sentence, h)).map((h) => h.count);
  const counts = reported.length > 0 ? reported : kept.map((h) => h.count);
  const basis = reported.length > 0 ? "reported" : "claimed";
  return sumOf(counts, { text: counts.map((c) => c.text).join(" + "), basis });
}

/** Without one of these stems a sentence counts no casualties: the patterns are not tried. */
const HARM_HINT =
  /kill|dead|die|martyr|slain|gunned|lives|perish|behead|execut|fatalit|death|bodies|injur|wound|hurt|casualt|harm|succumb/i;

/** The counts a sentence gives, before any ACLED coding statement is applied. */
function reportedCasualties(sentence: string): Casualties {
  if (!HARM_HINT.test(sentence)) return { killed: null, injured: null };
  let killed = countWith(sentence, KILLED);
  let injured = countWith(sentence, INJURED);
  if (killed === null && NONE_KILLED.test(sentence))
    killed = { best: 0, low: null, high: null, text: "no casualties", basis: "reported" };
  if (injured === null && NONE_INJURED.test(sentence)) {
    injured = { best: 0, low: null, high: null, text: "no injuries", basis: "reported" };
  }
  return { killed, injured };
}

export function extractCasualties(sentence: string): Casualties {
  const counts = reportedCasualties(sentence);
  let killed = counts.killed;
  for (const statement of readTollStatements(sentence))
    killed = applyTollStatement(killed, statement);
  return { killed, injured: counts.injured };
}

/**
 * An event's casualties after a later sentence of the same report that names no event
 * itself: its counts fill what the event lacks when it follows closely ("… in Bannu. 1
 * fatality and 1 injured."), and its coding statements apply however far it is.
 */
export function addSentenceToll(
  casualties: Casualties,
  sentence: string,
  options: { isNear: boolean },
): Casualties {
  const counts = options.isNear ? reportedCasualties(sentence) : { killed: null, injured: null };
  let killed = casualties.killed ?? counts.killed;
  for (const statement of readTollStatements(sentence))
    killed = applyTollStatement(killed, statement);
  return { killed, injured: casualties.injured ?? counts.injured };
}
