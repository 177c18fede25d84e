/**
 * A cheap language check: the writing system of the letters, then the share
 * of words that are common function words of English (and of a few languages
 * news about the region is also written in). English prose runs at 35–50%
 * function words; other Latin-script languages at under 10% English ones.
 */
import { WORDS_RE } from "./text-key.ts";
import type { LanguageGuess } from "./types.ts";

const STOPWORDS: Readonly<Record<string, ReadonlySet<string>>> = {
  en: new Set(
    "the of and to in a is that for on with as by was were has have it its at from are be this an said which not or but had been who after".split(
      " ",
    ),
  ),
  fr: new Set("le la les des et est une un du dans que qui pour pas sur par au avec ce".split(" ")),
  de: new Set(
    "der die das und ist nicht ein eine zu den mit von sich des auf für im dem".split(" "),
  ),
  es: new Set("el la los las y es un una que del por con para se en su al lo como".split(" ")),
};

/** Below this share of English function words a text of enough words is not English… */
const MIN_ENGLISH_SHARE = 0.12;
/**
 * …unless it still has this share and no other language's function words beat it:
 * telegraphic English ("Reported on 28 July 2019, NDS forces attacked Taliban positions,
 * killing 13 Taliban militants, in Yosuf Khel district, Paktika.") runs at 8–11%.
 */
const MIN_TELEGRAPHIC_SHARE = 0.05;
/** Too few words to judge by share: then any English function word will do. */
const MIN_WORDS = 12;

function scriptOf(text: string): LanguageGuess["script"] {
  const counts = { latin: 0, arabic: 0, cyrillic: 0, devanagari: 0, other: 0 };
  const head = text.slice(0, 10_000);
  // By code point, as `for…of` would, without making a string of each ASCII character.
  for (let i = 0; i < head.length; i += 1) {
    const code = head.charCodeAt(i);
    if (code < 128) {
      // ASCII: a letter is Latin, anything else is not a letter.
      if ((code | 32) >= 97 && (code | 32) <= 122) counts.latin += 1;
      continue;
    }
    const point = head.codePointAt(i) ?? code;
    if (point > 0xffff) i += 1;
    const char = String.fromCodePoint(point);
    if (!/\p{L}/u.test(char)) continue;
    if (/\p{Script=Latin}/u.test(char)) counts.latin += 1;
    else if (/\p{Script=Arabic}/u.test(char)) counts.arabic += 1;
    else if (/\p{Script=Cyrillic}/u.test(char)) counts.cyrillic += 1;
    else if (/\p{Script=Devanagari}/u.test(char)) counts.devanagari += 1;
    else counts.other += 1;
  }
  const [best, n] = Object.entries(counts).sort((a, b) => b[1] - a[1])[0] ?? ["none", 0];
  return n === 0 ? "none" : (best as LanguageGuess["script"]);
}

/** Urdu, Pashto and Dari/Persian each have letters the others lack. */
function arabicScriptLanguage(text: string): string {
  if (/[ټډړږښځڅۍې]/u.test(text)) return "ps";
  if (/[ٹڈڑںے]/u.test(text)) return "ur";
  if (/[پچژگ]/u.test(text)) return "fa";
  return "ar";
}

export function detectLanguage(text: string): LanguageGuess {
  const script = scriptOf(text);
  const words = (text.slice(0, 50_000).toLowerCase().match(WORDS_RE) ?? []).slice(0, 5000);
  const shareOf = (code: string) => {
    const set = STOPWORDS[code];
    if (set === undefined || words.length === 0) return 0;
    let n = 0;
    for (const w of words) if (set.has(w)) n += 1;
    return n / words.length;
  };
  const englishShare = shareOf("en");
  if (script === "arabic") return { code: arabicScriptLanguage(text), englishShare, script };
  if (script !== "latin") return { code: "und", englishShare, script };
  const isEnglish = words.length < MIN_WORDS ? englishShare > 0 : englishShare >= MIN_ENGLISH_SHARE;
  if (isEnglish) return { code: "en", englishShare, script };
  const others = ["fr", "de", "es"].map((code) => [code, shareOf(code)] as const);
  const [code, share] = others.sort((a, b) => b[1] - a[1])[0] ?? ["und", 0];
  if (englishShare >= MIN_TELEGRAPHIC_SHARE && englishShare > share) {
    return { code: "en", englishShare, script };
  }
  return { code: share >= MIN_ENGLISH_SHARE ? code : "und", englishShare, script };
}
