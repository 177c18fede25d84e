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

/** Whether a UTF-16 code unit is in `LETTER` (the same ranges, tested without a regex). */
function isLetter(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return (
    (c >= 0xc0 && c <= 0xd6) ||
    (c >= 0xd8 && c <= 0xf6) ||
    (c >= 0xf8 && c <= 0x1fff) ||
    (c >= 0x2070 && c <= 0x2fff) ||
    (c >= 0x3040 && c <= 0xfefe) ||
    (c >= 0xff10 && c <= 0xffef)
  );
}

const APOSTROPHE = 39;
const RIGHT_QUOTE = 0x2019;

/**
 * The words of `text` (offsets relative to `text`, plus `base`): runs of `LETTER`s joined
 * by single in-word apostrophes. A hand-written scanner: the tokenizer runs on every
 * sentence, and a regex with match objects and a per-word ASCII test cost twice as much.
 */
export function tokenize(text: string, base = 0): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isLetter(text.charCodeAt(i))) {
      i += 1;
      continue;
    }
    const from = i;
    let isAscii = true;
    let hasApostrophe = false;
    for (;;) {
      while (i < n) {
        const c = text.charCodeAt(i);
        if (!isLetter(c)) break;
        if (c >= 128) isAscii = false;
        i += 1;
      }
      const q = i < n ? text.charCodeAt(i) : 0;
      if ((q !== APOSTROPHE && q !== RIGHT_QUOTE) || !isLetter(text.charCodeAt(i + 1))) break;
      hasApostrophe = true;
      i += 1;
    }
    const word = text.slice(from, i);
    // ASCII letters with ' or ’ ("Pakistan’s"): what `foldWord` gives, without Unicode
    // normalisation.
    let key: string;
    if (!isAscii) key = foldWord(word);
    else if (hasApostrophe) key = word.toLowerCase().replace(/['’]/g, "");
    else key = word.toLowerCase();
    tokens.push({ text: word, start: base + from, end: base + i, key });
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
  return stemKey(foldWord(word));
}

/** `stem` of a word already folded (a token's key: folding it again changes nothing). */
function stemKey(key: string): string {
  for (const suffix of SUFFIXES) {
    if (key.length - suffix.length >= 4 && key.endsWith(suffix))
      return key.slice(0, -suffix.length);
  }
  return key;
}

function isDigits(key: string): boolean {
  for (let i = 0; i < key.length; i += 1) {
    const c = key.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return key.length > 0;
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
    if (FUNCTION_WORDS.has(token.key) || isDigits(token.key)) continue;
    stems.add(stemKey(token.key));
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
