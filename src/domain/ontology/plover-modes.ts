/**
 * PLOVER modes, conflict–cooperation scores and the older category names.
 *
 * Source: PLOVER manual, DRAFT Version 0.8 (Open Event Data Alliance, 2021;
 * openeventdata/PLOVER, `PLOVER_MANUAL.tex`), chapter "Event Categories".
 * The manual calls the category we name REQUEST "DEMAND"; the CAMEO→PLOVER
 * table of the same draft (`CAMEO2PLOVER-2021.txt`) calls it REQUEST, and so
 * does `src/domain/plover.ts`. The demand modes below are the manual's DEMAND modes.
 */
import { PLOVER_CATEGORIES, type PloverCategory } from "../plover.ts";

/**
 * Modes per category, in the manual's order. AGREE, SUPPORT, CONCEDE,
 * COOPERATE and AID have "Supplementary fields: None", so no modes. The
 * manual says both mode and context are optional and are left null when no
 * value fits; a `null` mode in a mapping means exactly that.
 */
export const PLOVER_MODES = {
  AGREE: [],
  CONSULT: ["visit", "third-party", "multilateral", "phone"],
  SUPPORT: [],
  CONCEDE: [],
  COOPERATE: [],
  AID: [],
  RETREAT: ["withdraw", "release", "return", "disarm", "ceasefire", "access", "resign"],
  // The manual's DEMAND modes, "shared with REJECT".
  REQUEST: ["assist", "change", "yield", "meet"],
  ACCUSE: ["disapprove", "investigate", "allege"],
  REJECT: ["assist", "change", "yield", "meet"],
  THREATEN: ["restrict", "ban", "arrest", "relations", "expel", "territory", "violence"],
  PROTEST: ["demo", "riot", "general", "strike", "hunger", "boycott", "obstruct"],
  SANCTION: ["convict", "expel", "withdraw", "discontinue"],
  MOBILIZE: ["troops", "weapons", "police", "militia"],
  COERCE: [
    "confiscate",
    "restrict",
    "ban",
    "censor",
    "curfew",
    "martial-law",
    "arrest",
    "deport",
    "withhold",
  ],
  ASSAULT: [
    "abduct",
    "beat",
    "torture",
    "execute",
    "sexual",
    "assassinate",
    "destroy",
    "primitive",
    "firearms",
    "explosives",
    "suicide-attack",
    "heavy-weapons",
    "cleansing",
    "massacre",
    "unconventional",
    "sideAB",
  ],
} as const satisfies Record<PloverCategory, readonly string[]>;

/** The modes the manual allows for category `C`. */
export type PloverModeOf<C extends PloverCategory> = (typeof PLOVER_MODES)[C][number];

/**
 * A PLOVER type: category and mode (null when no mode of the category fits).
 * A union over the categories, so a table entry with a mode from another
 * category does not compile.
 */
export type PloverMapping = {
  [C in PloverCategory]: { readonly category: C; readonly mode: PloverModeOf<C> | null };
}[PloverCategory];

/** The same, as a compact table row: `[category, mode]`. */
export type PloverRow = {
  [C in PloverCategory]: readonly [C, PloverModeOf<C> | null];
}[PloverCategory];

export function toMapping(row: PloverRow): PloverMapping {
  // The row type already ties the mode to its category; TypeScript cannot
  // follow that across the two tuple elements, hence the assertion.
  return { category: row[0], mode: row[1] } as PloverMapping;
}

export function isPloverMode(category: PloverCategory, mode: string): boolean {
  return (PLOVER_MODES[category] as readonly string[]).includes(mode);
}

/**
 * Conflict–cooperation scores, from the manual's table "PLOVER conflict–cooperation
 * scores": the mean CAMEO Goldstein score of the CAMEO codes in each category,
 * weighted by how often each code occurred in ICEWS data October 2017 – March
 * 2019; the authors then swapped COERCE (−5.3 → −7.2) and MOBILIZE (−7.2 → −5.3).
 * REQUEST is the manual's DEMAND (−5.0); COOPERATE is printed there as "COOPERATION".
 */
const PLOVER_SCORES: Record<PloverCategory, number> = {
  ASSAULT: -9.3,
  COERCE: -7.2,
  PROTEST: -6.6,
  MOBILIZE: -5.3,
  SANCTION: -5.2,
  THREATEN: -5.1,
  REQUEST: -5.0,
  REJECT: -4.2,
  ACCUSE: -2.0,
  CONSULT: 2.1,
  AGREE: 4.2,
  SUPPORT: 4.6,
  CONCEDE: 5.0,
  COOPERATE: 6.8,
  AID: 7.4,
  RETREAT: 7.6,
};

/** Conflict (−10) to cooperation (+10) score of a category. */
export function ploverScore(category: PloverCategory): number {
  return PLOVER_SCORES[category];
}

/**
 * Names used by earlier PLOVER drafts (0.5–0.7, the gold-standard records in
 * `PLOVER_GSR_CAMEO.txt`, the 2016 CAMEO-PLOV table) and by the manual itself.
 * YIELD (split into CONCEDE and RETREAT), CRIME (dropped, no equivalent) and
 * DOCUMENT (a file header, not an event) have no single current category.
 */
const OLDER_PLOVER_NAMES: ReadonlyMap<string, PloverCategory> = new Map<string, PloverCategory>([
  ["DEMAND", "REQUEST"],
  ["DISAPPROVE", "ACCUSE"],
  ["INVESTIGATE", "ACCUSE"],
  ["FIGHT", "ASSAULT"],
  ["COOPERATION", "COOPERATE"],
]);

/** A current or older PLOVER category name (any case) as one of the 16, or undefined. */
export function normalizePloverName(name: string): PloverCategory | undefined {
  const upper = name.trim().toUpperCase();
  const current = PLOVER_CATEGORIES.find((category) => category === upper);
  return current ?? OLDER_PLOVER_NAMES.get(upper);
}
