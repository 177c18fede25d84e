/**
 * Words with their offsets, folded keys and a light stemmer: the building
 * blocks the matchers share. Keys fold case, accents and apostrophes so that
 * "Khuzdār" and "Khuzdar", "Pakistan’s" and "Pakistans" meet.
 */

export interface Token {
  /** The word as written. */
  text: string;
  start: number;
  end: number;
  /** Lower case, no accents or apostrophes. */
  key: string;
}

// Letters, digits and in-word apostrophes; hyphens split words so
// "Tehrik-e-Taliban" is three tokens and "Pakistan-Afghanistan" two. The
// class is spelt out without \p{L} (a non-Unicode regex is several times
// faster): ASCII letters and digits, Latin-1 letters, and everything from
// U+0100 up except general punctuation (U+2000–U+206F: dashes, curly quotes)
// and the CJK/fullwidth punctuation blocks.
const LETTER =
  "A-Za-z0-9\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u1FFF\\u2070-\\u2FFF\\u3040-\\uFEFE\\uFF10-\\uFFEF";
const WORD_RE = new RegExp(`[${LETTER}]+(?:['’][${LETTER}]+)*`, "g");
/** Runs of letters (no digits), without offsets, for counting words. */
export const WORDS_RE = new RegExp(`[${LETTER.replace("0-9", "")}]+`, "g");

const ASCII_RE = /^[\x20-\x7e]*$/;

export function foldWord(word: string): string {
  // Most words are ASCII: skip Unicode normalisation for them.
  if (ASCII_RE.test(word)) {
    const lower = word.toLowerCase();
    return lower.includes("'") ? lower.replace(/'/g, "") : lower;
  }
  return word
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/['’‘`ʼ]/g, "");
}

/** The words of `text` (offsets relative to `text`, plus `base`). */
export function tokenize(text: string, base = 0): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD_RE)) {
    const start = base + (match.index ?? 0);
    tokens.push({
      text: match[0],
      start,
      end: start + match[0].length,
      key: foldWord(match[0]),
    });
  }
  return tokens;
}

/** Keys of the phrases of 1…max tokens starting at token `i`. */
export function phraseKeys(tokens: readonly Token[], i: number, max: number): string[] {
  const keys: string[] = [];
  let key = "";
  for (let j = i; j < tokens.length && j < i + max; j += 1) {
    key = key === "" ? (tokens[j]?.key ?? "") : `${key} ${tokens[j]?.key ?? ""}`;
    keys.push(key);
  }
  return keys;
}

/** Folded key of a phrase: its words joined by one space. */
export function phraseKey(text: string): string {
  return tokenize(text)
    .map((t) => t.key)
    .join(" ");
}

const SUFFIXES = [
  "ations",
  "ation",
  "ments",
  "ment",
  "ings",
  "ing",
  "ies",
  "ied",
  "ed",
  "es",
  "s",
  "al",
  "ly",
  "e",
];

/** A crude suffix-stripping stem: "dismantling"/"dismantle" → "dismantl", "arrests" → "arrest". */
export function stem(word: string): string {
  let w = foldWord(word);
  for (const suffix of SUFFIXES) {
    if (w.length - suffix.length >= 4 && w.endsWith(suffix)) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  return w;
}

/** Words that carry no topic: skipped when comparing texts by their words. */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  (
    "a an the and or but nor of to in on at by for from with within without into onto over " +
    "under about against between across along through during after before as than then that " +
    "this these those there their them they it its is are was were be been being has have had " +
    "do does did will would shall should can could may might must not no so such very just " +
    "also other others any all some many more most what which who whom whose when where why " +
    "how if whether while we us our you your he she his her him i me my new"
  ).split(" "),
);

/** Stems of the topic words of a text, as a set. */
export function contentStems(text: string): Set<string> {
  const stems = new Set<string>();
  for (const token of tokenize(text)) {
    if (FUNCTION_WORDS.has(token.key) || /^\d+$/.test(token.key)) continue;
    stems.add(stem(token.key));
  }
  return stems;
}

export function isCapitalised(word: string): boolean {
  const code = word.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90;
  return /^\p{Lu}/u.test(word);
}

export function isAllCaps(word: string): boolean {
  return /\p{Lu}/u.test(word) && !/\p{Ll}/u.test(word);
}
