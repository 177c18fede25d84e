/**
 * Splits text into sentences with their character spans, and marks the
 * shape of each: a heading (a short line without final punctuation), a list
 * item ("Border monitoring — Closer surveillance…", "- item"), a question.
 */
import type { Sentence, SentenceKind } from "./types.ts";

/** Words after which a full stop does not end a sentence. */
const ABBREVIATIONS = new Set(
  (
    "mr mrs ms dr gen lt col maj capt sgt cpl brig st no nos vs etc inc ltd co corp jr sr " +
    "prof gov sen rep dept govt approx est fig jan feb mar apr jun jul aug sep sept oct nov dec " +
    "e.g i.e u.s u.k u.n a.m p.m"
  ).split(" "),
);

const HEADING_MAX_WORDS = 14;
const LABEL_MAX_WORDS = 8;
/** "Label — text" or "Label – text" or "Label: text" at the start of a line. */
const LABEL_RE = /^([^—–:.!?]{2,80}?)\s*[—–]\s+\S|^([^—–:.!?]{2,60}?):\s+\S/u;
const BULLET_RE = /^(?:[-*•▪●]|\d{1,2}[.)])\s+/u;

interface Block {
  start: number;
  end: number;
}

/** Non-empty lines, trimmed, with offsets. */
function blocksOf(text: string): Block[] {
  const blocks: Block[] = [];
  let offset = 0;
  for (const line of text.split("\n")) {
    const lead = line.length - line.trimStart().length;
    const trimmed = line.trim();
    if (trimmed !== "") {
      blocks.push({ start: offset + lead, end: offset + lead + trimmed.length });
    }
    offset += line.length + 1;
  }
  return blocks;
}

function isAbbreviation(before: string): boolean {
  const word = /([\p{L}.]+)$/u.exec(before)?.[1]?.toLowerCase() ?? "";
  if (word === "") return false;
  const bare = word.replace(/\.$/, "");
  // A single capital letter ("J. Smith") is an initial.
  return ABBREVIATIONS.has(bare) || /^\p{L}$/u.test(bare) || /^(?:\p{L}\.)+\p{L}$/u.test(bare);
}

/** Sentence end offsets (exclusive) within `block`, relative to the block. */
function sentenceEnds(block: string): number[] {
  const ends: number[] = [];
  const re = /[.!?]+["”’)\]]*(?=\s+["“‘(]?[\p{Lu}\p{N}])/gu;
  for (const match of block.matchAll(re)) {
    const index = match.index ?? 0;
    // The word before the stop is enough; slicing the whole block each time would be quadratic.
    if (match[0].startsWith(".") && isAbbreviation(block.slice(Math.max(0, index - 24), index)))
      continue;
    ends.push(index + match[0].length);
  }
  ends.push(block.length);
  return ends;
}

function isHeadingLike(text: string): boolean {
  if (/[.!?:;,"”]$/u.test(text)) return false;
  const words = text.split(/\s+/).length;
  return words <= HEADING_MAX_WORDS && /^[\p{Lu}\p{N}"“]/u.test(text);
}

function labelOf(text: string): string | null {
  const found = LABEL_RE.exec(text);
  const label = (found?.[1] ?? found?.[2])?.trim();
  if (label === undefined) return null;
  return label.split(/\s+/).length <= LABEL_MAX_WORDS ? label : null;
}

function kindOf(text: string, isListItem: boolean): SentenceKind {
  if (text.endsWith("?") || /\?["”’)]*$/u.test(text)) return "question";
  return isListItem ? "list-item" : "sentence";
}

/** The sentences of `text`, in order, with spans into `text`. */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let heading: string | null = null;
  for (const block of blocksOf(text)) {
    const blockText = text.slice(block.start, block.end);
    if (isHeadingLike(blockText)) {
      sentences.push({
        index: sentences.length,
        start: block.start,
        end: block.end,
        text: blockText,
        kind: "heading",
        heading,
        label: null,
      });
      heading = blockText;
      continue;
    }
    const label = BULLET_RE.test(blockText) ? null : labelOf(blockText);
    const isListItem = label !== null || BULLET_RE.test(blockText);
    let from = 0;
    for (const end of sentenceEnds(blockText)) {
      const raw = blockText.slice(from, end);
      const lead = raw.length - raw.trimStart().length;
      const piece = raw.trim();
      if (piece !== "") {
        const start = block.start + from + lead;
        sentences.push({
          index: sentences.length,
          start,
          end: start + piece.length,
          text: piece,
          kind: kindOf(piece, isListItem),
          heading,
          label,
        });
      }
      from = end;
    }
  }
  return sentences;
}
