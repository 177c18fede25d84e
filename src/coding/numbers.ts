/**
 * Numbers as news text writes them: digits ("15", "1,200"), words ("two",
 * "twenty-five", "a dozen", "dozens"), with qualifiers that make a bound
 * ("at least 12" → low 12, "up to 30" → high 30, "12 to 15", "4-12": a range's
 * best guess is its low end, as ACLED codes "4-12 policemen were killed" as 4).
 */
import type { Count } from "./types.ts";

const UNITS: Readonly<Record<string, number>> = {
  zero: 0,
  no: 0,
  a: 1,
  an: 1,
  one: 1,
  single: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
  dozen: 12,
  couple: 2,
};

/** Plural quantity words: a lower bound only ("dozens" → at least 24). */
const PLURAL_LOW: Readonly<Record<string, number>> = { dozens: 24, scores: 40, hundreds: 200 };

/** A number phrase, as a regular-expression source (used inside larger patterns). */
export const NUMBER_SOURCE =
  "(?:(?:at least|more than|over|nearly|almost|about|around|some|up to|as many as|approximately|roughly|an estimated|a total of)\\s+)?" +
  "(?:\\d+\\s?[-–]\\s?\\d+\\b|" +
  "(?:\\d{1,3}(?:,\\d{3})+|\\d+|(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|single|couple)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?(?:\\s+(?:hundred|dozen))?|dozens|scores|hundreds|no)" +
  "(?:\\s+(?:to|or|-)\\s+(?:\\d+|[a-z]+))?)";

function wordValue(phrase: string): number | null {
  const parts = phrase.toLowerCase().split(/[\s-]+/);
  let total = 0;
  let seen = false;
  for (const part of parts) {
    const value = UNITS[part];
    if (value === undefined) return null;
    if (part === "hundred" || part === "dozen") total = (seen ? total : 1) * value;
    else total += value;
    seen = true;
  }
  return seen ? total : null;
}

function numberValue(phrase: string): number | null {
  const digits = phrase.replace(/,/g, "");
  if (/^\d+$/.test(digits)) return Number.parseInt(digits, 10);
  return wordValue(phrase);
}

/** The count a number phrase (matching `NUMBER_SOURCE`) stands for, or null. */
export function parseCount(phrase: string): Count | null {
  const text = phrase.trim();
  const lower = text.toLowerCase();
  const qualifier =
    /^(at least|more than|over|nearly|almost|about|around|some|up to|as many as|approximately|roughly|an estimated|a total of)\s+/.exec(
      lower,
    )?.[1];
  const rest = qualifier === undefined ? lower : lower.slice(qualifier.length).trim();
  const plural = PLURAL_LOW[rest];
  if (plural !== undefined)
    return { best: plural, low: plural, high: null, text, basis: "reported" };
  const range = /^(\d+)\s?[-–]\s?(\d+)$/.exec(rest) ?? /^(.+?)\s+(?:to|or|-)\s+(.+)$/.exec(rest);
  if (range !== null) {
    const low = numberValue(range[1] ?? "");
    const high = numberValue(range[2] ?? "");
    if (low === null || high === null || high < low) return null;
    return { best: low, low, high, text, basis: "reported" };
  }
  const value = numberValue(rest);
  if (value === null) return null;
  switch (qualifier) {
    case "at least":
    case "more than":
    case "over":
      return { best: value, low: value, high: null, text, basis: "reported" };
    case "up to":
    case "as many as":
    case "nearly":
    case "almost":
      return { best: value, low: null, high: value, text, basis: "reported" };
    default:
      return { best: value, low: null, high: null, text, basis: "reported" };
  }
}
