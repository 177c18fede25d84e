/**
 * PLOVER root event categories (Open Event Data Alliance, PLOVER manual).
 * Modes and conflict–cooperation scores live in the ontology module.
 */
export const PLOVER_CATEGORIES = [
  "AGREE",
  "CONSULT",
  "SUPPORT",
  "CONCEDE",
  "COOPERATE",
  "AID",
  "RETREAT",
  "REQUEST",
  "ACCUSE",
  "REJECT",
  "THREATEN",
  "PROTEST",
  "SANCTION",
  "MOBILIZE",
  "COERCE",
  "ASSAULT",
] as const;

export type PloverCategory = (typeof PLOVER_CATEGORIES)[number];

export function isPloverCategory(value: string): value is PloverCategory {
  return (PLOVER_CATEGORIES as readonly string[]).includes(value);
}
