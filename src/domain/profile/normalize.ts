/**
 * Name keys for alias matching: the same key for the spellings sources use of
 * one name ("Tehrik-i-Taliban Pakistan", "Tehreek-e-Taliban Pakistan",
 * "TEHRIK E TALIBAN PAKISTAN"; "Khuzdār District", "Khuzdar").
 */

/**
 * Word-level spelling variants. Pashto/Urdu transliterations vary in a few
 * vowels, and demonyms stand for the country ("Pakistani forces").
 */
const WORD_VARIANTS: ReadonlyMap<string, string> = new Map([
  ["tehreek", "tehrik"],
  ["tahrik", "tehrik"],
  ["tahreek", "tehrik"],
  ["taleban", "taliban"],
  ["pakistani", "pakistan"],
  ["pakistanis", "pakistan"],
  ["afghan", "afghanistan"],
  ["afghani", "afghanistan"],
  ["afghans", "afghanistan"],
  ["baluch", "baloch"],
  ["baluchistan", "balochistan"],
  ["qaida", "qaeda"],
]);

/**
 * Words dropped from keys: the Persian/Urdu izafat written "-e-" or "-i-"
 * ("Lashkar-e-Taiba", "Lashkar-i-Taiba", "Sar-e Pol") and the article.
 */
const DROPPED_WORDS: ReadonlySet<string> = new Set(["e", "i", "the"]);

/** Administrative designators that sources append or prepend to unit names. */
const ADMIN_DESIGNATORS: ReadonlySet<string> = new Set([
  "province",
  "district",
  "agency",
  "tehsil",
  "wilayat",
  "velayat",
  "welayat",
]);

function words(value: string): string[] {
  return value
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/['’‘`ʼ]/g, "")
    .replace(/&/g, " and ")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== "" && !DROPPED_WORDS.has(word))
    .map((word) => WORD_VARIANTS.get(word) ?? word);
}

/** Case-, accent-, punctuation- and whitespace-insensitive key of a name. */
export function nameKey(value: string): string {
  return words(value).join(" ");
}

/** `nameKey` without administrative designators ("Bannu district" → "bannu"). */
export function adminKey(value: string): string {
  const kept = words(value).filter((word) => !ADMIN_DESIGNATORS.has(word));
  return kept.join(" ");
}

/** Text normalised for keyword search: the words of `nameKey`, padded with spaces. */
export function searchText(value: string): string {
  return ` ${nameKey(value)}`;
}

/**
 * Whether a keyword occurs in `text` (from `searchText`) starting at a word boundary; `key` is
 * the keyword's `nameKey`.
 */
export function hasKey(text: string, key: string): boolean {
  return key !== "" && text.includes(` ${key}`);
}
