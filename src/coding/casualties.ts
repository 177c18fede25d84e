/**
 * Dead and injured counts in a sentence: "killing 15 militants", "at least
 * a dozen soldiers were killed", "two policemen were martyred", "left 3
 * dead", "the death toll rose to 20", "No casualties were reported". Counts
 * of several groups in one sentence add up ("killing 15 militants while two
 * soldiers were martyred" → 17).
 */
import { NUMBER_SOURCE, parseCount } from "./numbers.ts";
import type { Casualties, Count } from "./types.ts";

const KILLED_WORDS =
  "killed|martyred|dead|died|slain|shot dead|gunned down|lost (?:their|his|her) lives|perished|beheaded|executed";
const INJURED_WORDS = "injured|wounded|hurt|sustained injuries|suffered injuries";
/** Up to four words between a number and its verb, none of them a conjunction or a verb of harm. */
const NOUNS =
  "(?:(?!(?:and|or|while|but|killed|killing|wounded|wounding|injured|injuring)\\b)[\\p{L}'’-]+\\s+){0,4}?";
const BE =
  "(?:(?:were|was|are|is|have been|has been|had been|got|lay|reportedly|also|later|all)\\s+){0,3}";

function patterns(words: string, verbs: string): RegExp[] {
  return [
    // "15 militants were killed", "a dozen soldiers martyred", "3 dead"
    new RegExp(`\\b(${NUMBER_SOURCE})\\s+${NOUNS}${BE}(?:${words})\\b`, "giu"),
    // "killing 15 militants", "left 3 dead", "claimed the lives of 20"
    new RegExp(`\\b(?:${verbs})\\s+(${NUMBER_SOURCE})\\b`, "giu"),
  ];
}

const KILLED = [
  ...patterns(
    KILLED_WORDS,
    "killing|killed|kills|kill|leaving|left|claimed the lives of|claiming the lives of|shot dead|shooting dead|martyring|martyred",
  ),
  new RegExp(
    `\\bdeath toll\\s+(?:\\w+\\s+){0,3}?(?:to|of|at|reached)\\s+(${NUMBER_SOURCE})\\b`,
    "giu",
  ),
  new RegExp(`\\b(${NUMBER_SOURCE})\\s+(?:fatalities|fatality|deaths|bodies)\\b`, "giu"),
];
const INJURED = [
  ...patterns(INJURED_WORDS, "injuring|injured|injures|wounding|wounded|wounds|leaving|left"),
  new RegExp(`\\b(${NUMBER_SOURCE})\\s+(?:injuries|casualties were injured)\\b`, "giu"),
];
const NONE_KILLED =
  /\b(?:no (?:casualties|fatalities|deaths|loss of life)|no one was (?:killed|hurt|harmed)|nobody was (?:killed|hurt))\b/i;
const NONE_INJURED =
  /\b(?:no (?:casualties|injuries)|no one was (?:hurt|injured|harmed)|nobody was (?:hurt|injured))\b/i;

function isYear(count: Count): boolean {
  return count.best >= 1900 && count.best <= 2100 && !count.text.includes(",");
}

/** Sum of non-overlapping matches of the patterns, or null when none matched. */
function countWith(sentence: string, regexes: readonly RegExp[], leaving: string): Count | null {
  const taken: Array<[number, number]> = [];
  const counts: Count[] = [];
  for (const re of regexes) {
    for (const match of sentence.matchAll(re)) {
      const phrase = match[1];
      const index = match.index ?? 0;
      if (phrase === undefined) continue;
      // "leaving/left N" is a count of the other kind when its word follows ("left 3 injured").
      if (
        /^(?:leaving|left)\b/i.test(match[0]) &&
        !new RegExp(`^\\s*\\S*\\s*(?:${leaving})`, "i").test(
          sentence.slice(index + match[0].length),
        )
      ) {
        continue;
      }
      const start = index + match[0].indexOf(phrase);
      const end = start + phrase.length;
      if (taken.some(([a, b]) => a < end && start < b)) continue;
      const count = parseCount(phrase);
      if (count === null || isYear(count)) continue;
      // "a suicide bomber killed…" is no count; "a soldier was killed" is one.
      if (/^an?$/i.test(phrase.trim()) && !/\b(?:was|has been|had been)\b/i.test(match[0]))
        continue;
      taken.push([start, end]);
      counts.push(count);
    }
  }
  if (counts.length === 0) return null;
  if (counts.length === 1) return counts[0] ?? null;
  const sum = (pick: (c: Count) => number | null) => {
    let total = 0;
    for (const c of counts) {
      const v = pick(c);
      if (v === null) return null;
      total += v;
    }
    return total;
  };
  return {
    best: sum((c) => c.best) ?? 0,
    low: sum((c) => c.low ?? c.best),
    high: counts.some((c) => c.high !== null) ? sum((c) => c.high ?? c.best) : null,
    text: counts.map((c) => c.text).join(" + "),
  };
}

/** Without one of these stems a sentence counts no casualties: the patterns are not tried. */
const HARM_HINT =
  /kill|dead|die|martyr|slain|gunned|lives|perish|behead|execut|fatalit|death|bodies|injur|wound|hurt|casualt|harm/i;

/**
 * ACLED's own note of the count it coded: "Fatalities split across 3 events
 * (6).", "Unspecified number of fatalities coded as 3." It overrides the
 * counts the text gives.
 */
const ACLED_CODED =
  /\bfatalities (?:(?:split|coded|divided) (?:across|between|among) \d+ events \((\d+)\)|coded as (\d+))/i;

/** Whether a count is ACLED's coded figure (see `ACLED_CODED`). */
export function isAcledCoded(count: Count): boolean {
  return ACLED_CODED.test(count.text);
}

export function extractCasualties(sentence: string): Casualties {
  if (!HARM_HINT.test(sentence)) return { killed: null, injured: null };
  const coded = ACLED_CODED.exec(sentence);
  const codedCount = coded?.[1] ?? coded?.[2];
  if (coded !== null && codedCount !== undefined) {
    const injured = countWith(sentence, INJURED, INJURED_WORDS);
    return { killed: { best: Number(codedCount), low: null, high: null, text: coded[0] }, injured };
  }
  let killed = countWith(sentence, KILLED, "dead|killed");
  let injured = countWith(sentence, INJURED, INJURED_WORDS);
  if (killed === null && NONE_KILLED.test(sentence))
    killed = { best: 0, low: null, high: null, text: "no casualties" };
  if (injured === null && NONE_INJURED.test(sentence)) {
    injured = { best: 0, low: null, high: null, text: "no injuries" };
  }
  return { killed, injured };
}
