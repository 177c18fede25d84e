/**
 * Hashed text features for the event-type classifier: word unigrams and
 * bigrams, and character 3- and 4-grams of each word (which carry "shell",
 * "shelled", "shelling" to one feature, and survive misspelt place names).
 * Numbers become one token: the count of dead is not the type of event.
 * The vector is L2-normalised, so long notes do not outweigh short ones.
 */

export interface SparseVector {
  indices: Int32Array;
  values: Float32Array;
}

export interface FeatureOptions {
  /** Number of hash buckets, a power of two. */
  dims: number;
}

const WORD_RE = /[\p{L}]+|\d+(?:[.,]\d+)*/gu;

/** FNV-1a, 32 bits: fast, stable across runs and platforms. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function wordsOf(text: string): string[] {
  const words: string[] = [];
  for (const match of text.toLowerCase().matchAll(WORD_RE)) {
    words.push(/^\d/.test(match[0]) ? "<n>" : match[0]);
  }
  return words;
}

function addGram(counts: Map<number, number>, gram: string, mask: number): void {
  const index = hashString(gram) & mask;
  counts.set(index, (counts.get(index) ?? 0) + 1);
}

/**
 * ACLED opens many strategic-development notes with their kind
 * ("Agreement: …", "Detonation: …", "Weapons seizure: …"): a strong cue,
 * counted several times so that one or two examples can teach it.
 */
const LEAD_RE = /^\s*([A-Za-z][A-Za-z /-]{2,30}):/;
const LEAD_WEIGHT = 9;

/** The feature vector of a text. */
export function extractFeatures(text: string, options: FeatureOptions): SparseVector {
  const mask = options.dims - 1;
  const counts = new Map<number, number>();
  const lead = LEAD_RE.exec(text)?.[1];
  if (lead !== undefined) {
    counts.set(hashString(`p:${lead.toLowerCase()}`) & mask, LEAD_WEIGHT);
  }
  const words = wordsOf(text);
  for (let i = 0; i < words.length; i += 1) {
    const word = words[i] ?? "";
    addGram(counts, `w:${word}`, mask);
    if (i + 1 < words.length) addGram(counts, `b:${word} ${words[i + 1]}`, mask);
    if (word === "<n>") continue;
    const padded = `<${word}>`;
    for (let n = 3; n <= 4; n += 1) {
      for (let k = 0; k + n <= padded.length; k += 1)
        addGram(counts, `c:${padded.slice(k, k + n)}`, mask);
    }
  }
  const indices = Int32Array.from(counts.keys());
  const values = new Float32Array(indices.length);
  let norm = 0;
  indices.forEach((index, k) => {
    const v = Math.sqrt(counts.get(index) ?? 0);
    values[k] = v;
    norm += v * v;
  });
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let k = 0; k < values.length; k += 1) values[k] = (values[k] ?? 0) * scale;
  return { indices, values };
}
