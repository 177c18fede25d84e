/**
 * The rule-based coder as a classifier of whole notes: the ACLED sub-event
 * type named by the first sentence that reports an act. Used to compare
 * the rules with the trained model on the same held-out notes.
 */
import { splitSentences } from "./sentences.ts";
import { findTrigger } from "./triggers.ts";

/** The sub-event type the rules read in a text, or null when no rule names one. */
export function classifyByRules(text: string): string | null {
  for (const sentence of splitSentences(text)) {
    const trigger = findTrigger(sentence.text, sentence.start);
    if (trigger?.subtype != null) return trigger.subtype;
  }
  return null;
}
