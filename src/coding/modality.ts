/**
 * PLOVER's auxiliary modes for an event mention: whether the text says it
 * did not happen (negated), might happen (hypothetical), will happen
 * (future), or happens as a pattern rather than once (generic: "In past
 * incidents…", "At times…", "has carried out" with no date).
 */
import type { Modality } from "./types.ts";

const NEGATION =
  /\b(?:not|no|never|neither|nor|without|no longer|den(?:y|ies|ied)|fail(?:s|ed)? to|refus(?:es|ed) to)\b|n't\b/i;
const HYPOTHETICAL =
  /\b(?:if|could|would|might|may|should|must|possible|possibly|likely|unlikely|risks?|threat of|to avoid|avoid|to prevent|prevent|to block|to curb|needed|need to|needs to|aims? to|intends? to|wants? to|in case|unless|whether|allow)\b/i;
const FUTURE =
  /\b(?:will|shall|going to|plans? to|planning to|is set to|are set to|is expected to|are expected to|to be held|upcoming|next (?:week|month|year))\b/i;
const GENERIC =
  /\b(?:in (?:the )?past(?: \w+)?|at times|repeatedly|often|frequent(?:ly)?|routinely|regularly|usually|sometimes|over the (?:past|last)(?: few| several)? (?:years|months|decades)|in recent (?:years|months)|in multiple|many of (?:which|these|them)|time and again|from time to time|for years|increase in|such)\b/i;
/** Present perfect: "has carried out", "have even conducted", "has been attacked". */
const PERFECT = /\b(?:has|have)\s+(?:\w+ly\s+|even\s+|also\s+|often\s+|long\s+)*(?:been\s+)?\w+/i;

export interface ModalityInput {
  sentence: string;
  /** Offset of the event's words within `sentence`. */
  triggerStart: number;
  triggerEnd: number;
  isQuestion: boolean;
  hasDate: boolean;
  /** The trigger is a verb ("urges"), so a final "s" is no plural. */
  isVerb?: boolean;
}

/** How far before the trigger a negation or modal still governs it, in characters. */
const WINDOW = 60;

export function detectModality(input: ModalityInput): Modality[] {
  const { sentence, triggerStart } = input;
  const before = sentence.slice(Math.max(0, triggerStart - WINDOW), triggerStart);
  const clauseStart = Math.max(before.lastIndexOf(","), before.lastIndexOf(";")) + 1;
  const clause = before.slice(clauseStart);
  const modality: Modality[] = [];
  if (NEGATION.test(clause)) modality.push("negated");
  if (input.isQuestion || HYPOTHETICAL.test(before)) modality.push("hypothetical");
  // "The talks will be held…": the future tense may follow the event noun.
  if (FUTURE.test(before) || FUTURE.test(sentence.slice(triggerStart))) modality.push("future");
  const isGeneric =
    !input.hasDate &&
    (GENERIC.test(sentence) ||
      PERFECT.test(sentence.slice(0, triggerStart)) ||
      (input.isVerb !== true && isBarePlural(sentence, triggerStart, input.triggerEnd)));
  if (isGeneric) modality.push("generic");
  return modality;
}

/** "cross-border attacks", "bombings": a plural with no article or number names a kind, not one event. */
function isBarePlural(sentence: string, triggerStart: number, triggerEnd: number): boolean {
  if (!/(?:s|ies)$/i.test(sentence.slice(triggerStart, triggerEnd))) return false;
  const previous = /(\S+)\s*$/u.exec(sentence.slice(0, triggerStart))?.[1]?.toLowerCase() ?? "";
  return !/^(?:the|a|an|in|during|two|three|four|five|six|several|these|those|\d+|twin|multiple)$/.test(
    previous,
  );
}
